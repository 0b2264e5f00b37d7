# Attribute loads and method calls stay right when what an inline cache learnt changes:
# class attributes replaced, instance attributes shadowing methods, properties and
# __getattr__ added later, one instruction seeing many types, classes freed and made anew.


class A:
    kind = "a"

    def m(self):
        return "A.m"


class B(A):
    def m(self):
        return "B.m"


def call_m(o):
    return o.m()


def get_kind(o):
    return o.kind


a, b = A(), B()
print([call_m(x) for x in (a, b, a, b)], get_kind(a), get_kind(b))
A.m = lambda self: "new A.m"
print(call_m(a), call_m(b))
B.kind = "b"
print(get_kind(a), get_kind(b))
del B.kind
print(get_kind(b))
a.m = lambda: "instance m"
print(call_m(a))
del a.m
print(call_m(a))


def set_x(o, v):
    o.x = v


class P:
    pass


p = P()
set_x(p, 1)
print(p.x)
P.x = property(lambda self: "prop", lambda self, v: print("setter", v))
set_x(p, 2)
print(p.x)
P.__getattr__ = lambda self, name: "fallback " + name
print(get_kind(p))


def make(i):
    class C:
        def m(self):
            return i

    return C()


print([call_m(make(i)) for i in range(5)])
print([call_m(x) for x in (1.5, "s", [1]) if False] or [call_m(make(9))])
for v in ([3, 1, 2], (1,), "a1c", {1: 2}, [0], "1"):
    print(type(v).__name__, v.count(1) if not isinstance(v, (str, dict)) else v.count("1") if isinstance(v, str) else v.get(1))
