# delegation_shapes: yield-from and await chains of the shapes that decide whether a
# collapsed chain pays (src/vm/chain.rs): a recursive tree walk (each leaf yields
# once and ends), leaves that yield a few times, and a call chain of coroutines with
# asyncio.sleep(0) at the bottom (the leaf ends as soon as it resumes).
import asyncio


def tree(d):
    if d == 0:
        yield 1
        return
    yield from tree(d - 1)
    yield d
    yield from tree(d - 1)


def k_leaf(k):
    for i in range(k):
        yield i


def mixed(depth, k, n):
    if depth == 0:
        for _ in range(n):
            yield from k_leaf(k)
        return
    yield from mixed(depth - 1, k, n)


async def level(n, rounds):
    if n == 0:
        s = 0
        for i in range(rounds):
            await asyncio.sleep(0)
            s += i
        return s
    return await level(n - 1, rounds) + 1


async def tasks():
    ts = [asyncio.create_task(level(10, 3000)) for _ in range(30)]
    return sum([await t for t in ts])


a = sum(tree(17))
b = sum(mixed(20, 6, 40000))
c = asyncio.run(tasks())
print("delegation_shapes", a, b, c)
