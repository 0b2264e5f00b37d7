# One CALL site meeting different functions: each call runs the function it names,
# whether the site saw it before, a new function with the same code (a def run
# again), one with other code that may have taken a freed function's address, a
# closure, or a function of another module (other globals).
import asyncio


def a(x):
    return ("a", x)


def b(x):
    return ("b", x)


def c(x, y=2):
    return ("c", x, y)


def site(f, x):
    return f(x)


print([f(1) for f in [a, b, a, c, b, a]])

for i in range(4):
    def g(x):
        return x * i

    print(site(g, 3))
    del g


def make(k):
    if k % 2:
        return lambda x: x + 100
    return lambda x: x - 100


print([site(make(k), k) for k in range(6)])


def adder(n):
    def add(x):
        return x + n

    return add


print([site(adder(n), 10) for n in range(4)])
print(site(asyncio.isfuture, 5), site(a, 5), site(asyncio.isfuture, asyncio))


class K:
    def m(self):
        return "K.m"


def m2(self):
    return "m2"


k = K()
print(site(K.m, k), site(m2, k), site(k.m.__func__, k))
K.m = m2
print(site(K.m, k), k.m())
