import asyncio
async def never():
    print('should not run')
async def main():
    t = asyncio.create_task(never())
    t.cancel('early')
    try:
        await t
    except asyncio.CancelledError as e:
        print('cancelled before start', repr(e))
    print(t.cancelled(), t.done())
    t2 = asyncio.create_task(never())
    await t2
    print(t2.cancel(), t2.cancelled())
asyncio.run(main())
