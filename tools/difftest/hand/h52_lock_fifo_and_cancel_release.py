import asyncio
async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    order = []
    async def w(i):
        async with lock:
            order.append(i)
            await asyncio.sleep(0)
    ts = [asyncio.create_task(w(i)) for i in range(4)]
    await asyncio.sleep(0)
    lock.release()
    ts[0].cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    print(order, lock.locked())
    print(repr(lock).split(' ')[-1], repr(asyncio.Event()).split(' ')[-1])
asyncio.run(main())
