# Calls that bind keywords and defaults: every way they can go right or wrong.
def f(a, b=2, c=3):
    return (a, b, c)
def g(a, /, b, c=5):
    return (a, b, c)
def h(x, y):
    return x - y
def outer(k):
    def add(x, y=1):
        return x + y + k
    return add
def gen(a, b=10):
    yield a
    yield b
tests = [
    lambda: f(1), lambda: f(1, 5), lambda: f(1, c=9), lambda: f(a=1), lambda: f(c=1, a=2),
    lambda: f(b=1, a=2, c=3), lambda: f(), lambda: f(1, a=2), lambda: f(1, d=3),
    lambda: f(1, 2, 3, 4), lambda: g(1, 2), lambda: g(1, b=2), lambda: g(a=1, b=2),
    lambda: g(1, c=0, b=4), lambda: h(y=1, x=5), lambda: h(1), lambda: h(1, y=2, x=3),
    lambda: outer(3)(4), lambda: outer(3)(4, y=0), lambda: list(gen(1)), lambda: list(gen(b=3, a=4)),
    lambda: f(1, **{"c": 7}), lambda: f(*(1, 2)), lambda: f(1, b=f(2, c=0)),
]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError:", e)
def rec(n, acc=0, *, step=1):
    return acc if n == 0 else rec(n - 1, acc=acc + n)
print(rec(50))
def deep(n, d=0):
    return deep(n + 1, d=d) if n < 10000 else n
try:
    deep(0)
except RecursionError:
    print("RecursionError")
