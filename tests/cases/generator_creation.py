# Calling a generator function returns its generator without running its frame: with
# keywords, defaults, closures (COPY_FREE_VARS) and cells (MAKE_CELL), at the recursion limit.
import inspect
def plain(a, b=2, *, c=3):
    yield a + b + c
def outer(x):
    def inner(y):
        yield x + y        # closure: COPY_FREE_VARS before RETURN_GENERATOR
    return inner
def celled(x):
    def get():
        return x           # x is a cell: MAKE_CELL before RETURN_GENERATOR
    yield get
    x += 1
    yield get
async def co(a, b=1):
    return a * b
g = plain(1, c=10)
print(inspect.getgeneratorstate(g), g.gi_frame.f_lineno, next(g))
print(list(outer(5)(6)))
c = celled(1)
f1 = next(c); f2 = next(c); print(f1(), f2())
k = co(3, b=4)
print(inspect.getcoroutinestate(k))
try:
    k.send(None)
except StopIteration as e:
    print("returned", e.value)
def rec(n):
    return rec(n + 1) if n < 2000 else plain(n)
try:
    rec(0)
except RecursionError as e:
    print("RecursionError", e)
import sys
def depth_gen(n):
    yield n
def probe(n):
    try:
        return probe(n + 1)
    except RecursionError:
        return n
lim = probe(0)
def make_at(n, target):
    if n < target:
        return make_at(n + 1, target)
    return depth_gen(n)
for t in (lim - 3, lim - 2, lim - 1, lim):
    try:
        print(t - lim, next(make_at(0, t)) - lim)
    except RecursionError:
        print(t - lim, "RecursionError")
