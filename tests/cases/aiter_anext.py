import asyncio
try: aiter(5)
except TypeError as e: print(e)
try: anext(5)
except TypeError as e: print(e)
try: anext(5, 1)
except TypeError as e: print(e)
class A:
    def __aiter__(self): return 5
try: aiter(A())
except TypeError as e: print(e)
class Count:
    def __init__(self): self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        self.i += 1
        if self.i > 2: raise StopAsyncIteration
        await asyncio.sleep(0)
        return self.i
async def ag():
    yield 1
async def main():
    g = ag()
    print(aiter(g) is g)
    print(await anext(g), await anext(g, 'dflt'))
    try: await anext(g)
    except StopAsyncIteration: print('SAI')
    print(type(anext(g, 1)).__name__, type(anext(g)).__name__)
    c = aiter(Count())
    print(await anext(c), await anext(c, 'x'), await anext(c, 'end'))
    try:
        await anext(c)
    except StopAsyncIteration:
        print("SAI again")
asyncio.run(main())
