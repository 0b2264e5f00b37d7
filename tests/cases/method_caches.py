# LOAD_METHOD caches: invalidated by class changes, shadowed by instance attributes,
# polymorphic sites, and classes created and freed in a loop (addresses reused).
class A:
    def f(self):
        return "A.f"
class B(A):
    pass
class C:
    def f(self):
        return "C.f"
class D:
    def f(self):
        return "D.f"

def call_f(o):
    return o.f()

objs = [A(), B(), C(), D()]
print([call_f(o) for o in objs * 2])
A.f = lambda self: "new A.f"
print([call_f(o) for o in objs])
def g(self):
    return "B.g"
B.f = g
print([call_f(o) for o in objs])
del B.f
print([call_f(o) for o in objs])
a = A()
a.f = lambda: "instance f"
print(call_f(a), call_f(A()))
del a.f
print(call_f(a))

def make(i):
    class K:
        def f(self):
            return i
    return K()
print(sum(call_f(make(i)) for i in range(2000)))

class Base:
    def hello(self):
        return "base"
class Sub(Base):
    pass
s = Sub()
print(call_f.__code__.co_name, s.hello())
Sub.hello = lambda self: "sub"
print(s.hello())
setattr(Base, "hello", lambda self: "base2")
print(s.hello(), Base().hello())
delattr(Sub, "hello")
print(s.hello())

import collections
dq = collections.deque([1, 2])
print([x.count(1) for x in ([1, 1], (1,), dq)], "a1".count("1"))
for e in ("a".count, "a".partition, "a".rpartition, "a".find, "a".index, "a".rfind):
    try:
        e(1)
    except TypeError as x:
        print(x)
