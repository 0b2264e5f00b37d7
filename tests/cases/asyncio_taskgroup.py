import asyncio

async def job(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(f"  {name} cancelled")
        raise
    if fail:
        raise ValueError(f"{name} failed")
    print(f"  {name} done")
    return name

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("a", 0.02))
        t2 = tg.create_task(job("b", 0.01), name="bee")
        print("created", t1.get_name(), t2.get_name())
    print("results", t1.result(), t2.result())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("c", 0.05))
            tg.create_task(job("d", 0.01, fail=True))
            tg.create_task(job("e", 0.05))
            await asyncio.sleep(1)
            print("not reached")
    except Exception as eg:
        print("group error:", type(eg).__name__, str(eg), [repr(e) for e in eg.exceptions])
    print("cancelling after:", asyncio.current_task().cancelling())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(job("f", 0.05))
            raise KeyError("body")
    except Exception as eg:
        print("body error:", type(eg).__name__, [repr(e) for e in eg.exceptions])
    print(repr(asyncio.TaskGroup()))

asyncio.run(main())
