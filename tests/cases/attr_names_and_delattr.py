# Attribute names that are not strings raise TypeError (setattr(o, 1, v) used to abort
# pyco); del obj.attr goes through a user __delattr__ and a property's deleter.
class O: pass
o = O()
for f in [lambda: setattr(o, 1, 2), lambda: delattr(o, 1), lambda: hasattr(o, 1), lambda: getattr(o, 1), lambda: object.__getattribute__(o, 1), lambda: o.__setattr__(1, 2), lambda: object.__setattr__(o, 1, 2), lambda: o.__delattr__(1), lambda: o.__getattribute__(1)]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class A:
    def __init__(self): self.x = 1
    def __delattr__(self, n):
        print("del", n)
        object.__delattr__(self, n)
a = A()
del a.x
print(hasattr(a, 'x'))
try:
    del a.y
except AttributeError as e:
    print("AttributeError", e)
b = A(); b.__delattr__('x'); print(vars(b))
class P:
    def __init__(self): self._v = 1
    @property
    def v(self): return self._v
    @v.deleter
    def v(self):
        print("deleting v")
        del self._v
    @property
    def ro(self): return 0
p = P()
del p.v
print(vars(p))
try:
    del p.ro
except AttributeError as e:
    print(e)
