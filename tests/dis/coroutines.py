def g():
    x = yield 1
    y = yield from h()
    return x, y
async def c():
    a = await other()
    async with m() as z:
        pass
    async for q in it():
        print(q)
    return a
