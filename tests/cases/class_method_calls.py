# Calling a method through its class (`Base.step(self)`), as a subclass's override
# does: plain functions, static and class methods, the lookup along the MRO, and a
# method replaced on the class between calls.
class Base:
    def step(self, n):
        return ("Base.step", n)

    @staticmethod
    def helper(x):
        return ("helper", x)

    @classmethod
    def make(cls, x):
        return (cls.__name__, x)


class Child(Base):
    def step(self, n):
        return ("Child", Base.step(self, n), Child.helper(n), Child.make(n))


class Grand(Child):
    pass


c = Grand()
for i in range(3):
    print(c.step(i))
print(Grand.step(c, 9), Grand.make(1), Grand.helper(2))


def replacement(self, n):
    return ("replaced", n)


for i in range(4):
    if i == 2:
        Base.step = replacement
    print(Child.step(c, i))
    print(Base.step(c, i))

Child.step = lambda self, n: ("lambda", n)
print(Grand.step(c, 5))
del Child.step
print(Grand.step(c, 6))
try:
    Grand.missing(c)
except AttributeError as e:
    print("AttributeError:", e)
print(type(Base.step).__name__, Base.step is replacement)
