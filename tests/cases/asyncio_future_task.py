import asyncio

def cb(f):
    print("  cb1", f.result())
def cb2(f):
    print("  cb2")

async def coro_fn():
    return 1

def plain():
    return 1

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(cb)
    f.add_done_callback(cb2)
    f.add_done_callback(cb)
    print("removed:", f.remove_done_callback(cb))
    f.set_result(3)
    await asyncio.sleep(0)
    try:
        f.set_result(4)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    g = loop.create_future()
    try:
        g.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    print(repr(g))
    g.cancel(msg="because")
    try:
        g.result()
    except asyncio.CancelledError as e:
        print("cancel msg:", e.args)
    print(repr(g))
    h = loop.create_future()
    h.set_exception(ValueError)
    print(repr(h), repr(h.exception()))
    try:
        h.set_exception(StopIteration())
    except Exception as e:
        print(type(e).__name__)
    k = loop.create_future()
    try:
        k.set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)

    async def sleeper():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError as e:
            print("  sleeper got", repr(e))
            raise
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    t.cancel("stop now")
    print("cancelling:", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter got", repr(e))
    t = asyncio.create_task(sleeper())
    t.cancel("early")
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter got", repr(e))
    print("uncancel:", t.uncancel(), t.uncancel())
    t = asyncio.create_task(coro_fn())
    print(t.get_name().startswith("Task-"), asyncio.iscoroutine(t.get_coro()))
    t.set_name("renamed")
    print(t.get_name(), await t)
    try:
        t.set_result(1)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("iscoroutinefunction:", asyncio.iscoroutinefunction(coro_fn), asyncio.iscoroutinefunction(plain))
    print("current:", asyncio.current_task().get_name())
    print("all_tasks:", len(asyncio.all_tasks()))
    h1 = loop.call_at(loop.time() + 0.02, print, "call_at 20ms")
    h2 = loop.call_at(loop.time() + 0.01, print, "call_at 10ms")
    h3 = loop.call_later(0.015, print, "cancelled")
    h3.cancel()
    print("cancelled:", h3.cancelled(), h1.cancelled(), type(h1).__name__)
    await asyncio.sleep(0.03)
    fut = asyncio.ensure_future(coro_fn())
    print(type(fut).__name__, await fut)
    print(asyncio.ensure_future(f) is f)
    class Aw:
        def __await__(self):
            yield from asyncio.sleep(0).__await__()
            return "aw"
    print(await asyncio.ensure_future(Aw()))
    try:
        asyncio.ensure_future(5)
    except TypeError as e:
        print("TypeError:", e)
    # gather cancellation
    async def child(n):
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print(f"  child {n} cancelled")
            raise
    g = asyncio.gather(child(1), child(2))
    await asyncio.sleep(0)
    print("gather cancel ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError")
    g = asyncio.gather(child(3), child(4), return_exceptions=True)
    await asyncio.sleep(0)
    ch = sorted(asyncio.all_tasks(), key=lambda t: int(t.get_name()[5:]))
    for c in ch:
        if c is not asyncio.current_task():
            c.cancel("bye")
    print("gathered:", [repr(r) for r in await g])
    try:
        asyncio.run(coro_fn())
    except RuntimeError as e:
        print("RuntimeError:", e)
    # bad yields
    @asyncio.coroutine if hasattr(asyncio, "coroutine") else (lambda f: f)
    def dummy():
        pass
    async def self_await():
        await asyncio.current_task()
    try:
        await asyncio.create_task(self_await())
    except RuntimeError as e:
        print("RuntimeError:", str(e)[:30])
    class Bad:
        def __await__(self):
            yield 5
    async def bad():
        await Bad()
    try:
        await asyncio.create_task(bad())
    except RuntimeError as e:
        print("RuntimeError:", e)
    # task that catches cancel then returns
    async def catcher():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            return "caught"
    t = asyncio.create_task(catcher())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())
    # nested run error from main
    return "main-done"

print(asyncio.run(main()))
loop = asyncio.new_event_loop()
print(loop.run_until_complete(coro_fn()))
print(loop.is_running(), loop.is_closed())
loop.close()
print(loop.is_closed())
try:
    asyncio.get_event_loop()
    print("got a loop")
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    asyncio.run(5)
except ValueError as e:
    print("ValueError:", e)
