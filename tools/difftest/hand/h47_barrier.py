import asyncio
async def w(b, i, log):
    log.append(('arrive', i))
    r = await b.wait()
    log.append(('pass', i, r))
async def main():
    b = asyncio.Barrier(3)
    log = []
    await asyncio.gather(*(w(b, i, log) for i in range(3)))
    print(log)
    print(b.parties, b.n_waiting, b.broken)
    t = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    await b.abort()
    try:
        await t
    except asyncio.BrokenBarrierError as e:
        print('broken', repr(e))
asyncio.run(main())
