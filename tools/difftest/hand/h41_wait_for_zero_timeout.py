import asyncio
async def quick():
    return 'q'
async def main():
    try:
        print(await asyncio.wait_for(quick(), 0))
    except asyncio.TimeoutError:
        print('timed out with 0')
    t = asyncio.create_task(asyncio.sleep(0.01, 'done'))
    await asyncio.sleep(0.02)
    print(await asyncio.wait_for(t, 0))
    try:
        await asyncio.wait_for(asyncio.sleep(1), -1)
    except asyncio.TimeoutError as e:
        print('negative timeout', repr(e))
asyncio.run(main())
