x = 1 + 2 * 3 - 4 / 5 // 6 % 7 @ 8
#----
x = -2**2
#----
x = 2**-1
#----
x = 2**3**2
#----
x = -x ** -y
#----
x = ~a + +b - -c
#----
x = a | b ^ c & d << e >> f
#----
a < b <= c == d != e > f >= g
#----
a in b not in c is d is not e
#----
not a and b or c and not d
#----
a or b or c
#----
a and b and c or d
#----
x = a if b else c if d else e
#----
x = lambda: 0
#----
x = lambda a, b=1, *c, d, e=2, **f: a
#----
x = lambda *, a: a
#----
x = lambda a, /, b: a
#----
f = lambda x: (yield)
#----
(x := 1)
#----
if (n := len(a)) > 10: pass
#----
while chunk := f.read(): pass
#----
[y := f(x), y**2]
#----
f(x := 1, y=2)
#----
a = b = c = 1
#----
a, b = b, a
#----
a, *b = c
#----
[a, *b], c = d
#----
(a, b), c = d
#----
x = 1,
#----
x = ()
#----
x = (1,)
#----
x = (1, 2,)
#----
x = (1)
#----
x = [1, 2, 3,]
#----
x = []
#----
x = {}
#----
x = {1: 2, 3: 4,}
#----
x = {1, 2}
#----
x = {**a, 'b': 1, **c}
#----
x = {*a, b, *c}
#----
x = [*a, *b]
#----
x = *a, *b
#----
print(*a, **k)
#----
f(a, b=1, *c, d=2, **e)
#----
f(*a, *b, c, **d, **e)
#----
f(**a, b=1)
#----
f(x for x in y)
#----
f(x for x in y if x if not x for z in x)
#----
f()
#----
f(a)(b)(c)
#----
a.b.c.d
#----
a[1]
#----
a[1:2]
#----
a[:]
#----
a[::]
#----
a[1:2:3]
#----
a[::3]
#----
a[1:2, ::3]
#----
a[1, 2]
#----
a[1,]
#----
a[*b]
#----
a[*b, c]
#----
a[b:=1]
#----
x = [i for i in range(10) if i % 2]
#----
x = {i: j for i, j in z}
#----
x = {i for i in z}
#----
x = (i for i in z)
#----
x = [i for i in a for j in b if c if d]
#----
x = [i for i, in a]
#----
async def f():
    x = [i async for i in a]
    await x
    async for a in b:
        pass
    async with a as b, c:
        pass
    return await g()
#----
def f():
    yield
    yield x
    yield x, y
    yield from z
    x = yield
    x = yield y
    x = yield from z
    await_ = 1
    return
#----
def f(*, a, b=1, **k): pass
#----
def f(a, b, /, c, d=1, *e, f, g=2, **h) -> int: pass
#----
def f(a: int, b: str = 'x', *args: int, c: int, **kw: dict) -> None: pass
#----
def f(a=1, /, b=2): pass
#----
def f(a,): pass
#----
def f(*a,): pass
#----
def f(**a,): pass
#----
def f(*args: *Ts): pass
#----
@dec
@dec.a(1)
@a[b] or c
def f():
    pass
#----
@d
class A(B, C, metaclass=M, **kw):
    x: int = 1
    def m(self): return self
#----
class A: pass
#----
class A(): pass
#----
class A(*bases): pass
#----
if a:
    pass
elif b:
    pass
elif c:
    x = 1
else:
    y = 2
#----
if a: pass
else: pass
#----
while a:
    break
else:
    continue
#----
for x in y:
    pass
else:
    pass
#----
for x, y in z: pass
#----
for x, in z: pass
#----
for x in *a, b: pass
#----
for x in a, b: pass
#----
for [a, b] in c: pass
#----
for a.b in c: pass
#----
for a[0] in c: pass
#----
try:
    pass
except:
    pass
#----
try:
    pass
except E:
    pass
except (E, F) as e:
    pass
else:
    pass
finally:
    pass
#----
try:
    pass
finally:
    pass
#----
with a: pass
#----
with a as b, c as d: pass
#----
with a as (b, c): pass
#----
with (a as b, c as d): pass
#----
with (a as b, c as d,): pass
#----
with (a, b): pass
#----
with (a, b) as c: pass
#----
with (a): pass
#----
with (a) as b: pass
#----
with (a).b as c: pass
#----
with (yield): pass
#----
with (x for x in y): pass
#----
with (a, b), c: pass
#----
with ((a)) as b: pass
#----
global a, b
nonlocal c
#----
del a
#----
del a, b.c, d[1]
#----
del (a, b), [c]
#----
del a,
#----
assert x
#----
assert x, "msg"
#----
raise
#----
raise E
#----
raise E from e
#----
import a
#----
import a.b.c
#----
import a.b as c, d
#----
from a import b
#----
from a.b import c as d, e
#----
from . import a
#----
from .. import a
#----
from ... import a
#----
from .... import a
#----
from .a import b
#----
from ...a.b import c
#----
from a import *
#----
from a import (b, c)
#----
from a import (b, c,)
#----
from a import (b as c)
#----
x += 1
x -= 1
x *= 1
x @= 1
x /= 1
x %= 1
x &= 1
x |= 1
x ^= 1
x <<= 1
x >>= 1
x **= 1
x //= 1
#----
a.b += 1
a[1] += yield
#----
x: int
#----
x: int = 1
#----
(x): int = 1
#----
a.b: int
#----
a[1]: int = 2
#----
x: int = yield
#----
x: tuple = 1, 2
#----
x; y; z
#----
x;
#----
if x: a; b
#----
x = 1
    # comment at different indentation
y = 2
#----
def f():
    # leading comment

    x = 1

    return x
#----
if a:
    if b:
        pass
#----
if a:
    if b:
        pass
    c
d
#----
x = (1 +
     2)
#----
x = [
    1,
    2,
]
#----
x = 1 + \
    2
#----
if a and \
   b:
    pass
#----
x = 'a' "b" '''c''' """d"""
#----
x = "a" f"b{x}" "c"
#----
x = f"{x}" "y"
#----
x = f"a"
#----
x = f""
#----
x = f"{x=}"
#----
x = f"{ x = }"
#----
x = f"{x=!s}"
#----
x = f"{x=:>10}"
#----
x = f"{x=!r:>10}"
#----
x = f"a{x!r:{y}>{z}}b"
#----
x = f"{{}}"
#----
x = f"{{{x}}}"
#----
x = f"{x:{{}}>10}"
#----
x = f"{a:}"
#----
x = f"{x:=1}"
#----
x = f"{(x:=1)}"
#----
x = f"{3!=4}"
#----
x = f"{a['b']}"
#----
x = f'''{
x
}'''
#----
x = f"{yield}"
#----
x = f"{*a,}"
#----
x = f"{a, b}"
#----
x = f"{x for x in y}"
#----
x = f"{f'{x}'}"
#----
x = f"{x:{y}.{z}f}"
#----
x = f"{x!a}"
#----
x = f"\n{x}\t"
#----
x = rf"\n{x}\t"
#----
x = fr"\{x}"
#----
x = F"{x}" Rf"{y}" fR'{z}'
#----
x = f"{x:\n}"
#----
x = f"{'a' if b else 'c'}"
#----
x = f"{x == y}"
#----
x = f"{x <= y}"
#----
x = f"{lambda_}"
#----
x = f"{ {1: 2}[1] }"
#----
x = "\n\t\\\'\"\a\b\f\v\r\0\1\12\123\x41\u00e9\U0001F600"
#----
x = "\q\d"
#----
x = "a\
b"
#----
x = r"\n\t\\"
#----
x = R'\''
#----
x = u"abc"
#----
x = U"abc"
#----
x = b"abc\x00\xff\n\101"
#----
x = b"a" b'b' rb"\n" Br'\x' bR"c" RB"d"
#----
x = b"\u1234"
#----
x = "é😀"
#----
x = '''a
b'''
#----
x = """a\
b"""
#----
x = 'a"b' "c'd"
#----
x = """"a" """
#----
x = 0
#----
x = 00
#----
x = 1_000_000
#----
x = 0x1F
#----
x = 0XdeadBEEF
#----
x = 0o17
#----
x = 0O17
#----
x = 0b1010
#----
x = 0B1_0
#----
x = 0x_ff
#----
x = 123456789012345678901234567890
#----
x = 1.5
#----
x = 1.
#----
x = .5
#----
x = 1e10
#----
x = 1E-10
#----
x = 1.5e+3
#----
x = 1_0.0_1e1_0
#----
x = 1e400
#----
x = 1j
#----
x = 1.5J
#----
x = 1e3j
#----
x = 0j
#----
x = 09.5
#----
x = 0e0
#----
x = 0.1
#----
x = 2.2250738585072014e-308
#----
x = 1if 1else 2
#----
x = [0x1for x in y]
#----
x = 1 if True else None
#----
x = ...
#----
x = a[...]
#----
x = None, True, False
#----
x = a.b(c).d[e]
#----
x = not a == b
#----
x = await_ if a else b
#----
match = 1
case = 2
_ = 3
#----
x = a if b else lambda: c
#----
x = [lambda: i for i in x]
#----
x = (yield)
#----
print(a, end='')
#----
f(a)[b].c(d=e)
#----
x = a < b < c
#----
x = (a < b) < c
#----
x = a ** b ** c
#----
x = (a ** b) ** c
#----
x = a - b - c
#----
x = a - (b - c)
#----
x = ~~a
#----
x = not not a
#----
x = -1
#----
x = - 1
#----
x = +1j
#----
x = a @ b
#----
é = 1
#----
x = π * 2
#----
def f(): return 1, *a
#----
x = {1: 2, **a}
#----
x = {**a}
#----
f(*a)
#----
f(**a)
#----
f(a)(*b)
#----
x = [a for b in c for d in e]
#----
x = (a for b in c if d)
#----
x = {a: b for c in d if e}
#----
x = a[b][c]
#----
if x:
    pass
# trailing comment
#----
if x:
	pass
#----
if x:
        pass
#----
class A:
    def f(self):
        pass

    def g(self):
        pass
#----
def f(a, b):
    return a if b else a
#----
x = a.b.c(d)[e:f].g
#----
for i in range(10): print(i)
#----
while True: break
#----
with open(f) as g: pass
#----
a = yield_ = 1
#----
x = 'a' 'b' f'c' 'd' f'{e}' 'f'
#----
x = f'{x}' f'{y}'
#----
x = '' f''
#----
x = f'' ''
#----
x = f'{x!r}' '' f'{y:>3}'
#----
assert isinstance(x, int), f"bad {x!r}"
#----
x = [
  1,  # one
  2,  # two
]
#----
def f(
    a,
    b,
):
    pass
#----
x = {
    'a': 1,
    'b': 2,
}
#----
if x:
    pass
elif y:
    pass
#----
try:
    pass
except E as e:
    raise F from e
#----
return_ = lambda: (yield)
#----
x = a if b else(c)
#----
x = [1][0]
#----
x = "abc"[1:]
#----
x = (1).real
#----
x = 1 .real
#----
x = 1.0.real
#----
x = not(a)
#----
x = a if(b)else c
#----
x = a[b:c, d:e]
#----
x = a[(b, c)]
#----
x = a[b, *c]
#----
x = (*a,)
#----
x = (*a, *b)
#----
x = [*a]
#----
x = (a, *b), c
#----
x = yield_
#----
x = f(a, b)(c)
#----
del a[b], c.d
#----
x = -(-1)
#----
a, = b
#----
[a] = b
#----
[] = b
#----
() = b
#----
x = [] == []
#----
x = a or not b
#----
x = (a or b) and c
#----
x = a is not None
#----
x = a not in b
#----
x = lambda a=lambda: 1: a
#----
x = lambda *a, **k: 0
#----
x = lambda a, *, b=1: 0
#----
x = lambda a=1, /, b=2, *c: 0
#----
def f(a, /): pass
#----
def f(a, /, *, b): pass
