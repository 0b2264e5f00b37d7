# Reference cycles of every common kind, then gc.collect(); the program must keep
# working (the collector only breaks garbage) and print what CPython prints.
import gc

class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

def make_cycles(n):
    for i in range(n):
        a = Node(i)
        b = Node(-i)
        a.peer, b.peer = b, a
        l = [a]
        l.append(l)
        d = {"self": None}
        d["self"] = d
        def rec(k):
            return rec(k - 1) if k else 0
        rec(3)

keep = Node("kept")
keep.peer = keep
make_cycles(2000)
found = gc.collect()
print(found > 0, keep.peer is keep, keep.name)
make_cycles(10)
print(gc.collect() > 0, keep.peer.peer.name)
