# sum() of a generator: pyco runs the generator in its own loop, adding each small int
# it yields to the total without leaving it. Everything else must behave as the
# built-in does: other types, overflow, exceptions, started and delegating generators.
import inspect


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


print(sum(x * 3 for x in range(10) if x % 3))
print(sum(numbers(100)))
print(sum(x for x in [1, 2.5, 3]))
print(sum(x for x in [2**62, 2**62, 2**62, 1]))
print(sum(x for x in [-(2**63), -1, 5]))
print(sum(x for x in [True, True, 1]))
print(sum((x for x in range(5)), 10))
print(sum(x for x in []))

g = numbers(10)
next(g)
next(g)
print(sum(g), list(g), inspect.getgeneratorstate(g))


def bad():
    yield 1
    yield 2
    raise ValueError("boom")


try:
    print(sum(bad()))
except ValueError as e:
    print("caught", e)


def stopper():
    yield 1
    raise StopIteration


try:
    sum(stopper())
except RuntimeError as e:
    print("runtime error:", e, type(e.__cause__).__name__)


class Right:
    def __radd__(self, other):
        print("radd", other)
        return 100


print(sum(x for x in [1, 2, Right(), 5]))


def with_finally():
    try:
        yield 1
        yield "x"
        yield 3
    finally:
        print("finally runs")


try:
    print(sum(with_finally()))
except TypeError as e:
    print("TypeError:", e)


def delegating():
    r = yield from numbers(5)
    yield 10


print(sum(delegating()))


def sums_itself():
    yield sum(me)


me = sums_itself()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def watched():
    print("state inside:", inspect.getgeneratorstate(w))
    yield 1
    print("state inside again:", inspect.getgeneratorstate(w))
    yield 2


w = watched()
print(sum(w), inspect.getgeneratorstate(w))


def nested(n):
    if n == 0:
        yield 1
    else:
        yield sum(nested(n - 1)) + 1


print(sum(nested(50)))


def values_then_error():
    yield 1
    1 / 0


sum(values_then_error())
