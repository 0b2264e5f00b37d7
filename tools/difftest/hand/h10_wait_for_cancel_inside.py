import asyncio
async def slow():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('slow cancelled; cleanup with await')
        await asyncio.sleep(0.02)
        print('slow cleanup done')
        raise
async def main():
    try:
        await asyncio.wait_for(slow(), 0.02)
    except asyncio.TimeoutError as e:
        print('TimeoutError', type(e) is TimeoutError, repr(e.__context__))
    t = asyncio.create_task(asyncio.wait_for(slow(), 1))
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('outer cancelled', t.cancelled())
asyncio.run(main())
