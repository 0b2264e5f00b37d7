import asyncio
async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('stubborn swallowed')
        return 'stubborn-value'
async def main():
    try:
        r = await asyncio.wait_for(stubborn(), 0.01)
        print('wait_for returned', r)
    except asyncio.TimeoutError:
        print('TimeoutError')
    try:
        async with asyncio.timeout(0.01):
            r = await stubborn()
        print('timeout cm body completed', r)
    except TimeoutError:
        print('TimeoutError from cm')
asyncio.run(main())
