import asyncio
async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print('inner ctx', repr(e.__context__), 'cause', repr(e.__cause__))
        raise RuntimeError('converted') from e
async def main():
    t = asyncio.create_task(inner())
    await asyncio.sleep(0)
    t.cancel('why')
    try:
        await t
    except RuntimeError as e:
        print('main got', repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
    t2 = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    t2.cancel('m2')
    try:
        await t2
    except asyncio.CancelledError as e:
        print('t2', repr(e), repr(e.__context__), repr(e.__cause__))
asyncio.run(main())
