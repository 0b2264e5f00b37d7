import asyncio
async def holder(lock):
    async with lock:
        print('holder has lock')
        await asyncio.sleep(0.05)
        print('holder releasing')
async def waiter(lock, i):
    try:
        async with lock:
            print('waiter got lock', i)
    except asyncio.CancelledError:
        print('waiter cancelled', i, lock.locked())
        raise
async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    ws = [asyncio.create_task(waiter(lock, i)) for i in range(3)]
    await asyncio.sleep(0.01)
    ws[0].cancel()
    res = await asyncio.gather(h, *ws, return_exceptions=True)
    print([type(r).__name__ for r in res], lock.locked())
asyncio.run(main())
