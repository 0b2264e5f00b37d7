# super(): methods called through it (no bound method made), classmethods,
# staticmethods, properties, its own attributes and the AttributeError.
class A:
    def f(self, x): return ("A.f", x)
    @classmethod
    def c(cls): return ("A.c", cls.__name__)
    @staticmethod
    def s(): return "A.s"
    @property
    def p(self): return "A.p"
    def __repr__(self): return "A()"
class B(A):
    def f(self, x): return ("B", super().f(x))
    @classmethod
    def c(cls): return ("B.c", super().c())
    def s2(self): return super().s()
    def p2(self): return super().p
    def cls(self): return super().__class__
    def m(self): return super().__repr__()
    def missing(self): return super().nothere()
class C(B):
    def f(self, x): return ("C", super().f(x), super(B, self).f(x))
c = C()
print(c.f(1)); print(C.c()); print(c.s2()); print(c.p2()); print(c.cls()); print(c.m())
bm = super(C, c).f
print(type(bm).__name__, bm(5))
try:
    c.missing()
except AttributeError as e:
    print(e)
class E(C):
    def info(self):
        s = super()
        return (s.__thisclass__.__name__, type(s.__self__).__name__, s.__self_class__.__name__)
    @classmethod
    def cinfo(cls):
        s = super()
        return (s.__thisclass__.__name__, s.__self__.__name__, s.__self_class__.__name__)
print(E().info(), E.cinfo())
try:
    super(E, E()).nope
except AttributeError as e:
    print(e)
