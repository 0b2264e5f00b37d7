# Awaiting a types.coroutine generator that is delegating is allowed (only a native
# coroutine raises "coroutine is being awaited already").
import types
@types.coroutine
def leaf():
    while True:
        x = yield 'leaf'
        if x == 'ret': return 'R'
@types.coroutine
def mid(inner):
    return (yield from inner)
pre = mid(leaf())
pre.send(None)
async def F():
    r = await pre
    return ('F', r)
c = F()
print(c.send(None), c.send(1))
try:
    c.send('ret')
except StopIteration as e:
    print(e.value)
async def co():
    await Y()
class Y:
    def __await__(self):
        yield 1
c1 = co()
c1.send(None)
async def again():
    await c1
try:
    again().send(None)
except RuntimeError as e:
    print("RuntimeError", e)
