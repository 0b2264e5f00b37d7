import asyncio
class AIt:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 3:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        return self.i
async def main():
    async for x in AIt():
        print(x)
    else:
        print('else clause')
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print('TypeError', e)
    print([x async for x in AIt()], {x: x*x async for x in AIt()})
    print([await asyncio.sleep(0, i) for i in range(3)])
asyncio.run(main())
