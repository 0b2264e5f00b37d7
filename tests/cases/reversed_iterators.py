# reversed() over each kind of sequence: items and CPython's iterator type names.
class S:
    def __len__(self): return 2
    def __getitem__(self, i): return i * 10
for x in [[1, 2], (1, 2), 'ab', b'ab', range(3), {1: 2}, S()]:
    r = reversed(x)
    print(type(r).__name__, list(r))
print(type(iter({1})).__name__, type(iter(frozenset({2}))).__name__, type(iter([])).__name__)
