import asyncio
async def f():
    e = ValueError('with note')
    pass
    raise e
async def main():
    try:
        await f()
    except ValueError as e:
        print(repr(e))
    print(repr(asyncio.CancelledError('a', 'b')), str(asyncio.CancelledError('a', 'b')))
    print(repr(asyncio.TimeoutError()), asyncio.TimeoutError is TimeoutError)
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))
    print(asyncio.InvalidStateError.__mro__[1].__name__, asyncio.QueueEmpty.__mro__[1].__name__)
    await f()
asyncio.run(main())
