# C(args) runs the __init__ the class resolves to now: rebinding, deleting or
# overriding it in a base takes effect at the next call.
class Base:
    def __init__(self, x):
        self.x = ("base", x)


class C(Base):
    def __init__(self, x):
        self.x = ("c", x)


print(C(1).x)
C.__init__ = lambda self, x: setattr(self, "x", ("lambda", x))
print(C(2).x)
del C.__init__
print(C(3).x)
Base.__init__ = lambda self, x: setattr(self, "x", ("new base", x))
print(C(4).x)
del Base.__init__
try:
    C(5)
except TypeError as e:
    print("TypeError", e)
print(type(C()).__name__)


# object.__init__ takes the call's arguments only when the class has a __new__ of its own.
class Plain:
    pass


class OwnNew:
    def __new__(cls, *args, **kwargs):
        return super().__new__(cls)


class OwnInit:
    def __init__(self, *args, **kwargs):
        self.got = (args, kwargs)


for cls in (Plain, OwnNew, OwnInit):
    for args, kwargs in (((), {}), ((1,), {}), ((), {"a": 1}), ((1,), {"a": 2})):
        try:
            cls(*args, **kwargs)
            print(cls.__name__, args, kwargs, "ok")
        except TypeError as e:
            print(cls.__name__, args, kwargs, "TypeError:", e)
print(OwnInit(1, a=2).got)
