import asyncio
async def main():
    q = asyncio.Queue()
    out = []
    async def g(i):
        out.append((i, await q.get()))
    ts = [asyncio.create_task(g(i)) for i in range(3)]
    await asyncio.sleep(0)
    for v in 'abc':
        q.put_nowait(v)
    await asyncio.gather(*ts)
    print(out)
    pq = asyncio.PriorityQueue()
    for x in [(2, 'b'), (1, 'a'), (3, 'c'), (1, 'Z')]:
        await pq.put(x)
    print([pq.get_nowait() for _ in range(4)])
    print(repr(q).split(' ', 1)[0], q.maxsize)
asyncio.run(main())
