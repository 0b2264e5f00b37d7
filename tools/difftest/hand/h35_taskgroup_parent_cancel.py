import asyncio
async def child(i):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        clog.append(i)
        raise
clog = []
async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(3):
                tg.create_task(child(i))
            await asyncio.sleep(1)
    except asyncio.CancelledError:
        print('parent cancelled, cancelling =', asyncio.current_task().cancelling())
        raise
async def main():
    t = asyncio.create_task(parent())
    await asyncio.sleep(0.01)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('main: parent cancelled', sorted(clog))
    async with asyncio.TaskGroup() as tg:
        pass
    try:
        tg.create_task(child(9))
    except RuntimeError as e:
        print('RuntimeError', e)
asyncio.run(main())
