# Step 9: the same program with asyncio. create_task schedules a coroutine on the loop;
# awaiting a task suspends until it is done; sleep() is a future resolved by a timer.
import asyncio


async def worker(name, delay):
    print(f"{name} starts, sleeping {delay}")
    await asyncio.sleep(delay)
    print(f"{name} woke up")
    return name.upper()


async def main():
    tasks = [asyncio.create_task(worker(n, d)) for n, d in [("slow", 0.05), ("fast", 0.01), ("mid", 0.03)]]
    print("tasks:", [t.get_name() for t in tasks], "done?", [t.done() for t in tasks])
    results = [await t for t in tasks]
    print("done?", [t.done() for t in tasks])
    return results


print(asyncio.run(main()))
