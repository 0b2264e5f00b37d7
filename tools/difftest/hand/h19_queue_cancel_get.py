import asyncio
async def main():
    q = asyncio.Queue(maxsize=1)
    getter = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    getter.cancel()
    await asyncio.sleep(0)
    q.put_nowait('x')
    print('getter cancelled', getter.cancelled())
    print('qsize', q.qsize(), await q.get())
    await q.put(1)
    putter = asyncio.create_task(q.put(2))
    await asyncio.sleep(0)
    print('putter done', putter.done())
    print(await q.get())
    await asyncio.sleep(0)
    print('putter done', putter.done(), q.qsize())
    try:
        await asyncio.wait_for(q.join(), 0.02)
    except asyncio.TimeoutError:
        print('join timed out, unfinished tasks pending')
    for _ in range(3):
        q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print('ValueError', e)
asyncio.run(main())
