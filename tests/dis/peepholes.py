# CPython 3.11's assembler peepholes that show in dis: static swaps and merged code
# constants.


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def same_target(x, y):
    a, a = x, y
    return a


def rotate(x, y, z):
    a, b, c = z, x, y
    return a, b, c


def chained(x, y):
    a, b = b, a = x, y
    return a, b


async def poll(tasks, sleep):
    while not all(t.done() for t in tasks):
        await sleep(0)
    return [t.result() for t in tasks]


def lambdas_in_loop_test(items):
    while any(map(lambda v: v > 3, items)):
        items = items[1:]
    return items


async def constants(sleep, x):
    await sleep(60 * 60 / 3600 - 1)
    if x in {1, 2, 3}:
        return [v for v in {3, 1, 2} if v > x] + [(1, 'a'), (2, 'b'), (3, 'c')]
    return {8, 16, 0, 24, 1, x}


async def loop_ends_try(items, sleep):
    try:
        for i in items:
            await sleep(i)
    finally:
        print("done")


async def with_ends_function(cm, sleep):
    try:
        async with cm:
            await sleep(0)
    except TimeoutError:
        print("late")


async def rewrites(a, b, cm, sleep):
    if not a is b or not (a in b):
        await sleep(("xy"[1], (1, 2)[-1], -7.5 // 2, not ()))
    async with cm as x, cm as y:
        print(x, y)
        if False:
            raise LookupError("never")
    if True:
        return {1: a, 2: b, 1.0: x}, {"k": a, **b, "j": y}


def big_dict(v):
    return {i: v for i in ()}, {
        0: v, 1: v, 2: v, 3: v, 4: v, 5: v, 6: v, 7: v, 8: v, 9: v,
        10: v, 11: v, 12: v, 13: v, 14: v, 15: v, 16: v, 17: v, 18: v,
    }
