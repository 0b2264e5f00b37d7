import asyncio
async def ag():
    yield 1
async def main():
    print(await anext(ag()))
asyncio.run(main())
