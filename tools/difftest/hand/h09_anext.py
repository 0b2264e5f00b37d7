import asyncio
async def ag():
    yield 1
    yield 2
async def main():
    g = ag()
    print(await anext(g))
    print(await anext(g, 'd'))
    print(await anext(g, 'd'))
    try:
        await anext(g)
    except StopAsyncIteration:
        print('stop')
    print(aiter(g) is g)
asyncio.run(main())
