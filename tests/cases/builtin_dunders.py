# The special methods of built-in types as attributes: `(1).__add__(2)`,
# `[].__len__()`, `hasattr(x, '__iter__')`, with CPython's NotImplemented for other
# operands and its wrapper errors; and the operators themselves left as they were
# (their errors, mixed with user classes), plus bool's `&`, range hashing/equality.
class V:
    def __radd__(self, other):
        return ("V.radd", other)
    def __eq__(self, other):
        return "V.eq"
    def __lt__(self, other):
        return "V.lt"
    def __gt__(self, other):
        return "V.gt"

tests = [
    lambda: (1).__add__(2), lambda: (1).__add__(1.5), lambda: (1).__radd__(2),
    lambda: (1.5).__radd__(1), lambda: (7).__floordiv__(2), lambda: (7).__rfloordiv__(2),
    lambda: (7).__truediv__(0), lambda: (2).__pow__(10), lambda: (2).__pow__(10, 7),
    lambda: (2).__pow__(3, 1.5), lambda: (2.0).__pow__(2, 3), lambda: (2).__pow__(),
    lambda: (2).__pow__(1, 2, 3), lambda: (1).__add__(), lambda: (1).__add__(1, 2),
    lambda: (1).__add__(x=1), lambda: int.__add__('a', 1), lambda: int.__add__(),
    lambda: int.__add__(True, 1), lambda: True.__and__(False), lambda: True.__or__(1),
    lambda: (6).__xor__(3), lambda: (1).__lshift__(70), lambda: (-5).__mod__(3),
    lambda: (5.5).__mod__(2), lambda: (1).__eq__(1.0), lambda: (1.0).__eq__(1),
    lambda: (1).__lt__(1.5), lambda: (1.5).__lt__(2), lambda: (1).__lt__('a'),
    lambda: 'a'.__lt__('b'), lambda: 'a'.__eq__(1), lambda: [1].__eq__([1]),
    lambda: [1].__lt__((1,)), lambda: (1, 2).__ge__((1,)), lambda: {}.__lt__({}),
    lambda: {1: 2}.__eq__({1: 2}), lambda: {1}.__le__({1, 2}), lambda: {1}.__le__(frozenset({1})),
    lambda: frozenset({1}).__eq__({1}), lambda: range(3).__eq__(range(0, 3)),
    lambda: range(3).__lt__(range(4)), lambda: (1).__neg__(), lambda: (1.5).__neg__(),
    lambda: True.__neg__(), lambda: (-3).__abs__(), lambda: (-1.5).__abs__(),
    lambda: True.__abs__(), lambda: (-2 ** 70).__abs__(), lambda: (5).__invert__(),
    lambda: (0).__bool__(), lambda: (0.5).__bool__(), lambda: (5).__index__(),
    lambda: True.__index__(), lambda: (3).__hash__(), lambda: (1.5).__hash__(),
    lambda: 'abc'.__hash__() == hash('abc'), lambda: (1, 2).__hash__() == hash((1, 2)),
    lambda: [].__hash__, lambda: {}.__hash__, lambda: set().__hash__,
    lambda: frozenset({1}).__hash__() == hash(frozenset({1})), lambda: b'ab'.__hash__() == hash(b'ab'),
    lambda: range(3).__hash__() == hash(range(3)),
    lambda: 'abc'.__len__(), lambda: b'ab'.__len__(), lambda: [1, 2].__len__(),
    lambda: (1,).__len__(), lambda: {1: 2}.__len__(), lambda: {1}.__len__(),
    lambda: frozenset().__len__(), lambda: range(10).__len__(), lambda: [].__len__(1),
    lambda: 'abc'.__contains__('b'), lambda: 'abc'.__contains__(1), lambda: b'ab'.__contains__(97),
    lambda: [1].__contains__(1), lambda: (1,).__contains__(2), lambda: {1: 2}.__contains__(1),
    lambda: {1}.__contains__(1), lambda: range(5).__contains__(3),
    lambda: 'abc'.__getitem__(1), lambda: 'abc'.__getitem__(slice(1, None)), lambda: b'ab'.__getitem__(0),
    lambda: [1, 2].__getitem__(-1), lambda: (1, 2).__getitem__(5), lambda: {1: 2}.__getitem__(1),
    lambda: {1: 2}.__getitem__(3), lambda: range(10).__getitem__(3),
    lambda: list('abc').__iter__().__next__(), lambda: type('ab'.__iter__()).__name__,
    lambda: type({}.__iter__()).__name__, lambda: list(range(3).__iter__()),
    lambda: 'ab'.__add__('c'), lambda: 'ab'.__add__(1), lambda: 'ab'.__mul__(2),
    lambda: 'ab'.__rmul__(2), lambda: 'ab'.__mul__('b'), lambda: '%s-%d'.__mod__(('a', 1)),
    lambda: [1].__add__([2]), lambda: [1].__add__((2,)), lambda: (1,).__add__([2]),
    lambda: b'a'.__add__(b'b'), lambda: b'a'.__add__('b'), lambda: [1].__mul__(3),
    lambda: (1,).__rmul__(2), lambda: [0].__mul__(1.5),
    lambda: {1}.__or__({2}), lambda: {1}.__or__([2]), lambda: {1, 2}.__sub__({1}),
    lambda: {1, 2}.__rsub__({1, 2, 3}), lambda: frozenset({1}).__and__({1, 2}),
    lambda: {1: 2}.__or__({3: 4}), lambda: {1: 2}.__or__([]), lambda: {1: 2}.__ror__({1: 5}),
    lambda: (1).__radd__(V()), lambda: (1).__eq__(V()), lambda: 1 + V(), lambda: 1 == V(),
    lambda: 1 < V(), lambda: [1] == V(), lambda: 'x' < V(),
    lambda: sorted([3, 1, 2], key=int.__neg__), lambda: list(map(str.__len__, ['a', 'bb'])),
    lambda: list(map(int.__add__, [1, 2], [10, 20])), lambda: str.__len__(1),
    lambda: list.__len__((1,)), lambda: int.__add__.__name__ if hasattr(int.__add__, '__name__') else '?',
    lambda: hasattr(1, '__iter__'), lambda: hasattr('', '__iter__'), lambda: hasattr([], '__setitem__'),
    lambda: hasattr((), '__setitem__'), lambda: hasattr({}, '__delitem__'), lambda: hasattr(1.5, '__index__'),
    lambda: hasattr(1, '__index__'), lambda: hasattr(set(), '__getitem__'), lambda: hasattr(range(1), '__len__'),
]
for i, f in enumerate(tests):
    try:
        r = f()
        print(i, repr(r))
    except Exception as e:
        print(i, type(e).__name__, e)
d = {1: 2}
d.__setitem__(3, 4); d.__delitem__(1); print(d)
l = [1, 2, 3]
l.__setitem__(0, 9); l.__delitem__(-1); print(l)
try:
    d.__setitem__(1)
except TypeError as e:
    print(e)
try:
    l.__delitem__(10)
except IndexError as e:
    print(e)


# The operators and their errors, around the wrappers.
class K2:
    def __hash__(self): return 1
    def __eq__(self, o): return True
S, L, T, B, I, F, T0 = 'abc', [1], (1,), b'ab', 1, False, True
tests = [
    lambda: 1.0 in range(3), lambda: 'a' in range(3), lambda: K2() in range(3), lambda: [1] in (1,),
    lambda: None in 'abc', lambda: 1 in {}, lambda: [] in {}, lambda: b'a' in b'abc',
    lambda: 'a' in b'abc', lambda: 300 in b'abc', lambda: S['x'], lambda: L[1.5],
    lambda: range(3)['a'], lambda: T[None], lambda: {}[[]], lambda: B['x'],
    lambda: 'ab'[K2()], lambda: set()[0], lambda: frozenset()[0], lambda: I[0],
    lambda: len(1), lambda: iter(1), lambda: hash([]), lambda: hash({}), lambda: hash(set()),
    lambda: 1 + 'a', lambda: 'a' + 1, lambda: [1] + (1,), lambda: (1,) + [1], lambda: b'a' + 'b',
    lambda: {1} | [1], lambda: {1: 2} | [1], lambda: [1] * 1.5, lambda: 'a' * 'b',
    lambda: 1 < 'a', lambda: 'a' < 1, lambda: [1] < (1,), lambda: {} < {}, lambda: range(1) < range(2),
    lambda: {1} < [1], lambda: 1.5 < 'x', lambda: 2 ** 'a', lambda: -'a', lambda: ~1.5, lambda: abs('a'),
    lambda: 1 == 'a', lambda: [1] == (1,), lambda: {1} == frozenset({1}), lambda: range(0) == range(2, 2),
    lambda: 1 in K2.__dict__ if False else 0, lambda: K2() == 1, lambda: 1 == K2(), lambda: K2() in [1],
    lambda: (1, K2()) == (1, 2), lambda: sorted([K2(), K2()]) if False else 1, lambda: hash(range(0)) == hash(range(5, 5)),
    lambda: hash(range(1, 2)) == hash(range(1, 3, 5)), lambda: {range(3): 1}[range(0, 3)],
    lambda: True & 1, lambda: 1 & True, lambda: True ^ False, lambda: True | True, lambda: (T0 & F) is F,
]
for i, f in enumerate(tests):
    try:
        print(i, repr(f()))
    except Exception as e:
        print(i, type(e).__name__, e)
l = [1]
try:
    l['a'] = 2
except Exception as e:
    print(type(e).__name__, e)
try:
    del l['a']
except Exception as e:
    print(type(e).__name__, e)
try:
    t = (1,); t[0] = 2
except Exception as e:
    print(type(e).__name__, e)
try:
    s = 'a'; del s[0]
except Exception as e:
    print(type(e).__name__, e)


print(range(10**12) == range(10**12), range(0) == range(5, 5), range(1, 2) == range(1, 9, 8), range(1, 5) != range(1, 5, 2))
print({range(3): 1}[range(0, 3)], range(3) in [range(0, 3, 1)], (range(2),) == (range(0, 2),))
for f in [lambda: B[5], lambda: range(3)[5], lambda: B['x'], lambda: range(3)['a']]:
    try: f()
    except Exception as e: print(type(e).__name__, e)

a, b = True, False
x = [a & b, a | b, a ^ b, a & 1]
x.append(type(a ^ b).__name__)
print(x)
t = True
t &= False
print(t)

# Conversions and roundings (methods in CPython, some), and object.__repr__ of a built-in value.
tests = [
    lambda: (2.5).__round__(), lambda: (2.567).__round__(2), lambda: (7).__round__(-1), lambda: True.__round__(),
    lambda: (2.7).__int__(), lambda: True.__int__(), lambda: (3).__float__(), lambda: (2 ** 2000).__float__(),
    lambda: (-2.5).__trunc__(), lambda: (-2.5).__floor__(), lambda: (2.1).__ceil__(), lambda: (5).__floor__(),
    lambda: float('inf').__floor__(), lambda: float('nan').__int__(), lambda: (7).__divmod__(2),
    lambda: (7).__rdivmod__(2), lambda: (7.5).__divmod__(2), lambda: (7).__divmod__(2.0), lambda: (7).__divmod__(0),
    lambda: (1e300).__ceil__() > 0, lambda: (2.5).__round__(None), lambda: (2.5).__round__(1, 2),
    lambda: object.__repr__(1)[:12], lambda: object.__repr__([])[:13], lambda: hasattr(1.5, '__round__'),
]
for i, f in enumerate(tests):
    try:
        print(i, repr(f()))
    except Exception as e:
        print(i, type(e).__name__, e)
for f in [lambda: (5).__floor__(1), lambda: (2.5).__floor__(1), lambda: (5).__round__(1,2), lambda: (2.5).__trunc__(1), lambda: int.__floor__('a'), lambda: float.__round__(1), lambda: int.__int__('a'), lambda: (5).__int__(1), lambda: (2.567).__round__(ndigits=1), lambda: (5).__floor__(x=1), lambda: (2.5).__round__(x=1)]:
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print(object.__repr__(1)[:12], object.__repr__([])[:13], object.__str__(5))

# Ternary reflected pow, int.__round__'s index-only digits, an unhashable slice,
# range.__bool__, a big int's __index__; and 0, 1, -1 to huge powers, 0 shifted far.
for a in ["x", [1], 2.5, None, slice(None)]:
    for f in (lambda: round(5, a), lambda: (5).__round__(a)):
        try: print(repr(f()))
        except Exception as e: print(type(e).__name__, e)
for f in (lambda: (1).__rpow__(2, 5), lambda: (2).__rlshift__(2**70), lambda: (5).__index__(), lambda: {}.__getitem__(slice(None)), lambda: {1}.__contains__([1]), lambda: bool(range(0)), lambda: range(3).__bool__(), lambda: (2).__rpow__(-(2**70))):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
for f in (lambda: 1 ** (2**70), lambda: 0 ** (2**70), lambda: (-1) ** (2**70), lambda: (-1) ** (2**70+1), lambda: 0 << (2**70), lambda: 5 << (2**70)):
    try: print(repr(f()))
    except Exception as e: print(type(e).__name__, e)
print((2 ** 70).__index__(), True.__index__(), (2 ** 70).__rpow__(1), (2 ** 70).__rlshift__(0))
