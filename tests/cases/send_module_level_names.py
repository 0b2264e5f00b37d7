# g.send(x) at module level: the value read by name
def echo():
    got = None
    while True:
        got = yield got
g = echo()
next(g)
for i in range(3):
    r = g.send(i)
    print(r)
s = "text"
print(g.send(s))
obj = [1, 2]
print(g.send(obj) is obj)
n = None
print(g.send(n))
def short():
    x = yield 1
    return x * 2
h = short()
next(h)
v = 21
try:
    h.send(v)
except StopIteration as e:
    print("returned", e.value)
try:
    h.send(v)
except StopIteration as e:
    print("again", e.value)
try:
    g.send(undefined_here)
except NameError as e:
    print(e)
fresh = echo()
try:
    fresh.send(v)
except TypeError as e:
    print(e)
print(fresh.send(n))
