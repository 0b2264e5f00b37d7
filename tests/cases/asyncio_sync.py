import asyncio

async def main():
    cond = asyncio.Condition()
    items = []
    async def consumer(n):
        async with cond:
            await cond.wait_for(lambda: len(items) > 0)
            print(f"  consumer {n} got {items.pop()}")
    cs = [asyncio.create_task(consumer(i)) for i in range(3)]
    await asyncio.sleep(0.01)
    for i in range(3):
        async with cond:
            items.append(i)
            cond.notify()
        await asyncio.sleep(0)
    await asyncio.gather(*cs)
    async with cond:
        print("locked inside:", cond.locked())
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)
    w = []
    async def waiter(i):
        async with cond:
            await cond.wait()
            w.append(i)
    ws = [asyncio.create_task(waiter(i)) for i in range(4)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ws)
    print("notify_all woke", w)

    bs = asyncio.BoundedSemaphore(2)
    await bs.acquire()
    print("bs locked?", bs.locked())
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)
    sem = asyncio.Semaphore(0)
    async def rel():
        await asyncio.sleep(0.01)
        sem.release()
    asyncio.create_task(rel())
    await sem.acquire()
    print("semaphore acquired after release; locked", sem.locked())
    lock = asyncio.Lock()
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("lock waiter cancelled:", t.cancelled())
    lock.release()
    print("locked:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(str(lock).split(' ')[0], str(lock).split('[')[1])
    ev = asyncio.Event()
    print(str(ev).split('[')[1])

    q = asyncio.Queue(maxsize=1)
    done = []
    async def worker():
        while True:
            item = await q.get()
            await asyncio.sleep(0.001)
            done.append(item)
            q.task_done()
    wt = asyncio.create_task(worker())
    for i in range(5):
        await q.put(i)
    await q.join()
    print("joined:", done, q.empty(), q.full())
    wt.cancel()
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull:
        print("QueueFull")
    print(str(q))
    try:
        q.task_done(); q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3]:
        pq.put_nowait((x, str(x)))
    print("prio:", [pq.get_nowait() for _ in range(5)])
    lq = asyncio.LifoQueue()
    for x in [1, 2, 3]:
        lq.put_nowait(x)
    print("lifo:", [await lq.get() for _ in range(3)])
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except TimeoutError:
        pass
    q.get_nowait()
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except TimeoutError:
        print("get timed out; getters:", len(q._getters))

asyncio.run(main())
