# int.to_bytes/from_bytes, str.format_map/isprintable, math.comb/perm/lcm, float()
# and reversed() of bytes, bytes.fromhex, float.hex, bytes.hex(sep): values and CPython's errors.
print((5).to_bytes(2, byteorder='little'))
for f in [lambda: (5).to_bytes(x=1), lambda: (5).to_bytes(2, 'mid'), lambda: (5).to_bytes(2, 5),
          lambda: (5).to_bytes(-1), lambda: (256).to_bytes(1), lambda: (-1).to_bytes(1),
          lambda: (128).to_bytes(1, signed=True), lambda: int.from_bytes(5), lambda: int.from_bytes([256]),
          lambda: (5).to_bytes(2, 'big', True), lambda: int.from_bytes('ab'), lambda: int.from_bytes()]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print((-128).to_bytes(1, signed=True), (0).to_bytes(0), int.from_bytes([1,2]), int.from_bytes(b''), int.from_bytes(b'\x80', signed=True))
print(True.to_bytes(), int.from_bytes(b'\x01\x00', 'little'), (2**70).to_bytes(9, 'big'), (-2**70).to_bytes(10, 'little', signed=True))
print((255).to_bytes(2, 'little', signed=True), (-1).to_bytes(0, signed=True) if False else '', (0).to_bytes(1, signed=True))
for n in [0, 1, 127, 128, 255, 256, -1, -128, -129, 2**64, -2**64]:
    for signed in [False, True]:
        try:
            b = n.to_bytes(12, 'big', signed=signed)
            print(n, b, int.from_bytes(b, 'big', signed=signed), n.to_bytes(12, 'little', signed=signed)[:3])
        except OverflowError as e:
            print(n, e)
print('{a}-{b}'.format_map({'a': 1, 'b': 2}), 'abc'.isprintable(), 'a\n'.isprintable(), ''.isprintable())
try:
    '{0}'.format_map({})
except ValueError as e: print(e)
try:
    '{x}'.format_map({})
except KeyError as e: print('KeyError', e)
print('{x[0]}{y:>{w}}'.format_map({'x': 'ab', 'y': 1, 'w': 3}))

import math
print(math.comb(5, 2), math.comb(10, 0), math.comb(3, 5), math.comb(100, 50), math.comb(0, 0), math.comb(True, 1))
print(math.perm(5, 2), math.perm(5), math.perm(3, 5), math.perm(5, None), math.perm(20, 20))
print(math.lcm(), math.lcm(4, 6), math.lcm(0, 5), math.lcm(-4, 6), math.lcm(2**70, 3))
for f in [lambda: math.comb(-1, 2), lambda: math.comb(5, -1), lambda: math.comb(5.0, 2), lambda: math.perm(-2),
          lambda: math.comb(5), lambda: math.perm(1, 2, 3), lambda: math.lcm(1.5), lambda: math.comb(2**70, 2**65)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print((0).to_bytes(0, signed=True), (0).to_bytes(2, signed=True), (5).to_bytes(1, signed=[]), (5).to_bytes(2, 'little', signed=[1]))
for f in [lambda: int.from_bytes(2**70), lambda: int.from_bytes(True), lambda: (1).to_bytes(0),
          lambda: (-1).to_bytes(1, signed=''), lambda: (300).to_bytes(1, 'big', signed=0)]:
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
print('{x}{y}'.format_map(type('M', (), {'__getitem__': lambda self, k: k * 2})()), 'ABC'.lower(), 'abc'.upper())

# float() of bytes and reversed() of bytes
for b in [b'1.5', b' 2 ', b'x', b'\xff', b'inf', b'1_0', b'-0.0', b'1e400', b'']:
    try: print(float(b))
    except Exception as e: print(type(e).__name__, e)
print(list(reversed(b'abc')), list(reversed(b'')))

# bytes.fromhex and float.hex
for s in ['0aff', ' 0a ff ', '0a f', 'zz', '0a\tff', '', 'é0', '0g', 'AbCd']:
    try: print(bytes.fromhex(s))
    except Exception as e: print(type(e).__name__, e)
try: bytes.fromhex(b'0a')
except Exception as e: print(type(e).__name__, e)
for x in [1.5, -0.0, 0.0, 5e-324, 1e308, float('inf'), float('-inf'), float('nan'), 0.1, -2.5, 2.2250738585072014e-308, 1.0, 2.0**-1074 * 3, 123456.789]:
    print(x.hex())
for f in [lambda: bytes.fromhex(), lambda: bytes.fromhex('a', 'b'), lambda: (1.5).hex(1), lambda: b''.fromhex('00')]:
    try: print(f())
    except Exception as e: print(type(e).__name__, e)

# bytes.hex with a separator
b = bytes(range(1, 8))
for args in [(), (':',), (':', 2), (':', -2), (b'-', 3), ('', ), ('ab',), (5,), (':', 0), (':', 100), (':', -100), (':', 7), (':', 1)]:
    try: print(args, b.hex(*args))
    except Exception as e: print(args, type(e).__name__, e)
print(b''.hex(':'), b'\x01'.hex(':', 2), b'\xff\x00'.hex())
try: b.hex(sep='é')
except Exception as e: print(type(e).__name__, e)
print(b.hex(sep='|', bytes_per_sep=-3), b.hex(bytes_per_sep=2))
