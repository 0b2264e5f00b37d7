# Natives calling Python functions (map, sorted keys): closures, defaults, cells,
# the recursion limit, exceptions, generator functions and several iterables.
import sys
def outer():
    k = 10
    def inner(x):
        return x + k
    return inner
print(list(map(outer(), [1, 2])))
print(sorted([3, 1, 2], key=lambda x, d=5: -x))
def rec(n):
    return n if n == 0 else list(map(rec, [n - 1]))[0]
sys.setrecursionlimit(200)
try:
    rec(1000)
except RecursionError as e:
    print("RecursionError", e)
def cellarg(x):
    def g():
        return x
    return g()
print(list(map(cellarg, "ab")))
def raiser(x):
    raise ValueError(x)
try:
    list(map(raiser, [7]))
except ValueError as e:
    print("VE", e)
print(list(map(lambda a, b: a * b, [1, 2, 3], (4, 5))))
print(list(map(pow, [2, 3], [3, 2])))
def gen(x):
    yield x
print([list(g) for g in map(gen, [1, 2])])
