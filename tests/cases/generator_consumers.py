# list(), any(), all(), min() and max() of a generator run it in pyco's loop (consume.rs);
# every case where they hand over to the built-in must behave as CPython does.
def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(x * 2 for x in range(5)), list(numbers(3)), list(x for x in []))
print(any(x > 3 for x in range(10)), any(x for x in [0, 0, None, False]), any(x for x in []))
print(all(x < 30 for x in range(10)), all(x for x in [1, 2, 0, 3]), all(x for x in []))
print(max(x % 7 for x in range(20)), min(x % 7 + 1 for x in range(20)), max(numbers(5)), min(numbers(5)))
print(max(x for x in [3, 2.5, 7, "a"] if not isinstance(x, str)), min(x for x in ["b", "a", "c"]))
try:
    max(x for x in [])
except ValueError as e:
    print("VE", e)
try:
    min(x for x in [1, "a"])
except TypeError as e:
    print("TE", e)
def fin():
    try:
        yield 0
        yield 5
        print("not reached")
        yield 6
    finally:
        print("fin closed")
print(any(fin()))
print("after any")
def fin2():
    try:
        yield 1
        yield []
        yield 2
    finally:
        print("fin2 closed")
print(all(fin2()))
print("after all")
class B:
    def __init__(self, v): self.v = v
    def __bool__(self):
        print("bool", self.v); return self.v
print(any(B(x) for x in [False, False, True, False]))
class C:
    def __init__(self, v): self.v = v
    def __gt__(self, o):
        print("gt", self.v, o.v); return self.v > o.v
    def __lt__(self, o):
        print("lt", self.v, o.v); return self.v < o.v
def cs():
    for v in [3, 1, 4, 1, 5]:
        print("yield", v)
        yield C(v)
print(max(cs()).v, min(cs()).v)
print(max(x for x in [1, 2**70, 3]), max(x for x in [True, 2]), max(x for x in [2, True]))
print(list(x for x in "abc"), sum(x for x in [1, 2]), tuple(x for x in range(3)))
g = numbers(10); next(g)
print(list(g), list(g))
l = list
def raiser():
    yield 1
    raise KeyError("k")
try:
    list(raiser())
except KeyError as e:
    print("KE", e)
print(max(x for x in [-5, -2, -9]), min(x for x in [5, 2, 9]))
print(max([1,5,2]), any([0, 1]), list(range(3)))
