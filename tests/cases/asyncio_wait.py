import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name

def names(s):
    return sorted(t.get_name() for t in s)

async def main():
    ts = [asyncio.create_task(job("a", 0.03), name="a"), asyncio.create_task(job("b", 0.01), name="b"),
          asyncio.create_task(job("c", 0.05), name="c")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED", names(done), names(pending))
    done, pending = await asyncio.wait(ts, timeout=0.025)
    print("timeout", names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    print("ALL", names(done), names(pending), [t.result() for t in ts])
    ts = [asyncio.create_task(job("x", 0.02), name="x"), asyncio.create_task(job("y", 0.01, True), name="y"),
          asyncio.create_task(job("z", 0.05), name="z")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION", names(done), names(pending), repr(ts[1].exception()))
    for t in pending:
        t.cancel()
    done, pending = await asyncio.wait(ts)
    print("after cancel", names(done), [t.cancelled() for t in ts])
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)
    c = job("q", 0)
    try:
        await asyncio.wait([c])
    except TypeError as e:
        print("TypeError:", e)
    c.close()
    # as_completed with tasks, shield
    inner = asyncio.create_task(job("shielded", 0.03))
    outer = asyncio.shield(inner)
    await asyncio.sleep(0.01)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled; inner cancelled?", inner.cancelled())
    print("inner result:", await inner)
    try:
        r = await asyncio.wait_for(asyncio.shield(job("sh2", 0.05)), 0.01)
    except TimeoutError:
        print("wait_for on shield timed out")
    t = asyncio.create_task(job("w", 0.02))
    r = await asyncio.shield(t)
    print("shield passthrough:", r)
    print(await asyncio.wait_for(job("zero", 0), 0) if False else "skip")
    f = asyncio.get_running_loop().create_future()
    f.set_result(5)
    print("wait_for timeout 0 on done:", await asyncio.wait_for(f, 0))
    try:
        await asyncio.wait_for(job("never", 1), 0)
    except TimeoutError as e:
        print("wait_for timeout 0 pending:", type(e.__cause__).__name__)

asyncio.run(main())
