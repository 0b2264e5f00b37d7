import asyncio, types
@types.coroutine
def sleeper(n):
    for i in range(n):
        x = yield
        print('tick', i, x)
    return 'slept'
async def main():
    print(await sleeper(2))
    def g():
        r = yield from sleeper(1)
        return r
    print(await types.coroutine(g)())
asyncio.run(main())
