import asyncio
async def ticker():
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("ticker finally")
async def main():
    async for i in ticker():
        if i == 2:
            break
    print("after break")
    await asyncio.sleep(0)
    print("end")
    t = ticker()
    print(await t.__anext__())
    print("leaving main with a suspended agen")
    return t
asyncio.run(main())
print("after run")


# Freed unfinished during a long-running loop: its aclose() runs as a task.
async def counter(tag):
    try:
        n = 0
        while True:
            yield n
            n += 1
    finally:
        print(tag, "closed")


async def consume():
    async for n in counter("A"):
        if n == 1:
            break
    print("consume: broke out")
    for _ in range(3):
        await asyncio.sleep(0)
    print("consume: done")
    print(sys.get_asyncgen_hooks()[0] is not None)


import sys
asyncio.run(consume())
print(tuple(sys.get_asyncgen_hooks()))
