import asyncio
async def leaf(i, fail_at):
    await asyncio.sleep(0.01 * i)
    if i == fail_at:
        raise RuntimeError(f"leaf {i}")
    return i
async def main():
    inner = asyncio.gather(leaf(1, -1), leaf(2, -1))
    outer = asyncio.gather(inner, leaf(3, -1))
    print(await outer)
    g = asyncio.gather(leaf(1, -1), leaf(5, -1))
    t = asyncio.create_task(asyncio.sleep(0.02))
    await t
    g.cancel("nope")
    try:
        await g
    except asyncio.CancelledError as e:
        print("cancelled gather:", e.args)
    r = await asyncio.gather(leaf(1, 1), leaf(2, -1), return_exceptions=True)
    print([repr(x) for x in r])
    co = leaf(1, -1)
    print(await asyncio.gather(co, co))
    async def waits_cancel():
        await asyncio.sleep(0)
        raise asyncio.CancelledError("inner msg")
    try:
        await asyncio.gather(waits_cancel())
    except asyncio.CancelledError as e:
        print("gather child cancelled:", e.args)
    t = asyncio.create_task(waits_cancel())
    try:
        await t
    except asyncio.CancelledError as e:
        print("task self-cancelled:", e.args, t.cancelled())
    for fut in asyncio.as_completed([leaf(3, -1), leaf(1, -1), leaf(2, 2)]):
        try:
            print("as_completed", await fut)
        except RuntimeError as e:
            print("as_completed error", e)
asyncio.run(main())
