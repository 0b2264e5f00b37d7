import asyncio
async def w(i, d):
    await asyncio.sleep(d)
    return i
async def main():
    t0 = asyncio.create_task(w(0, 0.01))
    t1 = asyncio.create_task(w(1, 0.5))
    t2 = asyncio.create_task(w(2, 0.03))
    g = asyncio.gather(t0, t1, t2)
    await asyncio.sleep(0)
    t1.cancel('child-only')
    try:
        print(await g)
    except asyncio.CancelledError as e:
        print('gather got', repr(e), g.cancelled(), t2.done())
    await asyncio.sleep(0.05)
    print(t2.done(), t2.result())
    t3 = asyncio.create_task(w(3, 0.5))
    g2 = asyncio.gather(t3, return_exceptions=True)
    await asyncio.sleep(0)
    t3.cancel('x')
    print(repr(await g2))
asyncio.run(main())
