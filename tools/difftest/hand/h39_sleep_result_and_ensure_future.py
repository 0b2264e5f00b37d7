import asyncio
async def main():
    print(await asyncio.sleep(0, 'zero'), await asyncio.sleep(0.01, result=[1]))
    f = asyncio.ensure_future(asyncio.sleep(0, 'ef'))
    print(type(f).__name__, asyncio.isfuture(f), asyncio.iscoroutine(f))
    print(await f)
    print(asyncio.ensure_future(f) is f)
    c = asyncio.sleep(0)
    print(asyncio.iscoroutine(c))
    await c
    print(asyncio.iscoroutinefunction(main), asyncio.iscoroutinefunction(print))
asyncio.run(main())
