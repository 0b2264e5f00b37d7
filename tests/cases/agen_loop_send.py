# SEND of an async generator's __anext__()/asend() awaitable resumes the generator in
# the loop (Ret::AsyncSend): own yields are the awaitable's result, raw yields (a
# future from an await inside) go up to the task, a return is StopAsyncIteration,
# exceptions leave the generator as from a nested run; the awaitable's states, the
# generator's ag_running and the chaining of levels all keep CPython's behaviour.
import asyncio

async def src(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def double(ag):
    async for x in ag:
        yield x * 2

async def echo():
    got = []
    while True:
        v = yield len(got)
        if v is None:
            break
        got.append(v)
    yield got

async def failing():
    yield 1
    raise ValueError("from the generator")

async def stops():
    yield 1
    raise StopAsyncIteration

async def watch(ag_holder):
    yield ag_holder[0].ag_running

async def main():
    print([v async for v in double(double(src(5)))])
    e = echo()
    print(await e.asend(None), await e.asend("a"), await e.asend("b"), await e.asend(None))
    try:
        await e.asend(None)
    except StopAsyncIteration:
        print("StopAsyncIteration after the end")
    f = failing()
    print(await f.__anext__())
    try:
        await f.__anext__()
    except ValueError as exc:
        print("ValueError:", exc)
    try:
        await f.__anext__()
    except StopAsyncIteration:
        print("closed after raising")
    s = stops()
    await s.__anext__()
    try:
        await s.__anext__()
    except RuntimeError as exc:
        print("RuntimeError:", exc, type(exc.__cause__).__name__)
    g = src(3)
    aw = g.__anext__()
    print(await aw)
    try:
        await aw
    except RuntimeError as exc:
        print("RuntimeError:", exc)
    holder = []
    w = watch(holder)
    holder.append(w)
    print("ag_running inside:", await w.__anext__(), "after:", w.ag_running)
    print(await anext(src(0), "default"), await anext(src(2)))

    async def slow():
        yield 1
        await asyncio.sleep(10)
        yield 2
    async def consume():
        out = []
        try:
            async for v in slow():
                out.append(v)
        except asyncio.CancelledError:
            out.append("cancelled")
            raise
        finally:
            print("consumer saw", out)
    t = asyncio.create_task(consume())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled")

    async def early():
        try:
            yield 1
            yield 2
        finally:
            print("early's finally")
    async for v in early():
        print("first", v)
        break
    await asyncio.sleep(0)

    async def total(n):
        t = 0
        async for v in double(src(n)):
            t += v
        return t
    print(await asyncio.gather(total(10), total(20)))

asyncio.run(main())
