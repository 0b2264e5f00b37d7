import asyncio
async def main():
    cond = asyncio.Condition()
    async def waiter():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                print('waiter cancelled, lock held again?', cond.locked())
                raise
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('done', cond.locked())
    try:
        cond.notify()
    except RuntimeError as e:
        print('RuntimeError', e)
asyncio.run(main())
