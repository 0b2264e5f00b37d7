# Done-callbacks (one, several, removed), cancel messages, exceptions and task
# names: the parts of a Future/Task core that pyco keeps out of line.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    seen = []
    def a(f):
        seen.append("a")
    def b(f):
        seen.append("b")
    def c(f):
        seen.append("c")
    fut.add_done_callback(a)
    fut.add_done_callback(b)
    fut.add_done_callback(c)
    fut.add_done_callback(b)
    print("removed b:", fut.remove_done_callback(b))
    print("removed missing:", fut.remove_done_callback(print))
    fut.set_result(1)
    await asyncio.sleep(0)
    print("ran:", seen)

    one = loop.create_future()
    one.add_done_callback(a)
    print("removed only:", one.remove_done_callback(a))
    one.add_done_callback(c)
    one.set_result(None)
    await asyncio.sleep(0)
    print("after re-add:", seen)

    bad = loop.create_future()
    bad.set_exception(ValueError("boom"))
    print("exception:", repr(bad.exception()))
    try:
        bad.result()
    except ValueError as e:
        print("result raised:", e)

    gone = loop.create_future()
    print("cancel:", gone.cancel("stop here"), gone.cancelled())
    try:
        gone.result()
    except asyncio.CancelledError as e:
        print("cancelled with:", e.args)

    async def sleeper():
        await asyncio.sleep(10)

    t = asyncio.create_task(sleeper())
    named = asyncio.create_task(sleeper(), name="worker")
    print(t.get_name().startswith("Task-"), named.get_name())
    named.set_name(42)
    print(repr(named.get_name()))
    await asyncio.sleep(0)
    t.cancel("first")
    print("cancelling:", t.cancelling())
    t.cancel("second")
    print("cancelling:", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("task cancelled:", e.args)
    named.cancel()
    results = await asyncio.gather(named, return_exceptions=True)
    print([type(r).__name__ for r in results])

    waiters = [loop.create_future() for _ in range(3)]
    done = []
    for i, w in enumerate(waiters):
        w.add_done_callback(lambda f, i=i: done.append((i, f.result())))
    for i, w in enumerate(reversed(waiters)):
        w.set_result(i)
    await asyncio.sleep(0)
    print(done)


asyncio.run(main())
