# LOAD_FAST followed by LOAD_ATTR or LOAD_METHOD runs as one step on a cache hit;
# every way the guess can be wrong must still give CPython's answers and errors.


class P:
    def __init__(self, x):
        self.x = x

    def get(self):
        return self.x


class Q(P):
    @property
    def x(self):
        return "property"

    @x.setter
    def x(self, v):
        pass


class G:
    def __getattr__(self, name):
        return "dynamic " + name


def read(o):
    return o.x


def call(o):
    return o.get()


objs = [P(1), P(2), Q(3), G(), P(4)]
print([read(o) for o in objs[:3]], read(objs[3]), read(objs[4]))
print([call(o) for o in [P(5), Q(6)]])

p = P(7)
print(call(p))
p.get = lambda: "shadowed"
print(call(p))
del p.get
print(call(p))
P.get = lambda self: "replaced"
print(call(p), call(P(8)))

del p.x
try:
    read(p)
except AttributeError as e:
    print("AttributeError:", e)


def unbound():
    if False:
        o = P(1)
    return o.x


try:
    unbound()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)


def many(o):
    total = 0
    for _ in range(3):
        total += o.x
    return total


print(many(P(10)), many(Q(0)) if False else many(P(20)))
s = "text"
print(s.upper(), [1, 2].count(2), {"a": 1}.get("a"))
