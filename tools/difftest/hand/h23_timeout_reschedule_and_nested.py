import asyncio
async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.2):
            try:
                async with asyncio.timeout(0.02):
                    await asyncio.sleep(1)
            except TimeoutError:
                print('inner timeout')
            await asyncio.sleep(0.01)
            print('outer body continues')
    except TimeoutError:
        print('outer timeout?!')
    try:
        async with asyncio.timeout(0.02):
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print('swallowed cancel inside timeout')
        print('no TimeoutError since swallowed')
    except TimeoutError:
        print('TimeoutError anyway')
    async with asyncio.timeout_at(loop.time() + 0.05) as cm:
        await asyncio.sleep(0.01)
    print('expired', cm.expired())
    try:
        async with asyncio.timeout(0) :
            await asyncio.sleep(0)
    except TimeoutError as e:
        print('zero timeout', repr(e))
asyncio.run(main())
