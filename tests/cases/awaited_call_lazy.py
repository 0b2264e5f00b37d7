# `await f(x)` runs f's frame before its coroutine object exists (pyco makes the object
# only if the frame suspends). Everything a program can see must be as if the object
# had been there from the call: results, exceptions and tracebacks, PEP 479, the
# objects that appear at a suspension, throw/close through them, exception state.
import sys
import types


@types.coroutine
def suspend(v):
    got = yield v
    return got


async def leaf(x):
    return x + 1


async def raises(x):
    raise ValueError("bad %d" % x)


async def stops():
    raise StopIteration(5)


async def sleeper(tag):
    got = await suspend(tag)
    return (tag, got)


async def middle(tag):
    r = await sleeper(tag)
    return ("middle", r)


async def outer():
    a = await leaf(1)
    try:
        await raises(a)
    except ValueError as e:
        print("caught", e)
    try:
        await stops()
    except RuntimeError as e:
        print("PEP 479:", e, "| cause:", repr(e.__cause__))
    r = await middle("m")
    return a, r


def drive(c, sends):
    out = []
    try:
        v = c.send(None)
        while True:
            out.append(v)
            v = c.send(sends.pop(0))
    except StopIteration as e:
        return out, e.value


print(drive(outer(), ["one"]))

# At a suspension the awaited coroutines exist, with their names and chain.
c = outer()
print(c.send(None))
inner = c.cr_await
print(type(inner).__name__, inner.__qualname__, inner.cr_running, inner.cr_await.__qualname__)
print(type(inner.cr_await.cr_await).__name__, inner.cr_await.cr_await.gi_running)
print(repr(inner).startswith("<coroutine object middle at 0x"))
print(inner.cr_frame is not None, inner.cr_await.cr_frame is not None)
try:
    c.throw(KeyError("k"))
except KeyError as e:
    print("thrown through:", repr(e))
print(c.cr_frame, inner.cr_frame)

c = outer()
c.send(None)
inner = c.cr_await
c.close()
print("closed:", c.cr_frame, inner.cr_frame)


# A suspended awaited coroutine resumed once more after its first suspension.
async def twice():
    a = await suspend(1)
    b = await suspend(2)
    return a, b


async def over_twice():
    return await twice()


print(drive(over_twice(), ["x", "y"]))


# Exception state: the awaited frame sees its resumer's handled exception; a
# suspension inside its own handler keeps that exception for the next resume.
async def show_exc(label):
    print(label, sys.exc_info()[0])
    return label


async def yields_in_handler():
    try:
        raise KeyError("inner")
    except KeyError:
        await suspend("in handler")
        print("after resume:", repr(sys.exc_info()[1]))
    print("after handler:", sys.exc_info()[0])
    return "done"


async def exc_state():
    await show_exc("no handler:")
    try:
        raise IndexError
    except IndexError:
        await show_exc("in handler:")
    print(await yields_in_handler())
    print("caller after:", sys.exc_info()[0])


c = exc_state()
print(c.send(None))
print("outside:", sys.exc_info()[0])
try:
    raise OSError("resumer")
except OSError:
    try:
        c.send(None)
    except StopIteration:
        pass


# Deep awaits hit the recursion limit as plain calls do.
async def deep(n):
    if n == 0:
        return 0
    return 1 + await deep(n - 1)


c = deep(50)
try:
    c.send(None)
except StopIteration as e:
    print("deep 50:", e.value)
c = deep(10000)
try:
    c.send(None)
except RecursionError as e:
    print("deep 10000:", type(e).__name__, e)


# The awaited call may be a method, use defaults or keywords, or come from f(*args).
class Box:
    def __init__(self, v):
        self.v = v

    async def get(self, extra=0, *, scale=1):
        return (self.v + extra) * scale


async def calls():
    b = Box(2)
    args = (3,)
    return [await b.get(), await b.get(1), await b.get(scale=10), await b.get(*args)]


print(drive(calls(), []))


# A coroutine `__init__` is called, not awaited: the class call raises TypeError,
# whether or not `await` follows (and the coroutine is never awaited).
class AsyncInit:
    async def __init__(self, x=1):
        pass


async def construct():
    for args in ((), (1,)):
        try:
            await AsyncInit(*args)
        except TypeError as e:
            print("await:", e)
        try:
            AsyncInit(*args)
        except TypeError as e:
            print("call:", e)


print(drive(construct(), []))
