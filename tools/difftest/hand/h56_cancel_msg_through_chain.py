import asyncio
async def leaf():
    await asyncio.sleep(1)
async def mid():
    await asyncio.create_task(leaf())
async def main():
    t = asyncio.create_task(mid())
    await asyncio.sleep(0.01)
    t.cancel('deep-msg')
    try:
        await t
    except asyncio.CancelledError as e:
        print('got', repr(e), e.args)
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    async def waiter():
        return await fut
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    fut.cancel('fut-msg')
    try:
        await w
    except asyncio.CancelledError as e:
        print('waiter', repr(e), w.cancelled())
asyncio.run(main())
