import asyncio
async def sw():
    try:
        await asyncio.sleep(1)
    finally:
        return 'swallowed by return in finally'
async def brk():
    for i in range(3):
        try:
            await asyncio.sleep(1)
        finally:
            break
    return 'broke out'
async def main():
    for c in (sw, brk):
        t = asyncio.create_task(c())
        await asyncio.sleep(0)
        t.cancel()
        r = await t
        print(repr(r), t.cancelled(), t.cancelling())
asyncio.run(main())
