import asyncio
async def leaf(i):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('leaf cancelled', i)
        raise
async def main():
    inner = asyncio.gather(leaf(1), leaf(2))
    outer = asyncio.gather(inner, leaf(3))
    await asyncio.sleep(0)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError as e:
        print('outer cancelled', repr(e), inner.cancelled(), outer.cancelled())
asyncio.run(main())
