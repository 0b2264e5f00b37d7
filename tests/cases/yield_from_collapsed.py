# Sends into long `yield from` and `await` chains: pyco resumes the innermost
# generator directly (src/vm/chain.rs). Everything Python code can see of the levels
# in between must stay as if each had resumed in turn.
import inspect
import sys


def leaf(tag, levels):
    total = 0
    while True:
        v = yield total
        if v is None:
            return total
        if v == "boom":
            raise KeyError(tag)
        if v == "stop":
            raise StopIteration("inside")
        if v == "peek":
            # The levels above are running while the leaf runs.
            print("states", sorted({inspect.getgeneratorstate(g) for g in levels}))
            print("delegating to", [g.gi_yieldfrom for g in levels].count(None), "none")
            for op in ("send", "close", "throw"):
                try:
                    if op == "send":
                        levels[2].send(1)
                    elif op == "close":
                        levels[2].close()
                    else:
                        levels[0].throw(KeyError)
                except ValueError as e:
                    print(op, "->", e)
            print("exc_info", sys.exc_info())
            continue
        total += v


def relay(depth, tag, levels):
    if depth == 0:
        r = yield from leaf(tag, levels)
    else:
        g = relay(depth - 1, tag, levels)
        levels.append(g)
        r = yield from g
    return r + 1


def chain(depth, tag):
    levels = []
    top = relay(depth, tag, levels)
    levels.append(top)
    return top, levels


# Values down and up, a look from inside, the return value back up all levels.
top, levels = chain(6, "a")
print(next(top), [top.send(i) for i in range(5)])
print(top.send("peek"))
print(sorted({inspect.getgeneratorstate(g) for g in levels[1:]}))
try:
    top.send(None)
except StopIteration as e:
    print("returned", e.value)
print(sorted({inspect.getgeneratorstate(g) for g in levels[1:]}))


# An exception from the leaf caught by a level in between, which goes on delegating.
def catching(depth):
    try:
        r = yield from relay(depth, "c", [])
    except KeyError as e:
        print("caught", repr(e))
        r = yield "after"
        print("got", r)
        r = yield from relay(3, "d", [])
    return r


c = catching(4)
print(next(c), c.send(3), c.send(4))
print(c.send("boom"))
print(c.send("resumed"))
print(c.send(10), c.send(11))
try:
    c.send(None)
except StopIteration as e:
    print("returned", e.value)

# PEP 479 at the leaf, seen at the top.
top, _ = chain(4, "s")
next(top)
try:
    top.send("stop")
except RuntimeError as e:
    print("RuntimeError", e, repr(e.__cause__))

# throw() and close() after collapsed sends.
top, levels = chain(4, "t")
next(top)
top.send(5)
try:
    top.throw(ValueError("thrown"))
except ValueError as e:
    print("thrown back", e)
top, levels = chain(4, "u")
next(top)
top.send(5)
top.close()
print(sorted({inspect.getgeneratorstate(g) for g in levels}))

# A level handling an exception while it delegates: the leaf below sees it.
def passthrough(depth, inner):
    if depth == 0:
        return (yield from inner)
    return (yield from passthrough(depth - 1, inner))


def handling(inner):
    try:
        raise LookupError("handled in the middle")
    except LookupError:
        return (yield from inner)


def shows_exc():
    while True:
        yield repr(sys.exc_info()[1])


g = passthrough(3, handling(passthrough(3, shows_exc())))
print(next(g), g.send(1), g.send(2))
g = passthrough(3, passthrough(3, shows_exc()))
print(next(g), g.send(1))

# `for` and sum() over the top of a chain.
top, _ = chain(5, "f")
print(sum(x for x in top if x < 0))


def counter(n):
    for i in range(n):
        yield i


def deep_counter(depth, n):
    if depth == 0:
        return (yield from counter(n))
    return (yield from deep_counter(depth - 1, n))


print(list(deep_counter(30, 5)), sum(deep_counter(8, 100)))


# The levels count towards the recursion limit as their frames would: recursion in
# the leaf of a deeper chain stops that many calls sooner.
def rec(n):
    try:
        return rec(n + 1)
    except RecursionError:
        return n


def rec_leaf():
    while True:
        yield rec(0)


def rec_chain(depth):
    if depth == 0:
        yield from rec_leaf()
    else:
        yield from rec_chain(depth - 1)


sys.setrecursionlimit(400)
shallow, deep = rec_chain(10), rec_chain(70)
next(shallow), next(deep)
print("depth difference", shallow.send(1) - deep.send(1), shallow.send(2) - deep.send(2))
sys.setrecursionlimit(1000)


# An await chain that suspends again and again, driven by hand.
class Tick:
    def __await__(self):
        return (yield "tick")


async def a_leaf(n):
    s = 0
    for i in range(n):
        s += await Tick()
    return s


async def a_level(depth, n):
    if depth == 0:
        return await a_leaf(n)
    return 1 + await a_level(depth - 1, n)


coro = a_level(20, 4)
print(coro.send(None), coro.send(1), coro.send(2), coro.send(3))
try:
    coro.send(4)
except StopIteration as e:
    print("await chain returned", e.value)

# Leaves that end as soon as they resume, or after a few yields: a SEND site whose
# chains keep ending so resumes level by level for a while, then collapses again.
def k_leaf(k):
    for i in range(k):
        yield i


def mixed(depth, k, n):
    if depth == 0:
        for _ in range(n):
            yield from k_leaf(k)
        return "done"
    return (yield from mixed(depth - 1, k, n))


def drive(g):
    total = 0
    try:
        while True:
            total += g.send(None)
    except StopIteration as e:
        return total, e.value


print(drive(mixed(12, 1, 300)), drive(mixed(5, 3, 200)), drive(mixed(3, 40, 10)))


# The traceback of an exception escaping all the levels lists each one.
top, _ = chain(3, "tb")
next(top)
top.send(1)
top.send("boom")
