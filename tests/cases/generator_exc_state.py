# The handled exception (sys.exc_info) across yields, resumes, close and awaits.
import sys
def g():
    print("g start", sys.exc_info()[0])
    try:
        raise KeyError("in g")
    except KeyError:
        print("g handling", sys.exc_info()[0])
        yield 1
        print("g resumed", sys.exc_info()[0])
    yield 2
    print("g after", sys.exc_info()[0])
it = g()
next(it)
print("outer", sys.exc_info()[0])
try:
    raise ValueError("outer")
except ValueError:
    print("outer handling", sys.exc_info()[0])
    next(it)
    print("outer back", sys.exc_info()[0])
    try:
        next(it)
    except StopIteration:
        pass
    print("outer end", sys.exc_info()[0])
def h():
    try:
        yield
    finally:
        print("h finally", sys.exc_info()[0])
x = h(); next(x)
try:
    raise TypeError
except TypeError:
    x.close()
    print("after close", sys.exc_info()[0])
def bad():
    yield 1
    raise IndexError("boom")
b = bad(); next(b)
try:
    raise OSError
except OSError:
    try:
        next(b)
    except IndexError as e:
        print("ctx", type(e.__context__).__name__)
    print("still", sys.exc_info()[0])
import asyncio
async def co():
    try:
        raise RuntimeError("c")
    except RuntimeError:
        await asyncio.sleep(0)
        print("co after await", sys.exc_info()[0])
async def main():
    t = asyncio.create_task(co())
    try:
        raise LookupError
    except LookupError:
        await asyncio.sleep(0)
        print("main", sys.exc_info()[0])
    await t
asyncio.run(main())
