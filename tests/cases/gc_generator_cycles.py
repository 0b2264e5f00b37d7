# Generators in reference cycles are collected, their finally run first with what they
# refer to intact (PEP 442), as in CPython; an unawaited coroutine in a cycle warns.
import gc
def g(box, name):
    try:
        yield 1
        yield 2
    finally:
        print("finally", name, len(box))
box = []
it = g(box, "a")
next(it)
box.append(it)
del it, box
print("before collect")
n = gc.collect()
print("after collect", n > 0)
def selfref():
    me = yield
    try:
        yield me
    finally:
        print("selfref finally")
s = selfref()
next(s)
s.send(s)
del s
gc.collect()
print("after 2")
async def coro(lst):
    await something
lst = []
c = coro(lst)
lst.append(c)
del c, lst
gc.collect()
print("end")
