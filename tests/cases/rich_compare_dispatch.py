# Rich comparisons between instances: which method runs first (the reflected one of a
# subclass that overrides it), NotImplemented falling through, __ne__ from __eq__,
# and methods called by natives with exactly their parameters.
log = []


class A:
    def __init__(self, v):
        self.v = v

    def __eq__(self, o):
        log.append(("A.eq", self.v, getattr(o, "v", o)))
        return NotImplemented if self.v < 0 else self.v == getattr(o, "v", o)

    def __lt__(self, o):
        log.append(("A.lt", self.v))
        return NotImplemented

    def __gt__(self, o):
        log.append(("A.gt", self.v))
        return self.v > o.v

    __hash__ = None


class B(A):
    def __eq__(self, o):
        log.append(("B.eq", self.v))
        return True

    def __gt__(self, o):
        log.append(("B.gt", self.v))
        return NotImplemented


print(A(1) == A(1), A(1) == A(2), A(1) != A(1), A(-1) == A(-1))
print(A(1) == B(5), B(5) == A(1))
print(A(3) < A(2))
try:
    print(A(1) < B(2))
except TypeError as e:
    print("TypeError", e)
print(A(1) == 1, 1 == A(1), A(-1) == 5)
print(sorted([A(3), A(1), A(2)], key=lambda a: a.v)[0].v)
print(list(map(lambda x, y: x + y, [1, 2], [10, 20])), list(filter(lambda x: x % 2, range(6))))
for entry in log:
    print(entry)
