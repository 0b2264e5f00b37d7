async def agen(n):
    for i in range(n):
        yield i

async def use(cm, src):
    async with cm as c:
        async for x in src:
            print(x)
        print(c)
    return [y async for y in agen(3)]


async def athrow_close(g):
    await g.asend(None)
    await g.athrow(ValueError)
    await g.aclose()


async def nested_with(a, b):
    async with a, b:
        pass
    return b


async def comprehension_in_body(src):
    return {k: v async for k, v in src if k}


async def async_for_ends_async_with(cm, it):
    async with cm:
        async for x in it:
            print(x)
