# min() and max() walk one iterable as CPython does: each item's key and comparison run
# as it comes. Also their argument errors.
class C:
    def __init__(self, v): self.v = v
    def __gt__(self, o):
        print("gt", self.v, o.v); return self.v > o.v
    def __lt__(self, o):
        print("lt", self.v, o.v); return self.v < o.v
class It:
    def __init__(self): self.i = 0
    def __iter__(self): return self
    def __next__(self):
        self.i += 1
        if self.i > 4: raise StopIteration
        print("next", self.i)
        return C(self.i * 7 % 5)
print(max(It()).v, min(It()).v)
print(max([3, 1, 2], key=lambda x: -x), min("bca"), max(1, 5, 3), min(4, 2, key=lambda x: x))
print(max([], default="d"), max(It(), key=lambda c: -c.v).v)
try:
    max(1, 2, default=3)
except TypeError as e:
    print("TE", e)
try:
    min([])
except ValueError as e:
    print("VE", e)
try:
    max()
except TypeError as e:
    print("TE", e)
try:
    max(5)
except TypeError as e:
    print("TE", e)
