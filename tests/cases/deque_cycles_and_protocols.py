# A deque is its own kind of object: the cycle collector sees into it, and the
# protocols that look at an object's type (hash, call, truth, len, repr) find deque's.
from collections import deque
import gc

d = deque([1, 2, 3], maxlen=5)
print(d, repr(d), str(d), len(d), bool(d), bool(deque()))
print(d == deque([1, 2, 3]), d != deque([1]), d < deque([1, 2, 4]))
for bad in (lambda: hash(d), lambda: d()):
    try:
        bad()
    except TypeError as e:
        print("TypeError", e)
print(type(d), type(d).__name__, isinstance(d, deque))

# A deque holding itself prints with "[...]" and is freed by the collector.
l = deque()
l.append(l)
print(l)


a = deque([object()])
b = deque([a])
a.append(b)
del a, b
print("collected", gc.collect() >= 2)

# A subclass keeps a native deque inside; cycles through it are collected too.
class D(deque):
    pass


x = D([4, 5])
x.append(x)
print(len(x), type(x).__name__, isinstance(x, deque))
x.pop()
x.append([1, 2])
x.append(x)
del x
print("collected", gc.collect() >= 1)
