import asyncio
async def child(i, d, fail):
    try:
        await asyncio.sleep(d)
        if fail:
            raise ValueError(f'c{i}')
        print('child done', i)
    except asyncio.CancelledError as e:
        print('child cancelled', i, repr(e))
        raise
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            t0 = tg.create_task(child(0, 0.01, False))
            t1 = tg.create_task(child(1, 0.03, True))
            t2 = tg.create_task(child(2, 0.2, False))
            t3 = tg.create_task(child(3, 0.3, False))
            print('body done')
    except ExceptionGroup as eg:
        print('eg', repr(eg), eg.message, [repr(e) for e in eg.exceptions])
    print([(t.done(), t.cancelled()) for t in (t0, t1, t2, t3)])
asyncio.run(main())
