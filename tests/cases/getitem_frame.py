# A class's Python __getitem__ runs in a frame pushed from BINARY_SUBSCR: values,
# slices, errors and their tracebacks, recursion, lambdas, generators, iteration.
class Seq:
    def __init__(self, n):
        self.n = n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(range(self.n))[i]
        if i >= self.n:
            raise IndexError("Seq index out of range")
        return i * i
class Lam:
    __getitem__ = lambda self, k: ("lam", k)
class Gen:
    def __getitem__(self, k):
        yield k
class Deep:
    def __getitem__(self, k):
        return self[k + 1]
class Sub(Seq):
    def __getitem__(self, i):
        return -super().__getitem__(i)
s = Seq(5)
print(s[2], s[1:4], s[::-2], Lam()["x"], list(Gen()[7]), Sub(4)[3])
print(list(s), [x for x in Seq(3)])
try:
    s[9]
except IndexError as e:
    print("IndexError:", e)
try:
    Deep()[0]
except RecursionError as e:
    print("RecursionError:", e)
total = 0
for i in range(3000):
    total += s[i % 5]
print(total)
d = {Seq(2)[1]: "one"}
print(d[1], s[s[1]], (s[2], s[3])[s[1]])
class NoGet:
    pass
try:
    NoGet()[0]
except TypeError as e:
    print("TypeError:", e)
def lookup(obj, k):
    return obj[k]
lookup(Seq(1), 4)
