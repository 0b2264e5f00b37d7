# C(args) for plain classes runs __init__ in place; __new__, native bases, exception
# classes, a non-None __init__ result, errors and recursion keep their behaviour.
import collections
class Q(collections.deque):
    def __init__(self, n):
        super().__init__(range(n))
class E(Exception):
    def __init__(self, code):
        super().__init__("bad", code)
        self.code = code
class P:
    def __init__(self, x, y):
        self.x, self.y = x, y
class N:
    def __new__(cls, v):
        o = super().__new__(cls)
        o.made = v
        return o
    def __init__(self, v):
        self.v = v
class R:
    def __init__(self):
        return 5
class G:
    def __init__(self, n):
        if n > 50:
            raise ValueError(n)
        self.child = G(n + 1) if n < 3 else None
print(list(Q(3)), E(4).args, E(4).code, vars(P(1, 2)) if hasattr(P(1,2), "__dict__") else (P(1, 2).x, P(1, 2).y))
n = N(7); print(n.made, n.v)
g = G(0); print(g.child.child.child.child)
try:
    R()
except TypeError as e:
    print("TypeError", e)
try:
    G(51)
except ValueError as e:
    print("ValueError", e)
def deep(n):
    return P(n, deep(n + 1)) if n < 5000 else None
try:
    deep(0)
except RecursionError as e:
    print("RecursionError")
try:
    P(1)
except TypeError as e:
    print(e)
