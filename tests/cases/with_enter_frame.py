# A with statement's __enter__ runs in a frame of its own (pushed, not a nested
# run), its __exit__ called as a bound method: results, errors, recursion, tracebacks.
import sys
class CM:
    def __init__(self, name, fail=False):
        self.name = name; self.fail = fail
    def __enter__(self):
        print("enter", self.name)
        if self.fail:
            raise RuntimeError("enter failed " + self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.name == "swallow"
with CM("a") as x, CM("b") as y:
    print(x, y)
try:
    with CM("a"), CM("b", fail=True):
        print("not here")
except RuntimeError as e:
    print("caught", e)
with CM("swallow"):
    raise ValueError("gone")
def gen():
    with CM("g") as v:
        yield v
        yield v + "2"
print(list(gen()))
g = gen(); next(g); g.close()
class Deep:
    def __enter__(self):
        return self.__enter__()
    def __exit__(self, *a):
        return False
try:
    with Deep():
        pass
except RecursionError as e:
    print("RecursionError", e)
class GenEnter:
    def __enter__(self):
        yield 1
    def __exit__(self, *a):
        print("exit args", a)
with GenEnter() as ge:
    print(type(ge).__name__)
class Slots:
    __enter__ = lambda self: "lam"
    __exit__ = lambda self, a, b, c: None
with Slots() as s:
    print(s)
class Static:
    @staticmethod
    def __enter__():
        return "static"
    def __exit__(self, *a): pass
with Static() as s:
    print(s)
def f():
    with CM("tb", fail=True):
        pass
try:
    f()
except RuntimeError as e:
    tb = e.__traceback__
    n = 0
    while tb is not None:
        n += 1; tb = tb.tb_next if hasattr(tb, "tb_next") else None
    print("tb ok")
class NoExit:
    def __enter__(self): return 1
try:
    with NoExit():
        pass
except TypeError as e:
    print(e)
with CM("last"):
    raise KeyError("final")
