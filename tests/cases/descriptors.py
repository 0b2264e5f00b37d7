# User-defined descriptors: __get__, __set__, __delete__, __set_name__.
class Named:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return ("class access", objtype.__name__, self.name)
        return ("get", self.name, type(obj).__name__)


class Data(Named):
    def __set__(self, obj, value):
        print("set", self.name, value)
        obj.__dict__["_" + self.name] = value

    def __delete__(self, obj):
        print("delete", self.name)


class OnlySet:
    def __set__(self, obj, value):
        print("OnlySet.set", value)


class OnlyDelete:
    def __delete__(self, obj):
        print("OnlyDelete.delete")


class C:
    plain = Named()
    data = Data()
    only_set = OnlySet()
    only_delete = OnlyDelete()

    def method(self):
        return "method"


c = C()
print(c.plain)
print(C.plain)
c.__dict__["plain"] = "instance wins over a non-data descriptor"
print(c.plain)
print(c.data)
c.data = 5
print(c.data, c.__dict__)
c.__dict__["data"] = "instance loses to a data descriptor"
print(c.data)
del c.data
c.only_set = 1
print(type(c.only_set).__name__)  # no __get__: the descriptor itself
c.__dict__["only_set"] = "in dict"
print(c.only_set)
try:
    c.only_delete = 2
except AttributeError as e:
    print("AttributeError:", e)
del c.only_delete
try:
    del c.only_set
except AttributeError as e:
    print("AttributeError:", e)
print(getattr(c, "plain"), hasattr(c, "data"))
print(c.method())


# A descriptor added to a class later, and one in a base class.
class B:
    pass


b = B()
b.x = "dict"
B.x = Data()  # __set_name__ is not called for later assignments
B.__dict__["x"].name = "x"
print(b.x)
b.x = 7


class Sub(C):
    pass


s = Sub()
print(s.data, Sub.data)
s.data = 9


# object.__setattr__ goes through data descriptors too.
class WithSetattr:
    d = Data()

    def __setattr__(self, name, value):
        print("__setattr__", name, value)
        object.__setattr__(self, name, value)


w = WithSetattr()
w.d = 3
w.other = 4
print(w.other)


# __set_name__ failing is wrapped in a RuntimeError.
class Bad:
    def __set_name__(self, owner, name):
        raise ValueError("no")


try:
    class D:
        bad = Bad()
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))


# A finalizer's class asked about its descriptors while another class's namespace is
# being changed (the rebinding below frees a K whose class holds a D).
class D2:
    def __set__(self, obj, v):
        pass

    def __get__(self, obj, t=None):
        return "D2"


class K:
    d = D2()

    def __del__(self):
        print("K del")


D2.marker = K()
D2.marker = 1
print("ok", K().d)
