async def f(q):
    while True:
        x = await q.get()
        if x is None:
            break
    n = 0
    while n < 3:
        n += 1
        continue
    return n
