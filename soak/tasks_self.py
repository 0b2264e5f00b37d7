# Soak: tasks whose result is the task itself (a reference cycle through the native
# Task), N of them in batches; the cycle collector must keep memory flat.
import asyncio, sys
N = int(sys.argv[1])
async def selfish():
    await asyncio.sleep(0)
    return asyncio.current_task()     # the task's result is the task: a cycle
async def main():
    for b in range(N // 1000):
        ts = [asyncio.create_task(selfish()) for _ in range(1000)]
        for t in ts:
            await t
    print("done")
asyncio.run(main())
