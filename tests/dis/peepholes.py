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
