# Keyword names a built-in does not take are refused as CPython refuses them, named by
# the function that parses them ("'cmp' is an invalid keyword argument for sort()").
tests = [lambda: sorted([3, 1], reverse=True), lambda: sorted([1], key=None, cmp=1),
         lambda: 'a,b'.split(sep=','), lambda: 'a,b'.split(x=1), lambda: int('10', base=2),
         lambda: sum([1], start=5), lambda: sum([1], begin=5), lambda: print(1, sepp=2),
         lambda: [3, 1].sort(key=None, reverse=True), lambda: [1].sort(x=1),
         lambda: 'a'.encode(encoding='ascii'), lambda: 'a'.encode(enc='x'),
         lambda: list(enumerate([1], start=3)), lambda: enumerate([], strt=1),
         lambda: (1).to_bytes(2, byteorder='big'), lambda: 'a b'.rsplit(maxsplit=1),
         lambda: {}.get(x=1), lambda: divmod(a=1, b=2), lambda: print('x', end='!\n', flush=True)]
for t in tests:
    try:
        print(t())
    except TypeError as e:
        print("TypeError", e)

# Parameters passed by name: enumerate(iterable=), round(number=), math.isclose(a=, b=).
import math
for f in [lambda: list(enumerate(iterable='ab', start=5)), lambda: list(enumerate('ab', start=5)), lambda: list(enumerate('ab', 2)),
          lambda: enumerate([1], 1, start=1), lambda: round(ndigits=1), lambda: round(1.5, number=2),
          lambda: round(number=2.567, ndigits=1), lambda: round(number=2.5), lambda: round(7, -1), lambda: round(),
          lambda: math.isclose(a=1), lambda: math.isclose(b=1, a=1.0000000001), lambda: math.isclose(1, 2, 3),
          lambda: math.isclose(1, 1.1, rel_tol=0.2), lambda: math.isclose(1, b=1), lambda: math.isclose(a=1, b='x'),
          lambda: enumerate(), lambda: round(1, 2, 3)]:
    try: print(f())
    except TypeError as e: print('TypeError', e)

# C functions with no text signature check their keyword names too (they were taken
# silently: int(x='5') gave 0).
for f in [lambda: max(1, 2, key=None, foo=1), lambda: min([3, 1], fo=2), lambda: max([], default=4),
          lambda: max([1, 3], key=lambda v: -v, default=0), lambda: int('5', bas=10), lambda: int(x='5'),
          lambda: int('11', base=2), lambda: str(obj='a'), lambda: str(object='b'),
          lambda: bytes(sourc=1), lambda: b'ab'.hex(se=':'), lambda: b'ab'.hex(sep=':')]:
    try: print(f())
    except TypeError as e: print('TypeError', e)

# Parsers that count the arguments before reading their names (CPython's
# PyArg_ParseTupleAndKeywords): a keyword repeating a positional was taken silently
# (int('5', 10, base=10) gave 5).
for f in [lambda: int('5', 10, base=10), lambda: int(base=1, foo=2, bar=3), lambda: str('a', 'utf-8', 'strict', errors='x'),
          lambda: sorted([2, 1], key=None, reverse=True, cmp=1), lambda: [2, 1].sort(key=None, reverse=True, cmp=1),
          lambda: min(1, 2, key=None, default=1, x=2), lambda: list(enumerate([1], 2, start=1)),
          lambda: sum([1], 2, start=1), lambda: 'a b'.split(' ', 1, maxsplit=1), lambda: 'a b'.split(maxsplit=1),
          lambda: (5).to_bytes(2, 'big', signed=False), lambda: print(1, x=1)]:
    try: print(f())
    except TypeError as e: print('TypeError', e)
