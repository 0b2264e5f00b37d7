# Reference cycles of every kind the collector must find, N times over: a suspended
# generator whose frame refers to a list holding it (with a finally to run), a generator
# that holds itself, a self-containing list, a recursive closure, an instance whose
# attribute points back at it. Peak memory must not depend on N.
import sys

N = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000


def held_by_its_box(box):
    try:
        yield 1
        yield 2
    finally:
        box.clear()


def holds_itself():
    me = yield
    yield me


def make_recursive():
    def rec(n):
        return rec(n - 1) if n else 0
    return rec


class Node:
    def __init__(self):
        self.me = self


for i in range(N):
    box = []
    g = held_by_its_box(box)
    next(g)
    box.append(g)
    s = holds_itself()
    next(s)
    s.send(s)
    l = []
    l.append(l)
    f = make_recursive()
    n = Node()
print("cycles", N)
