# getattr/hasattr and class attribute reads through the type attribute cache: the
# answers follow class changes, new classes at reused addresses, and dynamic names.
class A:
    x = 1
    def m(self):
        return "A.m"
class B(A):
    pass
b = B()
print(getattr(b, "x"), hasattr(b, "y"), getattr(b, "y", "dflt"), B.x, getattr(B, "m")(b))
A.y = 2
print(hasattr(b, "y"), getattr(b, "y"))
B.x = 10
print(getattr(b, "x"), A.x)
del B.x
print(getattr(b, "x"))
del A.y
print(hasattr(b, "y"))
b.x = "own"
print(getattr(b, "x"))
for i in range(50):
    name = "attr" + str(i % 5)
    if i == 20:
        setattr(A, "attr3", i)
    print(i, hasattr(b, name), getattr(b, name, None)) if i % 7 == 0 or i >= 20 and i % 5 == 3 else None
# Classes made and freed in a loop: a new class may take a freed one's address.
for i in range(30):
    C = type("C%d" % i, (), {"v": i} if i % 2 else {})
    print(i, getattr(C(), "v", "none")) if i % 6 < 2 else None
class G:
    def __getattr__(self, name):
        return "hook:" + name
g = G()
print(getattr(g, "anything"), hasattr(g, "x"))
G.__getattr__ = lambda self, name: 42
print(getattr(g, "z"))
del G.__getattr__
print(hasattr(g, "z"), getattr(g, "z", "gone"))
print(getattr(3, "real"), hasattr(str, "join"), hasattr(3, "nope"))
# Special methods the runtime looks up go through the same cache.
class N:
    def __init__(self, v): self.v = v
    def __add__(self, o): return N(self.v + o.v)
    def __len__(self): return self.v
n = N(2) + N(3)
print(n.v, len(n))
N.__add__ = lambda self, o: "patched"
N.__len__ = lambda self: 99
print(N(1) + N(1), len(N(1)))
del N.__len__
try:
    len(N(1))
except TypeError as e:
    print("TypeError:", e)
for i in range(20):
    K = type("K", (), {"__len__": (lambda self, i=i: i)} if i % 2 else {})
    try:
        print(i, len(K())) if i % 5 < 2 else None
    except TypeError as e:
        print(i, "TypeError:", e)
