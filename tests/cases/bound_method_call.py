# Bound methods called directly (m = o.f; m(x)): exact arity pushes the function's
# frame with the receiver first; wrong arity, defaults and recursion as CPython.
class A:
    def f(self, x):
        return x + 1
    def g(self, x, y=2):
        return x + y
    def r(self, n):
        if n == 0:
            raise ValueError("bottom")
        return self.r(n - 1)
a = A()
m = a.f
print(m(1), a.g(1), A().f(2))
h = a.g
print(h(5), h(5, 5))
try:
    m(1, 2)
except TypeError as e:
    print(e)
try:
    m()
except TypeError as e:
    print(e)
rr = a.r
try:
    rr(3)
except ValueError as e:
    print("caught", e)
def deep(n):
    return deep_m(n + 1)
deep_m = A().f
class W:
    def __enter__(self): return 1
    def __exit__(self, t, v, tb):
        print("exit", t, v)
        return True
with W() as w:
    raise KeyError(w)
with W():
    pass
class R:
    def step(self, n):
        return self.m(n - 1) if n else 0
r = R()
r.m = r.step
try:
    r.m(100000)
except RecursionError as e:
    print("RecursionError", e)
