# Tuples compare element by element in place (NaN, nesting, user objects, errors);
# sort keys that are tuples; a list changed by its items' __eq__ while compared.
class K:
    def __init__(self, v): self.v = v
    def __eq__(self, o): return self.v == o.v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return f"K({self.v})"
nan = float("nan")
print((1, 2) < (1, 3), (1, 2) < (1, 2, 0), (2,) > (1, 9), (1, nan) < (1, 2), (nan,) == (nan,))
print((1, (2, 3)) < (1, (2, 4)), ("a", 1) <= ("a", 1), (1, 2) != (1, 2.0))
print(sorted([(2, "b"), (1, "z"), (2, "a"), (1, "a")]))
print(sorted([(1, K(3)), (1, K(1)), (0, K(9))]))
print(sorted(["bb", "a", "ccc", "dd"], key=lambda w: (len(w), w)))
print(max([(1, 2), (1, 3), (0, 9)]), min([(1, 2), (1, 3), (0, 9)]))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError", e)
try:
    (1, None) < (1, 2)
except TypeError as e:
    print("TypeError", e)
class Mut:
    def __init__(self, lst): self.lst = lst
    def __eq__(self, o):
        self.lst.clear()
        return False
    def __lt__(self, o): return True
a = [Mut(None), 1]
a[0].lst = a
print([Mut([]), 2] < [Mut([]), 1])
print(sorted([3, 1, 2], reverse=True), sorted([(1, 1), (0, 2)], key=lambda t: t[1], reverse=True))
