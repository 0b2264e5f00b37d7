# A resumed `yield` statement drops the sent value, and `for x in ...` stores each
# item straight into x: both run as part of the instruction before them. What a
# program can see of that (finalizers, order, errors) must be CPython's.


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("  del", self.name)


def statements():
    print("  start")
    yield 1
    print("  after first")
    yield 2
    print("  after second")
    yield 3


g = statements()
print(next(g))
print(g.send(Noisy("sent-a")))
print("between")
print(g.send(Noisy("sent-b")))
try:
    g.send(Noisy("sent-c"))
except StopIteration:
    print("stopped")


def items():
    for i in range(3):
        yield Noisy(f"item{i}")


for x in items():
    print("got", x.name)
print("loop over")
del x

for y in [Noisy("l0"), Noisy("l1")]:
    print("list item", y.name)
print("list loop over")
del y


def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1


total = 0
for v in counter(5):
    total += v
print(total, v)


def echo():
    received = []
    while True:
        x = yield len(received)
        if x is None:
            return received
        received.append(x)


e = echo()
next(e)
for k in "abc":
    e.send(k)
try:
    e.send(None)
except StopIteration as s:
    print(s.value)


def thrower():
    try:
        yield 1
    except ValueError as err:
        print("caught", err)
        yield 2


t = thrower()
next(t)
print(t.throw(ValueError("boom")))


# Sent through a yield from / await chain: the sender holds the value until it returns.
def inner():
    yield 1
    print("  inner resumed")
    yield 2
    print("  inner resumed again")
    yield 3

def outer():
    r = yield from inner()
    return r

go = outer()
print(next(go))
print(go.send(Noisy("ya")))
print("between")
print(go.send(Noisy("yb")))

async def coro_inner():
    class Aw:
        def __await__(self):
            x = yield "aw"
            print("  aw got", x.name if x else x)
            return x
    return await Aw()

async def coro():
    v = await coro_inner()
    print("  coro got", v.name)
    return 5

c = coro()
print(c.send(None))
try:
    c.send(Noisy("c"))
except StopIteration as e:
    print("stop", e.value)
