# __del__ runs when the last reference goes (a local at return, `del`, a rebinding), in
# CPython's order: a list or tuple releases its items from the last one back, and the
# program's globals are released in insertion order at exit. Each object is finalized
# once, even if __del__ resurrects it; an exception in __del__ is reported and ignored.
# Unreachable cycles are finalized by the collector with their contents intact.
import asyncio
import gc


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n, self.__class__.__name__)


a = A(1)
b = A(2)
_c = A(3)
items = [A(4), A(5)]
pair = (A(6), A(7))


def f():
    x = A(8)
    y = A(9)
    print("in f")


f()
a = None
print("rebound a")
del items[0]
print("deleted items[0]")


class Bad:
    def __del__(self):
        print("bad del")
        1 / 0


Bad()
print("after Bad")


class R:
    def __del__(self):
        global saved
        print("resurrected")
        saved = self


R()
print(type(saved).__name__)
saved = None
print("R finalized once")


class Node:
    def __init__(self, name):
        self.name = name
        self.other = None

    def __del__(self):
        print("del node", self.name, "->", self.other.name)


p = Node("p")
q = Node("q")
p.other = q
q.other = p
del p, q
print("collected", gc.collect())
print("again", gc.collect())


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("released", self.name)


async def worker(name):
    r = Resource(name)
    await asyncio.sleep(0)
    print("worker done", name)


async def main():
    await asyncio.gather(worker("w1"), worker("w2"))
    print("gathered")


asyncio.run(main())
print("end")
