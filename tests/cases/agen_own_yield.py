# An async generator's own `yield x` told apart from what an `await` inside it passes
# up (ASYNC_GEN_WRAP marks the generator, no wrapper object): yields between awaits
# that suspend, chains, asend/athrow/aclose, and a yield in a finally during aclose.
import asyncio


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
        await asyncio.sleep(0)


async def doubled(ag):
    async for x in ag:
        await asyncio.sleep(0)
        yield x * 2


async def echo():
    got = None
    while True:
        try:
            got = yield got
        except ValueError as e:
            got = "caught " + str(e)


async def stubborn():
    try:
        yield 1
    finally:
        yield 2


async def main():
    print([x async for x in doubled(doubled(ticker(5)))])
    e = echo()
    print(await e.asend(None), await e.asend("a"), await e.athrow(ValueError("v")))
    await e.aclose()
    s = stubborn()
    print(await s.__anext__())
    try:
        await s.aclose()
    except RuntimeError as err:
        print("RuntimeError", err)
    t = ticker(3)
    print(await anext(t), await anext(t), await anext(t), await anext(t, "done"))


asyncio.run(main())
