class It:
    def __init__(self): self.n = 0
    def __iter__(self): return self
    def __next__(self):
        self.n += 1
        if self.n > 3: raise StopIteration("it-done")
        return self.n
    def throw(self, *a):
        print("It.throw", a[0].__class__.__name__)
        if isinstance(a[0], KeyError): raise StopIteration("stopped by throw")
        return "from-throw"
    def close(self): print("It.close")

def g():
    r = yield from It()
    print("r =", r)
    yield "after"

x = g()
print(next(x))
print(x.throw(ValueError("v")))
print(next(x))
print(x.throw(KeyError("k")))
x.close()
y = g(); next(y); y.close()
z = g(); print(list(z))

class Plain:
    def __iter__(self): return self
    def __next__(self): return 1
def h():
    try:
        yield from Plain()
    except ValueError as e:
        print("h caught", e)
        yield 2
w = h(); next(w); print(w.throw(ValueError("pv")))

import types
@types.coroutine
def sus():
    yield "s"
async def agen():
    try:
        await sus()
        yield 1
    except KeyError:
        print("agen caught")
        yield 99
async def main():
    a = agen()
    op = a.__anext__()
    it = op.__await__()
    print(it.send(None))
    try:
        it.throw(KeyError("x"))
    except StopIteration as s:
        print("stop", s.value)
c = main()
try:
    c.send(None)
except StopIteration:
    print("main done")
