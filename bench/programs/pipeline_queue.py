# pipeline_queue: producer -> transformer stages -> consumer over bounded asyncio.Queues.
import asyncio


async def producer(out, n):
    for i in range(n):
        await out.put(i)
    await out.put(None)


async def stage(inp, out, k):
    while True:
        x = await inp.get()
        if x is None:
            await out.put(None)
            return
        await out.put(x * k % 1009)


async def consumer(inp):
    total = 0
    while True:
        x = await inp.get()
        if x is None:
            return total
        total += x


async def main():
    queues = [asyncio.Queue(maxsize=16) for _ in range(4)]
    workers = [asyncio.create_task(producer(queues[0], 150_000))]
    for i in range(3):
        workers.append(asyncio.create_task(stage(queues[i], queues[i + 1], i + 2)))
    total = await consumer(queues[3])
    await asyncio.gather(*workers)
    print("pipeline_queue", total)


asyncio.run(main())
