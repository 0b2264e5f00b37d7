# close(), or a thrown GeneratorExit, closes the generator a 'yield from' delegates to
# (its own delegates first), then raises GeneratorExit at the 'yield from'; an error
# from closing the delegate is raised there instead (CPython's _gen_throw).
def inner():
    try:
        yield 1
    except GeneratorExit:
        return "x"

def outer():
    r = yield from inner()
    print("outer continues", r)
    yield 2

g = outer()
next(g)
try:
    print(g.close())
except RuntimeError as e:
    print("RuntimeError", e)

g = outer()
next(g)
try:
    g.throw(GeneratorExit)
except GeneratorExit:
    print("GeneratorExit out")
except RuntimeError as e:
    print("RuntimeError", e)

class It:
    def __iter__(self): return self
    def __next__(self): return 5
    def close(self): print("It.close")
def over_it():
    try:
        yield from It()
    finally:
        print("over_it finally")
g = over_it(); next(g); g.close()


def stubborn():
    try:
        yield "s"
    except GeneratorExit:
        yield "again"


def holder():
    try:
        yield from stubborn()
    except RuntimeError as e:
        print("holder sees", e)
        raise


h = holder()
next(h)
try:
    h.close()
except RuntimeError as e:
    print("close raised", e)
print(h.gi_running, h.gi_frame is None)


def deep(n):
    try:
        if n == 0:
            yield "bottom"
        else:
            yield from deep(n - 1)
    finally:
        print("closing level", n)


d = deep(3)
next(d)
d.close()
