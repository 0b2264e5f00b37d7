import asyncio
async def inner():
    await asyncio.sleep(0.03)
    print('inner finished')
    return 42
async def outer(t):
    return await asyncio.shield(t)
async def main():
    it = asyncio.create_task(inner())
    ot = asyncio.create_task(outer(it))
    await asyncio.sleep(0.01)
    ot.cancel()
    try:
        await ot
    except asyncio.CancelledError as e:
        print('outer cancelled', repr(e))
    print('inner result', await it)
asyncio.run(main())
