# Found by tools/difftest/gen_core.py: __eq__ without __hash__ (inherited), divmod's
# own TypeError, and the int digit limit in format().
class A:
    def __eq__(self, o): return True
class B(A): pass
class C(A):
    def __hash__(self): return 7
class D:
    pass
print(A.__hash__, B.__hash__, C.__hash__ is not None, D.__hash__ is object.__hash__)
for k in (A, B, C, D):
    try:
        print(k.__name__, hash(k()) if k in (C,) else type(hash(k())).__name__)
    except TypeError as e:
        print(k.__name__, e)
try:
    {B(): 1}
except TypeError as e:
    print(e)
print(len({C(), C()}))
class M:
    def __divmod__(self, o): return ('dm', o)
    def __rdivmod__(self, o): return ('rdm', o)
print(divmod(7, 2), divmod(-7.5, 2), divmod(True, 3), divmod(M(), 1), divmod(1, M()))
for a, b in [((1,), 2), ('a', 1), (1, 'b'), (None, None)]:
    try: divmod(a, b)
    except TypeError as e: print(e)
try: divmod(1, 0)
except ZeroDivisionError as e: print(e)
x = 10**5000
for spec in [',', 'd', '>10', 'x', '_b', 'n']:
    try: print(spec, len(format(x, spec)))
    except ValueError as e: print(spec, e)
try: print(f"{x:,}")
except ValueError as e: print(e)
import sys
vals = [1, 3, 7, 10**20, 2**64+1, 12345678901234567890, 2**1000, 3**500, 10**308, 2**1023*3]
for a in vals:
    for b in vals:
        for sa in (1, -1):
            try:
                print(repr((sa * a) / b), repr(b / (sa * a)))
            except OverflowError as e:
                print(e)
print(1 / 10**320, 10**400 // 1, end=' ')
try: print(10**400 / 1)
except OverflowError as e: print(e)
print(2**-1074 * 1.0, 1 / 2**1074, 3 / 2**1075, 1 / 2**1076)
for fmt, v in [('%d', 1e20), ('%d', -2.7), ('%i', 3.9), ('%x', 1.5), ('%o', 2.0), ('%d', float('inf')), ('%d', float('nan')), ('%d', 10**5000), ('%x', 10**5000), ('%u', True), ('%5d|%-5d|%05d', (42, 42, -42))]:
    try:
        r = fmt % v
        print(len(r) if len(r) > 100 else r)
    except Exception as e:
        print(type(e).__name__, e)
for args in [(3, -1, 7), (2, -3, 11), (4, -1, 8), (3, 5, -7), (-3, -1, 7), (2, 10, 1000), ('a', 2, 3), ((1,), 2, 3), (2.0, 2, 3), (2, 2, 3.0), (10, -2, -7)]:
    try: print(args, pow(*args))
    except Exception as e: print(args, type(e).__name__, e)
for k in [(1, 2), 'a', 1.5, None]:
    try: 'abc'[k]
    except TypeError as e: print(e)
    try: [1][k]
    except TypeError as e: print(e)
for a, b in [((1,), 1), ([1], 1), ('s', 1), ((1,), [2]), ([1], (2,)), ('a', None), (1, 'a'), (b'x', 'y'), ({1}, 1), ({'a': 1}, {'b': 2})]:
    try:
        x = a; x += b; print(x)
    except TypeError as e: print('+=', e)
    try: print(a + b)
    except TypeError as e: print('+', e)
    try:
        x = a; x *= b if not isinstance(b, int) else 2; print(x)
    except TypeError as e: print('*=', e)
    try:
        x = a; x -= b; print(x)
    except TypeError as e: print('-=', e)
