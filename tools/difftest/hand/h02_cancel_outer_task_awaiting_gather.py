import asyncio
async def w(i, d):
    try:
        await asyncio.sleep(d)
        return i
    except asyncio.CancelledError:
        print('child cancelled', i)
        raise
async def parent():
    try:
        return await asyncio.gather(w(0, 0.3), w(1, 0.4))
    except asyncio.CancelledError as e:
        print('parent got', repr(e))
        raise
async def main():
    t = asyncio.create_task(parent())
    await asyncio.sleep(0.02)
    t.cancel('pmsg')
    try:
        await t
    except asyncio.CancelledError as e:
        print('main got', repr(e), t.cancelled())
asyncio.run(main())
