# With a thousand tasks or more alive, a task that waits on a future has its
# coroutines' frames parked (packed into one small block each) until it is woken.
# Everything a suspended frame shows must survive: locals, the value stack, the
# line it waits at, cr_await, cancellation into the frame, finally blocks, and
# cycles through parked frames for the collector.
import asyncio
import gc
import sys

N = 1500


class Node:
    def __init__(self, i):
        self.i = i
        self.me = self  # a cycle, reachable only through the parked frame


async def inner(ev, i, log):
    node = Node(i)
    pending = [i, i * 2]
    try:
        await ev.wait()
    finally:
        if i % 500 == 0:
            log.append(("inner finally", i))
    return node.i + sum(pending)


async def outer(ev, i, log):
    a, b = i, -i
    r = await inner(ev, i, log)
    return r + a + b


async def fails(ev):
    x = 42
    await ev.wait()
    raise ValueError("after the wait, x=%d" % x)


async def main():
    log = []
    ev = asyncio.Event()
    tasks = [asyncio.create_task(outer(ev, i, log)) for i in range(N)]
    bad = asyncio.create_task(fails(ev))
    await asyncio.sleep(0)
    # Every task waits now; look into a few suspended coroutines.
    c = tasks[7].get_coro()
    print("cr_running", c.cr_running, "cr_await", type(c.cr_await).__name__)
    print("inner's line", c.cr_await.cr_frame.f_lineno)
    print("outer's line", c.cr_frame.f_lineno)
    print("locals", sorted(c.cr_frame.f_locals))
    gc.collect()
    print("collected while waiting: all waiting", all(not t.done() for t in tasks))
    # Cancel some: CancelledError goes into the parked frames, finally blocks run.
    for t in tasks[:1000:250]:
        t.cancel()
    await asyncio.sleep(0)
    print("cancelled", sum(t.cancelled() for t in tasks))
    print(sorted(log))
    ev.set()
    total = 0
    for t in tasks:
        if not t.cancelled():
            total += await t
    print("total", total)
    try:
        await bad
    except ValueError as e:
        print("error", e)
    print(sorted(log))


asyncio.run(main())


# A parked coroutine freed without finishing runs its finally block.
async def holder(ev, out):
    try:
        await ev.wait()
    finally:
        out.append("released")


async def abandon():
    ev = asyncio.Event()
    out = []
    keep = [asyncio.create_task(holder(ev, out)) for _ in range(N)]
    await asyncio.sleep(0)
    coro = keep[0].get_coro()
    print("waiting", coro.cr_frame is not None)
    for t in keep:
        t.cancel()
    await asyncio.sleep(0)
    print("released", len(out))


asyncio.run(abandon())
sys.stdout.flush()
