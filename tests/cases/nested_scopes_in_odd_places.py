# Lambdas and comprehensions where the compiler visits an expression twice (a while
# condition) or outside the usual path (class bases).


def pick(x):
    return object


class A(pick(lambda *a: 1)):
    pass


class B(pick([i for i in range(3)])):
    pass


print(A.__name__, B.__name__, A.__bases__ == (object,))

items = [5, 4, 3, 2, 1]
n = 0
while any(map(lambda v: v > 3, items)):
    items = items[1:]
    n += 1
print(n, items)

fs = []
while len(fs) < 3:
    fs.append(lambda: len(fs))
print([f() for f in fs])


def fib(k):
    a, b = 0, 1
    out = []
    for _ in range(k):
        out.append(a)
        a, b = b, a + b
    return out


def same(x, y):
    a, a = x, y
    return a


def rot(x, y, z):
    a, b, c = z, x, y
    return a, b, c


print(fib(10), same(1, 2), rot(1, 2, 3))


def gen():
    yield 1


g = gen()
print(fs[0].__code__ is fs[1].__code__, fib.__code__ is fib.__code__, g.gi_code is gen.__code__)

import dis


def kw_call(a):
    return print(a, end="")


print([(i.opname, i.argval, i.argrepr) for i in dis.get_instructions(kw_call)
       if i.opname in ("KW_NAMES", "LOAD_CONST")], dis.UNKNOWN)
