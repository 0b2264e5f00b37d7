# g.send(x) with x a local or a constant resumes the generator straight from
# LOAD_METHOD in pyco; every other case must behave as the ordinary call does.


def echo():
    total = 0
    while True:
        x = yield total
        if x is None:
            return total
        total += x


g = echo()
print(g.send(None))
for i in range(5):
    print(g.send(i), end=" ")
print()
s = "text"
f = 2.5
print(g.send(f))
try:
    g.send(s)
except TypeError as e:
    print("TypeError:", e)
print(g.send(None) if False else "closed after error:", g.gi_frame is None)

h = echo()
try:
    h.send(1)
except TypeError as e:
    print("TypeError:", e)
next(h)
h.send(10)
try:
    h.send(None)
except StopIteration as e:
    print("StopIteration value", e.value, e.args)
try:
    h.send(3)
except StopIteration as e:
    print("again:", repr(e.value))


class Box:
    def __init__(self, v):
        self.v = v

    def __del__(self):
        print("Box freed", self.v)


def keeps():
    while True:
        b = yield
        print("got", b.v)


k = keeps()
next(k)
k.send(Box(1))
box = Box(2)
k.send(box)
del box
print("after sends")


def selfsend():
    yield me.send(None)


me = selfsend()
try:
    next(me)
except ValueError as e:
    print("ValueError:", e)


def unbound_arg():
    g = echo()
    next(g)
    g.send(later)
    later = 1


try:
    unbound_arg()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def printer():
    while True:
        print("received", (yield))


p = printer()
p.send(None)
p.send(7)
value = "v"
p.send(value)


def raiser():
    x = yield
    raise KeyError(x)


r = raiser()
r.send(None)
r.send(42)
