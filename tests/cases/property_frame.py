# Property getters in Python run in frames of their own from LOAD_ATTR: values,
# errors, recursion, shadowing by instance attributes, subclasses and setters; an
# AttributeError from a getter goes to the class's __getattr__.
class P:
    def __init__(self, n):
        self.n = n
    @property
    def double(self):
        return self.n * 2
    @property
    def broken(self):
        return self.missing
    @property
    def loop(self):
        return self.loop
    half = property(lambda self: self.n / 2)
    def _get_v(self):
        return self._v
    def _set_v(self, v):
        self._v = v * 10
    v = property(_get_v, _set_v)
    @property
    def gen(self):
        yield self.n
class Q(P):
    @property
    def double(self):
        return super().double + 1
p = P(4)
print(p.double, p.half, Q(4).double)
p.v = 3
print(p.v)
print(list(p.gen))
try:
    p.broken
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.loop
except RecursionError as e:
    print("RecursionError:", e)
p.__dict__["double"] = "shadow"
print(p.double)
print(P.double.fget(p), getattr(p, "double"), hasattr(p, "broken"))
total = 0
for i in range(1000):
    total += P(i).double
print(total)
def deep(k):
    return k.double
print([deep(P(i)) for i in range(3)])
class Hooked:
    @property
    def p(self):
        raise AttributeError("inner")
    @property
    def q(self):
        return self.missing
    def __getattr__(self, name):
        return "hook " + name
h = Hooked()
print(h.p, h.q, getattr(h, "p"), hasattr(h, "q"))
class Slow:
    @property
    def val(self):
        raise ValueError("from getter")
def caller():
    return Slow().val
try:
    caller()
except ValueError as e:
    print("ValueError:", e)
Slow().val
