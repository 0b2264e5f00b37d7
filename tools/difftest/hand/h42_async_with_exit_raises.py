import asyncio
class CM:
    async def __aenter__(self):
        return self
    async def __aexit__(self, *a):
        print('aexit got', a[0].__name__ if a[0] else None)
        raise KeyError('from aexit')
async def main():
    try:
        async with CM():
            raise ValueError('body')
    except KeyError as e:
        print(repr(e), repr(e.__context__))
    class Bad:
        pass
    try:
        async with Bad():
            pass
    except TypeError as e:
        print('TypeError', e)
    class NotAw:
        def __aenter__(self): return 1
        def __aexit__(self, *a): return 1
    try:
        async with NotAw():
            pass
    except TypeError as e:
        print('TypeError', e)
asyncio.run(main())
