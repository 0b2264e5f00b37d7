# A generator's handled exception is its own; its resumer's shows through whenever it has
# none, before, after and between its own handlers (CPython's exc_info chain).
import sys
def g():
    print("start", sys.exc_info()[0])
    try:
        raise KeyError
    except KeyError:
        yield 1
        print("in handler", sys.exc_info()[0])
    print("after handler", sys.exc_info()[0])
    yield 2
    print("end", sys.exc_info()[0])
    try:
        raise ValueError
    except ValueError:
        print("h2", sys.exc_info()[0])
        yield 3
    print("after h2", sys.exc_info()[0])
    yield 4

it = g()
try:
    raise OSError
except OSError:
    next(it)
try:
    raise IndexError
except IndexError:
    next(it)
    print("outer after", sys.exc_info()[0])
next(it)
print("outer none", sys.exc_info()[0])
try:
    raise TypeError
except TypeError:
    next(it)
    print("outer", sys.exc_info()[0])



def h():
    try:
        raise KeyError
    except KeyError:
        try:
            yield 1
        except ZeroDivisionError:
            print("inner", sys.exc_info()[0])
        print("outer handler", sys.exc_info()[0])
    yield 2

x = h()
next(x)
try:
    raise OSError
except OSError:
    x.throw(ZeroDivisionError)
    print("after throw", sys.exc_info()[0])


# The generator's own handled exception can be the very object its resumer handles
# (thrown in by it): it stays the generator's own after a resume from elsewhere.
def k():
    try:
        yield 1
    except ValueError:
        try:
            raise KeyError("k")
        except KeyError:
            yield 2
        print("after nested handler:", repr(sys.exc_info()[1]))
    yield 3


gen = k()
next(gen)
try:
    raise ValueError("v")
except ValueError as e:
    gen.throw(e)
next(gen)
