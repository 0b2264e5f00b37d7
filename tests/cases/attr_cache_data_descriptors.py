# A class with data descriptors (properties) still caches where its instances keep
# the other attributes; the cache must give way as soon as a name becomes (or stops
# being) a data descriptor of the class.


class Box:
    def __init__(self, v):
        self._v = v
        self.plain = v * 2

    @property
    def v(self):
        return self._v * 10


def read_plain(o):
    return o.plain


def read_v(o):
    return o.v


b = Box(3)
print([read_plain(b) for _ in range(3)], [read_v(b) for _ in range(3)])
b.__dict__["v"] = "shadow in dict"
print(read_v(b), b.__dict__["v"])

Box.plain = property(lambda self: "now a property")
print(read_plain(b), read_plain(b))
try:
    Box(4)
except AttributeError as e:
    print("AttributeError:", e)
del Box.plain
print(read_plain(b), read_plain(Box(5)))


class Outer:
    class Inner:
        named = property(lambda self: 1)


for target in (Outer.Inner(), b):
    for attr in ("named", "v"):
        try:
            setattr(target, attr, 0)
        except AttributeError as e:
            print("AttributeError:", e)


class Setter:
    def __get__(self, obj, owner):
        return "descriptor"


class Holder:
    d = Setter()

    def __init__(self):
        self.__dict__["d"] = "instance value"
        self.x = 1


h = Holder()
print([read_d for read_d in (h.d, h.d)])
Setter.__set__ = lambda self, obj, value: None
print(h.d)
del Setter.__set__
print(h.d)


def read_x(o):
    return o.x


class WithProp(Holder):
    @property
    def x(self):
        return "prop x"

    @x.setter
    def x(self, value):
        pass


objs = [Holder(), WithProp(), Holder()]
print([read_x(o) for o in objs])
