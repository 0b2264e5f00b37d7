# Class attributes that are ints and strings are read through the attribute caches;
# rebinding, shadowing and deleting them is seen at once.
class A:
    rate = 3
    name = "a"
    big = 2**70
    neg = -5
    f = 1.5
class B(A):
    pass
def get(o):
    return (o.rate, o.name, o.big, o.neg, o.f)
a, b = A(), B()
for i in range(3):
    print(get(a), get(b))
A.rate = 4
B.name = "b"
print(get(a), get(b))
b.rate = 10
print(get(a), get(b))
del B.name
print(get(a), get(b))
A.neg = -(2**61)
print(get(a), get(b))
A.neg = 2**61 - 1
print(get(a), get(b))
A.neg = -(2**62)
print(get(a), get(b))
