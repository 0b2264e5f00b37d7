# tasks_pingpong: pairs of asyncio tasks handing a token back and forth through Events.
import asyncio


async def player(me, other, rounds, log):
    for _ in range(rounds):
        await me.wait()
        me.clear()
        log[0] += 1
        other.set()


async def main():
    log = [0]
    tasks = []
    for _ in range(50):
        a, b = asyncio.Event(), asyncio.Event()
        tasks.append(asyncio.create_task(player(a, b, 3000, log)))
        tasks.append(asyncio.create_task(player(b, a, 3000, log)))
        a.set()
    await asyncio.gather(*tasks)
    print("tasks_pingpong", log[0])


asyncio.run(main())
