# Keyword-only parameters bound straight from the caller's stack (push_bound_call):
# passed, left to their defaults, and every call it leaves to the general path.
import asyncio


def f(a, b=2, *, c=3, d):
    return (a, b, c, d)


def h(a, /, b, *, c=1):
    return (a, b, c)


print(f(1, d=4), f(1, 5, d=4), f(a=1, d=0, c=9), f(1, c=7, d=8, b=6))
print(h(1, 2), h(1, b=2), h(1, 2, c=3))
for call in [
    lambda: f(1),
    lambda: f(1, 2, 3, d=4),
    lambda: f(1, d=4, e=5),
    lambda: f(1, a=2, d=3),
    lambda: h(a=1, b=2),
    lambda: h(1, 2, 3),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)


class K:
    def m(self, x, *, scale=10, shift=0):
        return x * scale + shift


k = K()
print(k.m(1), k.m(2, shift=1), k.m(x=3, scale=2), K.m(k, 4, scale=1))


def gen(n, *, step=1):
    yield from range(0, n, step)


print(list(gen(5)), list(gen(6, step=2)))


async def coro(x, *, delay=0):
    await asyncio.sleep(delay)
    return x * 2


async def main():
    print(await coro(1), await coro(2, delay=0), await coro(x=3))


asyncio.run(main())


def shared(*, acc=[]):
    acc.append(len(acc))
    return acc


print(shared(), shared(), shared(acc=[]))


# Too many positional arguments: keywords are bound first, as in CPython.
def g(a, b=2):
    pass


for call in [
    lambda: g(1, 2, 3, b=5),
    lambda: g(1, 2, 3, a=1),
    lambda: f(1, 2, 3, c=1, d=4),
    lambda: f(1, 2, 3, b=1),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)


# Classes called with keywords, or whose __init__ has keyword-only parameters.
class Point:
    def __init__(self, x, y=0, *, label="p"):
        self.x, self.y, self.label = x, y, label

    def __repr__(self):
        return f"Point({self.x}, {self.y}, {self.label!r})"


class Tracked:
    def __init__(self, a, *, b):
        self.a = a + b

    def __del__(self):
        print("del Tracked")


class Returns:
    def __init__(self, a=0, *, b=1):
        return a + b


print(Point(1), Point(1, 2), Point(x=3), Point(4, label="q"), Point(y=5, x=6, label="r"))
print(Tracked(1, b=2).a)
for call in [
    lambda: Point(),
    lambda: Point(1, x=2),
    lambda: Point(self=1, x=2),
    lambda: Point(1, 2, 3),
    lambda: Point(1, z=3),
    lambda: Tracked(1),
    lambda: Tracked(1, 2),
    lambda: Returns(b=2),
]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
