# sum(), list(), any(), all(), min(), max() of a generator whose items come up
# through `yield from`: each item is taken where it arrives, the types that need the
# built-in's own work (floats, big ints, strings, objects with __add__) still get it.


def inner(n, start=0):
    for i in range(start, start + n):
        yield i


def outer(k, n):
    for j in range(k):
        yield from inner(n, j * n)


def deep(d, n):
    if d == 0:
        yield from inner(n)
    else:
        yield from deep(d - 1, n)
        yield -d


def mixed():
    yield from inner(3)
    yield 2.5
    yield from inner(3)
    yield 10**30
    yield from [1, 2]


def strings():
    yield from ["b", "a"]
    yield from "zc"


class Money:
    def __init__(self, v):
        self.v = v

    def __radd__(self, other):
        return Money(other + self.v)

    def __add__(self, other):
        return Money(self.v + (other.v if isinstance(other, Money) else other))


def monies():
    yield from [1, 2]
    yield from (Money(x) for x in range(3))
    yield 4


def zeros_then(x):
    yield from [0, 0, False, None]
    yield x
    print("after", x)
    yield from [0]


print(sum(outer(100, 10)), sum(deep(5, 4)))
print(list(outer(3, 2)), list(deep(2, 2)))
print(sum(mixed()), max(mixed()), min(mixed()))
print(min(strings()), max(strings()), list(strings()))
print(sum(monies()).v)
print(any(zeros_then(7)), any(zeros_then(0)))
print(all(x + 1 for x in inner(5)), all(outer(2, 3)))
print(sum(outer(3, 3), 100), max(outer(0, 3), default="none"))
print(sum(deep(3, 0)), list(outer(0, 5)))


def boom():
    yield from inner(3)
    raise ValueError("in the middle")


try:
    sum(boom())
except ValueError as e:
    print("raised", e)

try:
    max(deep(0, 0))
except ValueError as e:
    print("empty", e)

g = outer(2, 2)
print(next(g), sum(g))


def big():
    yield from [2**62, 2**62, 2**62]
    yield from inner(2)


print(sum(big()))
