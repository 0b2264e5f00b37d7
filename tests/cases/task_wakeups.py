# Tasks woken by the future they wait on: results, exceptions, cancellation while the
# wakeup is already queued, and the order wakeups run in.
import asyncio

log = []


async def waiter(name, fut):
    try:
        v = await fut
        log.append((name, "got", v))
    except asyncio.CancelledError as e:
        log.append((name, "cancelled", e.args))
        raise
    except ValueError as e:
        log.append((name, "error", str(e)))


async def main():
    loop = asyncio.get_running_loop()
    futs = [loop.create_future() for _ in range(4)]
    tasks = [asyncio.create_task(waiter(f"t{i}", futs[i])) for i in range(4)]
    await asyncio.sleep(0)
    # Complete in reverse order: wakeups run in completion order.
    futs[3].set_result(3)
    futs[1].set_exception(ValueError("bad"))
    futs[0].set_result(0)
    # t2's future completes, then t2 is cancelled before its wakeup runs.
    futs[2].set_result(2)
    print("cancel t2:", tasks[2].cancel("late"))
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in res])
    print(log)
    # Two tasks awaiting one future: both wake, in the order they started waiting.
    shared = loop.create_future()
    a = asyncio.create_task(waiter("a", shared))
    b = asyncio.create_task(waiter("b", shared))
    await asyncio.sleep(0)
    shared.add_done_callback(lambda f: log.append(("callback", f.result())))
    shared.set_result("x")
    await asyncio.gather(a, b)
    print(log[-3:])
    # Cancel a task whose future is still pending: the future is cancelled and the
    # task wakes with CancelledError carrying the message.
    f = loop.create_future()
    c = asyncio.create_task(waiter("c", f))
    await asyncio.sleep(0)
    c.cancel("stop")
    try:
        await c
    except asyncio.CancelledError as e:
        print("c:", e.args, f.cancelled())
    print(log[-1])


asyncio.run(main())
