# Calling bound method objects: super() calls, stored methods, wrong argument counts.
class A:
    def __init__(self, v):
        self.v = v
    def f(self, x):
        return self.v + x
    def g(self, x, y=2):
        return (self.v, x, y)
class B(A):
    def f(self, x):
        return super().f(x) * 10
    def g(self, x, y=3):
        return super().g(x, y=y)
b = B(1)
m = b.f
print(m(2), b.f(3), b.g(4), B.f(b, 5))
stored = [A(i).f for i in range(4)]
print([s(1) for s in stored])
try:
    m()
except TypeError as e:
    print(e)
try:
    m(1, 2)
except TypeError as e:
    print(e)
def gen_method(self, n):
    yield from range(n)
A.gm = gen_method
print(list(A(0).gm(3)))
class R:
    def r(self, n):
        return n if n == 0 else self.r(n - 1)
print(R().r(500))
