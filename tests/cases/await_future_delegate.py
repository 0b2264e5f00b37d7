# Awaiting a native Future: what SEND, throw, close and cr_await see while a coroutine
# is suspended on it, driven by hand and by a task.
import asyncio
import types


async def waiter(fut):
    try:
        return await fut
    except ValueError as e:
        return "caught " + str(e)
    finally:
        print("  waiter finally")


def by_hand():
    loop = asyncio.new_event_loop()
    fut = loop.create_future()
    c = waiter(fut)
    y = c.send(None)
    print("yielded the future:", y is fut, fut._asyncio_future_blocking)
    print("cr_await:", type(c.cr_await).__name__)
    try:
        c.send(None)
    except RuntimeError as e:
        print("second send:", e)
    c2 = waiter(fut)
    try:
        c2.send(None)
    except RuntimeError as e:
        print("other awaiter while blocking:", e)
    c2 = waiter(fut)
    fut._asyncio_future_blocking = False
    print("after the task takes it:", c2.send(None) is fut)
    c2.close()
    fut._asyncio_future_blocking = False
    c3 = waiter(fut)
    c3.send(None)
    try:
        c3.throw(ValueError("thrown"))
    except StopIteration as e:
        print("throw ->", e.value)
    fut.set_result(7)
    c4 = waiter(fut)
    try:
        c4.send(None)
    except StopIteration as e:
        print("done future ->", e.value)
    it = fut.__await__()
    print(type(it).__name__)
    try:
        next(it)
    except StopIteration as e:
        print("__await__ next ->", e.value)
    try:
        next(it)
    except StopIteration as e:
        print("spent ->", e.value)
    loop.close()


@types.coroutine
def legacy(fut):
    r = yield from fut
    return r * 2


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    print("task awaits:", type(t.get_coro().cr_await).__name__)
    loop.call_soon(fut.set_result, 5)
    print("task result:", await t)
    f2 = loop.create_future()
    loop.call_later(0.001, f2.set_result, 21)
    print("legacy:", await legacy(f2))
    f3 = loop.create_future()
    t3 = asyncio.create_task(waiter(f3))
    await asyncio.sleep(0)
    f3.set_exception(ValueError("set"))
    print("exception:", await t3)
    f4 = loop.create_future()
    t4 = asyncio.create_task(waiter(f4))
    await asyncio.sleep(0)
    f4.cancel("why")
    try:
        await t4
    except asyncio.CancelledError as e:
        print("cancelled:", e.args)
    both = loop.create_future()
    ta = asyncio.create_task(waiter(both))
    tb = asyncio.create_task(waiter(both))
    await asyncio.sleep(0)
    both.set_result("shared")
    print(await ta, await tb)


by_hand()
asyncio.run(main())
