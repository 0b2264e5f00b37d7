# An async generator closed by the finalizer (no asyncgen hooks: no event loop) that
# yields in its finally leaves no own-yield mark behind: the next async generator's
# value passed up from an await is still seen as raw.
import types


@types.coroutine
def raw():
    yield "raw"


async def ag():
    await raw()
    yield "own"


async def stubborn():
    try:
        yield 1
    finally:
        yield 2


s = stubborn()
try:
    s.asend(None).send(None)
except StopIteration as e:
    print("first", e.value)
del s
a = ag()
op = a.asend(None)
print(op.send(None))
try:
    op.send(None)
except StopIteration as e:
    print("own", e.value)
