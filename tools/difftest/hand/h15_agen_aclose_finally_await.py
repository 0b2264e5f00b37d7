import asyncio
async def ag():
    try:
        yield 1
        yield 2
    finally:
        print('finally start')
        await asyncio.sleep(0.01)
        print('finally end')
async def main():
    g = ag()
    async for x in g:
        print('got', x)
        break
    await g.aclose()
    print('closed')
    g2 = ag()
    print(await g2.asend(None))
    try:
        await g2.athrow(KeyError('k'))
    except KeyError as e:
        print('propagated', repr(e))
    try:
        await g2.asend(None)
    except StopAsyncIteration:
        print('exhausted')
asyncio.run(main())
