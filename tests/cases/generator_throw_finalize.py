# throw() into a generator suspended in one of its own handlers chains the thrown
# exception to the handled one; PEP 479's RuntimeError has the StopIteration as cause
# and context; a coroutine ignoring GeneratorExit says "coroutine"; a freed generator
# that ignores GeneratorExit is finalized once (its outer finally never runs).
import types


def own_handler():
    try:
        raise KeyError("own")
    except KeyError:
        try:
            yield 1
        except ValueError as e:
            print("inside:", repr(e.__context__))
        yield 2


gen = own_handler()
next(gen)
print(gen.throw(ValueError("thrown")))


def no_handler():
    yield 1


gen = no_handler()
next(gen)
try:
    raise OSError("resumer's")
except OSError:
    try:
        gen.throw(ValueError("thrown"))
    except ValueError as e:
        print("no own handler:", repr(e.__context__))


def stops():
    raise StopIteration("s")
    yield


try:
    next(stops())
except RuntimeError as e:
    print(repr(e), repr(e.__cause__), e.__context__ is e.__cause__, e.__suppress_context__)


async def stopper():
    raise StopIteration("s")


async def awaits_stopper():
    try:
        await stopper()
    except RuntimeError as e:
        print(repr(e), repr(e.__cause__), e.__context__ is e.__cause__)


try:
    awaits_stopper().send(None)
except StopIteration:
    pass


@types.coroutine
def suspend():
    yield


async def stubborn():
    try:
        await suspend()
    finally:
        await suspend()


c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print("close:", e)


def nested_finally():
    try:
        try:
            yield 1
        finally:
            print("inner finally")
            yield 2
    finally:
        print("outer finally")
        yield 3


def drive():
    x = nested_finally()
    next(x)


drive()
print("end")


# A throw() down a `yield from`/`await` chain re-enters each level: the exception is
# chained to each level's own handled exception as it leaves the level below (so a task
# cancelled while awaiting inside an `except` block shows that exception as context).
def inner():
    try:
        raise KeyError("inner own")
    except KeyError:
        yield 1


def outer():
    try:
        raise OSError("outer own")
    except OSError:
        try:
            yield from inner()
        except ValueError as e:
            print("caught in outer:", repr(e.__context__))
            yield 5


g = outer()
next(g)
print(g.throw(ValueError("v")))

import asyncio


async def cancelled_in_handler():
    try:
        raise KeyError("handling")
    except KeyError:
        await asyncio.sleep(10)


async def mid():
    try:
        raise IndexError("mid's")
    except IndexError:
        await cancelled_in_handler()


async def main():
    for coro in (cancelled_in_handler, mid):
        t = asyncio.create_task(coro())
        await asyncio.sleep(0)
        t.cancel()
        try:
            await t
        except asyncio.CancelledError as e:
            print("cancelled; context:", repr(e.__context__))


asyncio.run(main())
