# Calls that leave parameters to their defaults (try_fast_call's push_defaults_frame,
# CPython's CALL_PY_WITH_DEFAULTS): positional calls of functions, methods and
# closures, shared mutable defaults, recursion, and the calls it leaves to the
# general path (too few arguments, too many, keywords, keyword-only parameters).
def g(a, b=2, c=[]):
    c.append(a)
    return a + b, len(c)


print(g(1), g(1, 5), g(2), g(3, 4, [9]), g.__defaults__[1])


class P:
    def __init__(self, base=10):
        self.base = base

    def add(self, x, y=1, *rest):
        return self.base + x + y + len(rest)

    def scale(self, k=2, plus=0):
        return self.base * k + plus


p = P()
print(p.add(1), p.add(1, 2), p.add(1, 2, 3, 4), p.scale(), p.scale(3), P(5).scale())
print(P.scale(p), P.scale(p, 4, 1))


def outer(n):
    def inner(x, step=n):
        return x * step + n
    return inner


f = outer(3)
print(f(2), f(2, 10), [f(i) for i in range(4)])


def countdown(n, acc=0):
    if n == 0:
        return acc
    return countdown(n - 1, acc + n) if n % 2 else countdown(n - 1)


print(countdown(10), countdown(7, 100))


def deep(n, unused=None):
    return deep(n + 1)


try:
    deep(0)
except RecursionError as e:
    print("RecursionError", e)

for call in [lambda: g(), lambda: g(1, 2, 3, 4), lambda: p.scale(1, 2, 3)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)


def kwonly(a, b=1, *, c=2):
    return a + b + c


print(kwonly(1), kwonly(1, 2), kwonly(1, c=5), g(a=4), g(4, c=[1]))


def gen(a, b=5):
    yield a
    yield b


async def coro(a, b=6):
    return a + b


print(list(gen(1)), list(gen(1, 2)))
c = coro(1)
try:
    c.send(None)
except StopIteration as e:
    print("coro", e.value)


class Node:
    def __init__(self, value, next=None, tags=[]):
        self.value = value
        self.next = next
        tags.append(value)
        self.tags = tags


n = Node(1, Node(2))
print(n.value, n.next.value, n.next.next, n.tags, Node(3, None, []).tags)


class Sub(Node):
    pass


print(Sub(4).value, Sub(5).tags)


class Bad:
    def __init__(self, x=1):
        return x


try:
    Bad()
except TypeError as e:
    print("TypeError", e)
try:
    Node()
except TypeError as e:
    print("TypeError", e)


def boom(x, y=0):
    return x / y


try:
    boom(1)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
boom(2)
