import asyncio
async def main():
    t = asyncio.current_task()
    t.cancel()
    print('cancelling', t.cancelling())
    try:
        await asyncio.sleep(0)
    except asyncio.CancelledError:
        print('caught; uncancel ->', t.uncancel(), t.cancelling())
    await asyncio.sleep(0)
    print('still alive')
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout ok, cancelling', t.cancelling())
asyncio.run(main())
