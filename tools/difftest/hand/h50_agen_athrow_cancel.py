import asyncio
async def ag():
    try:
        yield 1
        await asyncio.sleep(1)
        yield 2
    except asyncio.CancelledError:
        print('ag saw cancel')
        yield 'after-cancel'
    finally:
        print('ag finally')
async def main():
    g = ag()
    print(await g.__anext__())
    print(await g.athrow(asyncio.CancelledError()))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print('done')
    g2 = ag()
    print(await g2.__anext__())
    t = asyncio.create_task(g2.__anext__())
    await asyncio.sleep(0)
    t.cancel()
    print('t result', await t)
    await g2.aclose()
    print(g2.ag_running, g2.ag_frame is None)
asyncio.run(main())
