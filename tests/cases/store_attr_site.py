# STORE_ATTR's site cache for classes that have data descriptors (properties) for
# other names: plain attributes stored through the cache, and the descriptor still
# wins where it is defined, added later, or found on a subclass at a shared site.
class Base:
    def __init__(self):
        self.log = []
    @property
    def size(self):
        return len(self.log)
    @size.setter
    def size(self, v):
        self.log.append(("size set", v))

class Sub(Base):
    pass

def store_n(o, v):
    o.n = v          # one site for every class that comes here

b, s = Base(), Sub()
for i in range(5):
    store_n(b, i)
    store_n(s, i * 10)
    b.size = i
print(b.n, s.n, b.log, s.size)

def setter(self, v):
    self.log.append(("n setter", v))
Base.n = property(lambda self: "from the property", setter)
store_n(b, 99)
store_n(s, 77)
print(b.n, s.n, b.log[-1], s.log[-1], vars(b)["n"], vars(s)["n"])
del Base.n
store_n(b, 5)
print(b.n, vars(b))

class Other:
    __slots__ = ()
class Plain:
    pass
p = Plain()
for i in range(3):
    store_n(p, i)
print(p.n)

class Frozen:
    def __setattr__(self, k, v):
        raise AttributeError(f"frozen: {k}")
try:
    store_n(Frozen(), 1)
except AttributeError as e:
    print("AttributeError:", e)

class Ex(Exception):
    @property
    def size(self):
        return 1
e = Ex("x")
for i in range(3):
    store_n(e, i)
print(e.n, e.args)
