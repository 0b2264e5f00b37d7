import types
@types.coroutine
def sleep0():
    yield

async def agen_countdown(n):
    try:
        while n > 0:
            await sleep0()
            yield n
            n -= 1
    finally:
        print("  countdown finally")

class Ticker:
    def __init__(self, n):
        self.n = n
        self.i = 0
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        await sleep0()
        self.i += 1
        return self.i

async def paired(source):
    async for item in source:
        yield item, item * item

class CM:
    async def __aenter__(self):
        print("enter"); await sleep0(); return self
    async def __aexit__(self, t, e, tb):
        print("exit", t); await sleep0(); return t is ValueError

async def main():
    got = []
    async for v in agen_countdown(3):
        got.append(v)
    print(got)
    async for a, b in paired(Ticker(3)):
        print("pair", a, b)
    else:
        print("else")
    ag = agen_countdown(5)
    print(type(ag).__name__, type(ag.__anext__()).__name__, type(ag.aclose()).__name__)
    print(await ag.__anext__(), await ag.__anext__())
    await ag.aclose()
    try:
        await ag.__anext__()
    except StopAsyncIteration:
        print("SAI")
    async def echo():
        r = []
        while True:
            x = yield len(r)
            if x is None: break
            r.append(x)
        print("echo got", r)
    e = echo()
    print(await e.asend(None), await e.asend("a"), await e.asend("b"))
    try:
        await e.asend(None)
    except StopAsyncIteration:
        print("ended")
    async with CM() as c:
        print("inside")
        raise ValueError
    print("suppressed")
    print([x async for x in agen_countdown(2)])
    async def thrower():
        try:
            yield 1
        except KeyError as k:
            yield "caught " + repr(k)
    t = thrower()
    print(await t.__anext__())
    print(await t.athrow(KeyError("k")))
    return "done"

c = main()
n = 0
try:
    while True:
        c.send(None); n += 1
except StopIteration as s:
    print(s.value, n)

async def inner():
    return 5
class W:
    def __await__(self):
        r = yield from inner().__await__()
        return r * 2
async def o():
    return await W()
try:
    o().send(None)
except StopIteration as e:
    print(e.value)
