from collections import deque

class D(deque):
    pass

d = D([1, 2])
for x in d:
    print(x)
D.append(d, 3)
d.appendleft(0)
print(len(d), isinstance(d, deque), isinstance(d, D), type(d).__name__, d)
print(d == deque([0, 1, 2, 3]), deque([0, 1, 2, 3]) == d, d[1], 2 in d, bool(D()))
d.x = 5
print(d.x)
c = d.copy()
print(type(c).__name__, c, c.x if hasattr(c, 'x') else 'no x')
print(type(d + deque([9])).__name__, d + deque([9]))
d += [7]
print(type(d).__name__, d)
print(D('abc', 2), D('abc', maxlen=2).maxlen)

class Bounded(deque):
    def __init__(self, items, limit):
        super().__init__(items, maxlen=limit)
        self.limit = limit

    def push(self, v):
        self.append(v)
        return self

    def total(self):
        return sum(self)

    def __repr__(self):
        return f"Bounded({list(self)}, limit={self.limit})"

b = Bounded(range(10), 3)
print(b, b.maxlen, b.total())
print(b.push(42), len(b), b.popleft(), b)
print(b.copy() if False else list(reversed(b)))
c = b.copy()
print(type(c).__name__)

class Stack(deque):
    def __init__(self, *items):
        super().__init__()
        for i in items:
            self.append(i)

s = Stack(1, 2, 3)
print(s, s.pop(), s)
s.__init__([8, 9])
print(s)
print(issubclass(Stack, deque), Stack.__mro__)
try:
    hash(s)
except TypeError as e:
    print(e)
class E(deque):
    def __new__(cls, *a):
        print("new", cls.__name__, a)
        return super().__new__(cls)
e = E([4, 5])
print(e)
try:
    deque.append(5, 1)
except TypeError as e:
    print("TypeError")
print(repr(D()), str(D([1])))
