# many_tasks: 100,000 tasks alive at once, each sleeping once (memory per task).
import asyncio


async def sleeper(i, done):
    await asyncio.sleep(0.01 * (i % 3))
    done[0] += 1


async def main():
    done = [0]
    tasks = [asyncio.create_task(sleeper(i, done)) for i in range(100_000)]
    await asyncio.gather(*tasks)
    print("many_tasks", done[0])


asyncio.run(main())
