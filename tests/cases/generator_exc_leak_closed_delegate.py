# A generator does not keep its resumer's handled exception as its own; throw() into
# 'yield from' a generator closed from outside raises at the 'yield from'.
import sys
def g():
    yield
    print("resumed sees", sys.exc_info()[0])
    yield
it = g()
try:
    raise KeyError
except KeyError:
    next(it)
next(it)

def h():
    try:
        raise ValueError("own")
    except ValueError:
        yield
        print("own still", sys.exc_info()[0])
    yield
x = h()
next(x)
try:
    raise KeyError
except KeyError:
    next(x)
print("outer after", sys.exc_info()[0])

def inner():
    yield 1
    yield 2
def outer():
    try:
        yield from inner_g
    except ValueError as e:
        print("outer caught", repr(e))
        yield "handled"
inner_g = inner()
o = outer()
next(o)
inner_g.close()
print(o.throw(ValueError("late")))
