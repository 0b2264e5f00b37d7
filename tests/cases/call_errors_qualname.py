# Argument errors name the function by its __qualname__, as CPython 3.10+ does.
class P:
    def m(self, a, *, k): pass
def outer():
    def f(a, b=1): pass
    return f
for call in (lambda: P().m(), lambda: P().m(1, 2), lambda: P().m(1), lambda: P().m(1, k=1, z=2), lambda: outer()(), lambda: outer()(1, 2, 3), lambda: outer()(1, a=1), lambda: P.m()):
    try:
        call()
    except TypeError as e:
        print(e)
f = outer(); f.__name__ = "renamed"
try: f()
except TypeError as e: print(e)
f.__qualname__ = "requal"
try: f()
except TypeError as e: print(e)
