import asyncio
async def w(sem, i, log):
    try:
        async with sem:
            log.append(('in', i))
            await asyncio.sleep(0.01)
            log.append(('out', i))
    except asyncio.CancelledError:
        log.append(('cancelled', i))
        raise
async def main():
    sem = asyncio.Semaphore(1)
    log = []
    ts = [asyncio.create_task(w(sem, i, log)) for i in range(4)]
    await asyncio.sleep(0.005)
    ts[1].cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    print(log)
asyncio.run(main())
