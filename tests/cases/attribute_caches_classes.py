# LOAD_ATTR/STORE_ATTR caches: class attributes, properties added and removed later,
# instance attributes shadowing class ones, __getattr__, and classes freed in a loop.
class P:
    kind = "plain"
    def __init__(self):
        self.x = 1
    @property
    def double(self):
        return self.x * 2
def read(o):
    return o.x, o.kind, o.double
def write(o, v):
    o.x = v
p = P()
print(read(p), read(p))
write(p, 5)
print(read(p))
P.kind = "changed"
print(read(p))
p.kind = "mine"
print(read(p))
del p.kind
print(read(p))
P.x = property(lambda self: "class property wins")
print(read(p))
try:
    write(p, 7)
except AttributeError:
    print("AttributeError")
del P.x
print(read(p))
class G:
    def __getattr__(self, name):
        return "dyn " + name
g = G()
print(g.anything, g.other)
G.anything = "static"
print(g.anything)
def make(i):
    class K:
        @property
        def v(self):
            return i
    return K()
print(sum(make(i).v for i in range(1000)))
class Slots:
    a = [1]
s = Slots()
print(s.a, Slots.a is s.a)
