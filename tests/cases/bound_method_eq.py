class A:
    def m(self): pass
    def n(self): pass
    @classmethod
    def c(cls): pass
    def __eq__(self, other):
        return True
    __hash__ = object.__hash__

a = A()
b = A()
print(a.m == a.m, a.m == A().m, hash(a.m) == hash(a.m))
print(a.m != a.m, a.m != b.m, a.m == a.n, a.m is a.m)
print(a == b, a.m == b.m)  # equal receivers but different identity
print(A.c == A.c, hash(A.c) == hash(A.c), A.c == a.c)
d = {a.m: 1}
print(d[a.m], a.m in d, b.m in d, len({a.m, a.m, b.m}))
l = [1, 2]
print(l.append == l.append, l.append == [].append, hash(l.append) == hash(l.append))
s = "ab"
print(s.upper == s.upper, s.upper == s.lower)
print([a.m].count(a.m), [a.m].index(a.m), a.m in [a.m])
print(A.m == A.m, A.m == A.n)
print(a.m == 1, a.m.__func__ is A.m, a.m.__self__ is a)
