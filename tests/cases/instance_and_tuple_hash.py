# hash() of instances through the class cache (a __hash__ set, removed, inherited),
# and of tuples, fed item by item.
class A:
    pass
a = A()
print(hash(a) == hash(a), {a: 1}[a])
A.__hash__ = lambda self: 42
print(hash(a))
A.__hash__ = None
try:
    hash(a)
except TypeError as e:
    print(e)
class B:
    def __eq__(self, o): return True
try:
    {B()}
except TypeError as e:
    print(e)
class C(B):
    __hash__ = object.__hash__
print(type(hash(C())).__name__)
class D:
    def __hash__(self): return -1
print(hash(D()), hash((1, 2, (3, 4.5))), hash(()), hash((D(),)))
print(hash((1, 2)) == hash((1, 2)), {(1, 2): "t"}[(1, 2)])
