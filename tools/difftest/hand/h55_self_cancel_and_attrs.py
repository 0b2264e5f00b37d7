import asyncio
async def selfc():
    asyncio.current_task().cancel('self')
    return 'returned anyway'
async def sub():
    await asyncio.sleep(0.01)
async def holder():
    await sub()
async def main():
    t = asyncio.create_task(selfc())
    try:
        print(await t)
    except asyncio.CancelledError as e:
        print('cancelled', repr(e))
    c = holder()
    t2 = asyncio.create_task(c)
    await asyncio.sleep(0)
    print(type(c.cr_await).__name__, c.cr_running, c.cr_frame is not None)
    await t2
    print(c.cr_await, c.cr_frame)
    def g():
        yield from iter([1, 2])
    it = g(); next(it)
    print(type(it.gi_yieldfrom).__name__)
asyncio.run(main())
