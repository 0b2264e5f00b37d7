# Step 11: producer/consumer over a bounded asyncio.Queue. put() suspends while the
# queue is full, get() while it is empty; join() waits until every item is processed.
import asyncio


async def producer(name, q, items):
    for i in range(items):
        item = f"{name}{i}"
        await q.put(item)
        print(f"put {item} (size {q.qsize()})")
        await asyncio.sleep(0.01)
    print(f"{name} done producing")


async def consumer(name, q, seen):
    while True:
        item = await q.get()
        await asyncio.sleep(0.03)
        seen.append((name, item))
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    seen = []
    consumers = [asyncio.create_task(consumer(f"c{i}", q, seen)) for i in range(2)]
    await asyncio.gather(producer("p", q, 5), producer("q", q, 3))
    await q.join()
    print("all items processed:", len(seen))
    print(sorted(item for _, item in seen))
    for c in consumers:
        c.cancel()
    results = await asyncio.gather(*consumers, return_exceptions=True)
    print([type(r).__name__ for r in results])
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("queue empty at the end")


asyncio.run(main())
