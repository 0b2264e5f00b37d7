# LOAD_ATTR / STORE_ATTR remember where an instance's dict held the name last time.
# Every way that guess can go stale must still give CPython's answer.


class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b


class Q:
    def __init__(self, b, a):
        self.b = b
        self.a = a


def read_a(o):
    return o.a


def write_a(o, v):
    o.a = v


ps = [P(1, 2), Q(3, 4), P(5, 6), Q(7, 8)]
print([read_a(o) for o in ps])  # one site, two classes, two layouts
for i, o in enumerate(ps):
    write_a(o, i * 10)
print([(o.a, o.b) for o in ps])

p = P(1, 2)
print(read_a(p), read_a(p))
del p.a
try:
    read_a(p)
except AttributeError as e:
    print("AttributeError:", e)
p.a = "again"  # now after b in the dict
print(read_a(p), list(vars(p)))
write_a(p, "written")
print(p.a, vars(p))

# Writes through vars() and __dict__ are seen by the cached sites.
q = P(1, 2)
read_a(q)
vars(q)["a"] = "via vars"
print(read_a(q))
q.__dict__.clear()
try:
    read_a(q)
except AttributeError as e:
    print("AttributeError:", e)
write_a(q, "back")
print(read_a(q), q.__dict__)

# The class gains a data descriptor: it wins over the instance dict from then on.
r = P(1, 2)
print(read_a(r))
P.a = property(lambda self: "property")
print(read_a(r))
try:
    write_a(r, 5)
except AttributeError:
    # (The message names the property only when __set_name__ named it, which pyco
    # does not model: a property assigned after class creation has no name.)
    print("AttributeError: no setter")
del P.a
print(read_a(r))
write_a(r, 6)
print(read_a(r))

# The class gains __setattr__ after a store site was cached.
s = P(1, 2)
write_a(s, 3)
P.__setattr__ = lambda self, name, value: object.__setattr__(self, name, ("set", value))
write_a(s, 4)
print(s.a)
del P.__setattr__
write_a(s, 5)
print(s.a)

# A subclass with a property of the same name, at the same site.
class R(P):
    @property
    def a(self):
        return "R.a"


t = P(1, 2)
u = R.__new__(R)
u.__dict__["a"] = "shadowed"
print(read_a(t), read_a(u), read_a(t))

# Non-interned keys with the same text.
v = P(1, 2)
key = "".join(["a"])
setattr(v, key, "joined")
print(read_a(v))

# A subclass with its own __setattr__, or an exception subclass, at a cached store site.
class S(P):
    def __setattr__(self, name, value):
        object.__setattr__(self, name, ("S", value))


class E(Exception):
    pass


w = P(1, 2)
write_a(w, "plain")
x = S(1, 2)
write_a(x, "sub")
print(w.a, x.a)
e = E("boom")
e.a = 1
write_a(e, "exc")
print(e.a, e.args, read_a(e))
