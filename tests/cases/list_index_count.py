# list/tuple index() and count(): bounds, errors, and a list that shrinks while
# its items are compared (CPython re-checks the length at every step).
l = [1, 2, 3, 2, 1]
print(l.index(2), l.index(2, 2), l.index(1, -2), l.count(2), (1, 2, 1).count(1), (1, 2).index(2))
for f in [lambda: l.index(9), lambda: l.index(1, 1, 3), lambda: (1,).index(5), lambda: l.index(2, 'a')]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)
class Shrink:
    def __init__(self, lst): self.lst = lst
    def __eq__(self, other):
        if self.lst: self.lst.pop()
        return False
s = [0, 1, 2, 3, 4, 5]
try:
    print(s.index(Shrink(s)))
except ValueError as e:
    print("ValueError", s)
s = [0, 1, 2, 3, 4, 5]
print(s.count(Shrink(s)), s)
big = list(range(100000))
print(big.index(99999), big.count(5), tuple(big).index(50000))
