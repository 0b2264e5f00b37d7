# Soak: N tasks created and completed in batches of 1,000 in one asyncio.run.
# Peak RSS must not grow with N (run by soak/run.py, never by cargo test).
import asyncio, sys
N = int(sys.argv[1])
async def work(i):
    await asyncio.sleep(0)
    return i
async def main():
    total = 0
    for b in range(N // 1000):
        tasks = [asyncio.create_task(work(i)) for i in range(1000)]
        for t in tasks:
            total += await t
    print(total)
asyncio.run(main())
