# Functions taking *args (and nothing past it) called positionally: the frame is
# pushed with the extra arguments packed, directly and as bound methods.
def va(x, *a):
    return x, a
def only(*a):
    return a
def cell(*a):
    return lambda: a
def gen(*a):
    yield from a
print(va(1), va(1, 2, 3), only(), only(1, 2), cell(4, 5)())
print(list(gen(1, 2)), type(only()).__name__, len(only(*range(5))))
class C:
    def m(self, *rest):
        return type(self).__name__, rest
    def star(*args):
        return len(args)
    def __exit__(self, *exc):
        print("exit", exc[:2], len(exc))
        return isinstance(exc[1], KeyError)
    def __enter__(self):
        return self
c = C()
print(c.m(), c.m(1, 2), c.star(), c.star(1, 2))
bm = c.m
print(bm(9), C.m(c, 7))
with c:
    pass
with c:
    raise KeyError("swallowed")
try:
    va()
except TypeError as e:
    print("TypeError:", e)
try:
    va(x=1, *())
except TypeError as e:
    print("TypeError:", e)
def rec(n, *acc):
    return rec(n + 1, *acc, n) if n < 10 else acc
print(rec(0))
def forever(*a):
    return forever(*a, 1)
try:
    forever()
except RecursionError as e:
    print("RecursionError:", e)
total = 0
for i in range(2000):
    total += len(va(i, i, i)[1]) + len(only())
print(total)
