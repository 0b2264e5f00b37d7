# fanout_tree: a tree of coroutines that gather their children, with sleep(0) at leaves.
import asyncio


async def node(depth, width):
    if depth == 0:
        await asyncio.sleep(0)
        return 1
    counts = await asyncio.gather(*(node(depth - 1, width) for _ in range(width)))
    return sum(counts) + 1


async def main():
    total = 0
    for _ in range(15):
        total += await node(6, 4)
    print("fanout_tree", total)


asyncio.run(main())
