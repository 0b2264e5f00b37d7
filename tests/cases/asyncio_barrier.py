import asyncio
async def main():
    b = asyncio.Barrier(2)
    print(b.parties, b.n_waiting, b.broken)
    async def w(i):
        async with b as idx:
            print("passed", i, idx)
    await asyncio.gather(w(0), w(1))
    t = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print("waiting:", b.n_waiting)
    await b.reset()
    try:
        await t
    except asyncio.BrokenBarrierError as e:
        print("reset ->", repr(e))
    print("after reset", b.n_waiting, b.broken)
    await asyncio.gather(w(2), w(3))
    await b.abort()
    print(b.broken)
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        print("aborted ->", repr(e))
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print(e)
asyncio.run(main())
