# A throw() that goes down an await chain to the innermost coroutine: the levels it
# passes through do not run, so their handled exceptions are not current in the
# innermost one (CPython's _gen_throw); each level's own comes back when control
# returns to it.
import sys
import types


def current():
    e = sys.exc_info()[1]
    return repr(e) if e else 'None'


@types.coroutine
def suspend(tag):
    got = yield tag
    return got


async def inner():
    try:
        await suspend('inner')
    except ValueError as e:
        print('inner caught', repr(e), current())
    print('inner after except', current())
    got = await suspend('inner again')
    print('inner resumed by send', got, current())
    raise KeyError('from inner')


async def middle():
    try:
        raise RuntimeError('middle handling')
    except RuntimeError:
        try:
            await inner()
        except KeyError as e:
            print('middle caught', repr(e), repr(e.__context__), current())
        print('middle after', current())
    return 'done'


def drive():
    c = middle()
    print('first', c.send(None))
    try:
        raise IndexError('thrower handling')
    except IndexError:
        print('yielded', c.throw(ValueError('thrown')), current())
    try:
        c.send('sent')
    except StopIteration as s:
        print('returned', s.value, current())


drive()


# The same through a generator's yield from.
def g_inner():
    try:
        yield 1
    except ValueError:
        print('g_inner handler', current())
    print('g_inner after', current())
    yield 2


def g_outer():
    try:
        raise OSError('outer handling')
    except OSError:
        yield from g_inner()
        print('g_outer back', current())


g = g_outer()
next(g)
try:
    raise LookupError('thrower')
except LookupError:
    print(g.throw(ValueError('x')), current())
print(next(g, 'end'), current())
