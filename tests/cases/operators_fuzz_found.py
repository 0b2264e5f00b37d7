# Operators and membership tests found different by a random operator fuzz: str %
# with a mapping-like right side, bytes membership, float powers of a negative base with
# an infinite exponent, and sets holding frozensets (add, in, remove).
class M:
    def __getitem__(self, k):
        return "<" + k + ">"
for call in [lambda: 'ab' % [1, 2], lambda: 'ab' % {1: 2}, lambda: 'ab' % range(3), lambda: 'ab' % 5, lambda: 'ab' % (1,),
             lambda: '%s' % [1, 2], lambda: '%(a)s' % {'a': 1}, lambda: '%(a)s and %(b)s' % M(), lambda: '%(a)s' % [1],
             lambda: 'x %s' % M().__class__.__name__, lambda: 1.5 in b'x', lambda: (1,) in b'x', lambda: b'x' in b'xy', lambda: 120 in b'x']:
    try:
        print(repr(call()))
    except Exception as ex:
        print(type(ex).__name__, ex)
for call in [lambda: (-7.5) ** float('inf'), lambda: (-7.5) ** float('-inf'), lambda: (-0.5) ** float('inf'), lambda: repr((-2.0) ** float('nan')),
             lambda: {3} in {frozenset({3})}, lambda: {3} in [frozenset({3})], lambda: [1] in {1}]:
    try:
        print(repr(call()))
    except Exception as ex:
        print(type(ex).__name__, ex)
s = {frozenset({1}), frozenset({1})}
print(len(s), frozenset({1}) in s)
t = {(1,), (1.0,)}
print(len(t), (1.0,) in t)
s.discard(frozenset({1}))
print(len(s))
d = {frozenset({2}): 'a'}
print(d[frozenset({2})], frozenset({2}) in d)
u = {frozenset({1, 2}), 3}
u.remove(frozenset({2, 1}))
print(u)
print({3} in {frozenset({3})}, frozenset({1}) in {frozenset({1}), 2})
a = {frozenset({1}), frozenset({2}), 3}
b = {frozenset({2}), frozenset({3}), 3}
print(sorted(map(repr, a & b)), sorted(map(repr, a | b)), sorted(map(repr, a - b)), sorted(map(repr, a ^ b)))
print(a == {3, frozenset({2}), frozenset({1})}, a != b, {frozenset({2})} <= a, {frozenset({2})} < a, a >= {3}, a > a, a <= a)
print({(1, frozenset({2}))} == {(1, frozenset({2}))}, frozenset({frozenset({1})}) == frozenset({frozenset({1})}))
print(len({frozenset({1}), frozenset([1])}), {frozenset({1}): 1}[frozenset([1])])
print(a.intersection(b) == a & b, a.union(b) == a | b, a.issubset(a | b), a.isdisjoint({frozenset({9})}))
