# Two instances of one class with Python operator methods: BINARY_OP and COMPARE_OP
# push the method's frame. NotImplemented goes on with the rest of the protocol
# (the TypeError for arithmetic, the reflected method, then identity, for
# comparisons); subclass operands, `+=` with and without `__iadd__`, exceptions,
# recursion and results that are not bools keep CPython's behaviour.
class V:
    def __init__(self, x): self.x = x
    def __add__(self, o): return V(self.x + o.x)
    def __sub__(self, o): return NotImplemented
    def __mul__(self, o):
        raise ValueError("mul " + str(self.x))
    def __eq__(self, o): return self.x == o.x
    def __lt__(self, o): return NotImplemented
    def __gt__(self, o): return "gt-called"
    def __le__(self, o): return NotImplemented
    def __repr__(self): return f"V({self.x})"

a, b = V(1), V(2)
print(a + b, (a + b).x)
c = a
c += b
print(c, a, c is a)
for name, f in [("-", lambda: a - b), ("**", lambda: a ** b), ("<=", lambda: a <= b)]:
    try:
        f()
    except TypeError as e:
        print(name, "TypeError:", e)
try:
    a -= b
except TypeError as e:
    print("-= TypeError:", e)
try:
    a * b
except ValueError as e:
    print("ValueError:", e)
print(a == b, a == V(1), a != b, a < b)
if a == V(1):
    print("fused jump, bool result")
if a < b:
    print("fused jump, str result from the reflected __gt__")
print(not (a < b), [a < b for _ in range(2)])

class W:
    def __init__(self, x): self.x = x
    def __eq__(self, o): return NotImplemented
    def __iadd__(self, o):
        self.x += o.x
        return self
    def __add__(self, o): return "add"
w1, w2 = W(1), W(1)
print(w1 == w2, w1 == w1, w1 != w2, w1 != w1)
w3 = w1
w3 += w2
print(w3 is w1, w1.x, w1 + w2)

class Sub(V):
    def __radd__(self, o): return "radd of the subclass"
    def __gt__(self, o): return "subclass gt"
print(V(1) + Sub(2), Sub(2) + V(1), V(1) < Sub(2), Sub(1) < V(2))

class Other:
    def __radd__(self, o): return "Other radd"
try:
    V(1) + Other()
except AttributeError as e:
    print("AttributeError:", e)
print(Other() + V(1) if False else W(1) + Other())

class R:
    def __init__(self, n): self.n = n
    def __add__(self, o):
        if self.n == 0:
            return 0
        return R(self.n - 1) + o
print(R(50) + R(0))
import sys
sys.setrecursionlimit(200)
try:
    R(1000) + R(0)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(1000)

def gen(self, o):
    yield 1
class G:
    __add__ = gen
    __lt__ = lambda self, o: "lambda lt"
    def __sub__(self, o=None, *args): return "varargs"
    def __mul__(self, o, k=3): return k
    def __truediv__(self, o):
        def inner():
            return self, o
        return inner()[1] is o
g = G()
print(type(g + g).__name__, g - g, g * g, g / g, g < g)

class Later:
    pass
Later.__add__ = lambda self, o: "added later"
print(Later() + Later())
del Later.__add__
try:
    Later() + Later()
except TypeError as e:
    print("TypeError:", e)

def f():
    try:
        return V(1) * V(2)
    finally:
        print("finally runs")
try:
    f()
except ValueError as e:
    print("ValueError:", e)
print([V(i) + V(1) for i in range(3)])
print(sum([V(1), V(2)], V(0)), max(V(3), V(5), key=lambda v: v.x))

def caught():
    try:
        x = V(0) + V(1) - V(2)
    except TypeError:
        return "caught in the caller"
print(caught())
V(1) - V(2)
