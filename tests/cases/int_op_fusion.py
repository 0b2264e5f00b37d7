# Small-int arithmetic and comparisons in the shapes the loop runs as one step
# (LOAD_FAST/LOAD_CONST pairs followed by BINARY_OP or COMPARE_OP and a jump): the
# results, the overflow into big ints, errors and their lines, and the cases that
# must not take the fast path (bools, floats, unbound locals).
import sys


def arith(a, b):
    out = []
    for op in range(1):
        out.append(a + b)
        out.append(a - b)
        out.append(a * b)
        out.append(a // b)
        out.append(a % b)
        out.append(a & b)
        out.append(a | b)
        out.append(a ^ b)
        out.append(a + 7)
        out.append(a - 7)
        out.append(a * 7)
        out.append(a // 7)
        out.append(a % 7)
        out.append(a // -7)
        out.append(a % -7)
        out.append((a * b) % 1000003)
        out.append((a + b) * 3 - 1)
        c = a
        c += 1
        c *= 3
        c //= 2
        c %= 5
        out.append(c)
    return out


for a, b in [(17, 5), (-17, 5), (17, -5), (-17, -5), (0, 3), (3, 1)]:
    print(a, b, arith(a, b))

big = sys.maxsize
print(big + 1, big * 2, -big - 2, (-big - 1) // -1, (-big - 1) * -1)
n = big
print(n + 1, n * n, n - -1)
m = -big - 1
print(m - 1, m // -1, m % -1)


def compares(x, y):
    r = []
    if x < y:
        r.append("lt")
    if x <= y:
        r.append("le")
    if x == y:
        r.append("eq")
    if x != y:
        r.append("ne")
    if x > y:
        r.append("gt")
    if x >= y:
        r.append("ge")
    if x < 3:
        r.append("lt3")
    if not x >= 3:
        r.append("not ge3")
    flag = x > y
    r.append(flag)
    return r


for x, y in [(1, 2), (2, 2), (3, 2), (-5, big), (big, -5)]:
    print(x, y, compares(x, y))


def loops(n):
    i = 0
    total = 0
    while i < n:
        total = total + i
        i = i + 1
    j = n
    while j > 0:
        j -= 2
    k = 0
    while True:
        k += 1
        if k >= 5:
            break
    return total, j, k


print(loops(10), loops(0), loops(7))

t = True
print(t + 1, t + t, True < 2, 1.5 + 1, 2 ** 10, 7 / 2, -7 // 2.0)


def mixed(a):
    return a + 1, a * 2, a < 3


print(mixed(2.5), mixed(True), mixed(10 ** 20))


def zero_mod(x):
    return x % 0


def zero_div(x, y):
    return x // y


for f, args in [(zero_mod, (5,)), (zero_div, (5, 0))]:
    try:
        f(*args)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)


def unbound_right(x):
    if x:
        y = 1
    return x + y


def unbound_compare(x):
    if x:
        y = 1
    return x < y


for f in (unbound_right, unbound_compare):
    try:
        f(0)
    except UnboundLocalError as e:
        print(type(e).__name__, e)


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(20))


class P:
    def __init__(self):
        self.v = 41


def results_stored(p):
    x = p.v + 1
    y = len("abc") * len("de")
    z = p.v
    z = z - p.v
    w = x
    w = w * 2
    return x, y, z, w


print(results_stored(P()))


class D:
    def __del__(self):
        print("del D")


def store_over():
    d = D()
    n = 5
    d = n + 1
    print("after the store", d)
    e = D()
    e = d * 2
    print("after the second store", e)


store_over()


def against_constants(items):
    out = []
    for x in items:
        if x % 2 == 0:
            out.append("even")
        if len(out) > 3:
            out.append("long")
        flag = x * 2 > 5
        out.append(flag)
        out.append((x > 1) == True)
        out.append(x + 0.5 < 3)
    s = [1, 2, 3]
    while len(s) > 0:
        s.pop()
    out.append(s)
    return out


print(against_constants([1, 2, 3, 4, True, 2.0, 10 ** 20]))
print(P().v > 40, P().v <= 40)
print(zero_mod(3))
