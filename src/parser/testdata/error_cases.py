if x:
pass
#----
for x in y:
1
#----
while 1:
1
#----
with a:
1
#----
try:
1
#----
try:
  1
except:
1
#----
try:
  1
finally:
1
#----
if 1:
  1
else:
1
#----
if 1:
  1
elif 2:
1
#----
def f():
1
#----
class A:
1
#----
async def f():
1
#----
async def f():
  async for x in y:
  1
#----
async def f():
  async with x:
  1
#----
if x:
#----
if x:

#----
try:
  1
except E as e:
1
#----
for x in y:
  1
else:
1
#----
@d
def f():
1
#----
if x:
  a
 b
#----
  x
#----
x
  y
#----
if x:
	if y:
        z
#----
if x:
        a
	b
#----
foo(1 2
#----
foo(1, 2
#----
(
1,
2
#----
x = )
#----
x = (]
#----
x = (
]
#----
x = [1, 2
y = 3
#----
"abc
#----
'abc
def'
#----
"""abc

def
#----
x = 'abc
#----
x = 1abc
#----
x = 0x
#----
x = 1__0
#----
x = 09
#----
x = 1e
#----
x = 0b12
#----
x = 0o8
#----
x = 1_
#----
x = 0x1for
#----
x = 1.__class__
#----
x = €
#----
x = a€
#----
x = 1 + ​2
#----
x =  1
#----
x = 1 \ 2
#----
x = 1 \
#----
x = $
#----
x = ?
#----
x = `a`
#----
1 = x
#----
f() = 1
#----
a + 1 = 2
#----
True = 1
#----
None = 1
#----
... = 1
#----
a < b = 1
#----
not a = 1
#----
a if b else c = 1
#----
[a, 1] = 2
#----
f() = g() = 1
#----
x = f() = 1
#----
(a, b) = c = f() = 1
#----
x = yield = 1
#----
del f()
#----
del 1
#----
del a + b
#----
del (a, f())
#----
del *a
#----
del [a, *b]
#----
for 1 in x: pass
#----
for f() in x: pass
#----
for *a in x: pass
#----
with a as 1: pass
#----
with a as f(): pass
#----
[x for 1 in y]
#----
[x for f() in y]
#----
f() += 1
#----
(a, b) += 1
#----
[a] += 1
#----
1 += 1
#----
a.b: int
#----
(a, b): int
#----
[a, b]: int
#----
a, b: int
#----
f(): int
#----
1: int
#----
x = *a
#----
*a
#----
*a = 1
#----
a, *b, *c = 1
#----
[*a, *b] = 1
#----
x = (*a)
#----
(*a) = 1
#----
def f(): return *a
#----
x += *a
#----
print(*a, **k)
#----
f(a=1, b)
#----
f(**a, b)
#----
f(**a, *b)
#----
f(a=1, *b)
#----
f(x for x in y, 1)
#----
f(1, x for x in y)
#----
f(x for x in y,)
#----
class A(x for x in y): pass
#----
def f(a=1, b): pass
#----
def f(*, **k): pass
#----
def f(*): pass
#----
def f(/, a): pass
#----
def f(*a, /): pass
#----
def f(**k, a): pass
#----
def f(a, /, b, /): pass
#----
def f(*a, *b): pass
#----
def f(**a, **b): pass
#----
def f(**a, *b): pass
#----
lambda a=1, b: 0
#----
lambda *: 0
#----
f(a.b=1)
#----
f(1=1)
#----
if x
  pass
#----
while x
  pass
#----
def f()
  pass
#----
class A
 pass
#----
for x in y
 pass
#----
else:
#----
if x y:
 pass
#----
else
#----
if 1:
 pass
else
 pass
#----
try
 pass
#----
try:
 pass
except E
 pass
#----
try:
 pass
finally
 pass
#----
class A(B)
 pass
#----
def f() -> int
 pass
#----
def f() x
#----
with a as b
 pass
#----
lambda x x
#----
x := 1
#----
x = 1 +
#----
x = 1; ; y
#----
from a import b,
#----
try:
 pass
except A, B:
 pass
#----
try:
 pass
except:
 pass
except E:
 pass
#----
x = !a
#----
x = a <> b
#----
b"a" "b"
#----
"a" b"b"
#----
b"é"
#----
f"{}"
#----
f"{x"
#----
f"}"
#----
f"{"
#----
f"{x!}"
#----
f"{x!z}"
#----
f"{x:{y:{z}}}"
#----
f"{*a}"
#----
f"{a b}"
#----
f"{#}"
#----
f"{ }"
#----
f"{lambda x: 1}"
#----
f"{a!r }"
#----
f"{x}}"
#----
f"{x)}"
#----
f"{(x}"
#----
f"{x!r=}"
#----
'\N'
#----
'\x4'
#----
'\x'
#----
'\u12'
#----
'\U1234567'
#----
'\U00110000'
#----
x = 1
  y = 2
#----
def f():
    return 1
  x = 2
#----
if x:
    pass
  else:
    pass
#----
for x in range(10):
    pass
    pass
   pass
#----
x = (1,
     2
#----
x = [1, 2)
#----
x = {1: 2]
#----
x = ((((]
#----
)
#----
]
#----
}
#----
x = 1 if 2
#----
x = [1 2]
#----
a.b := 1
#----
(a.b := 1)
#----
x = 1
#----
#eval
 1
#----
#eval
1
2
#----
#eval
*a,
#----
#eval
1

#----
#eval
a, b
#----
#eval
x = 1
#----
#single
x=1
y=2
#----
#single
x=1;y=2
#----
#single
if 1:
  pass

#----
#single
1 # c

#----
def f(x):
    return
        x
#----
class A:
    def f(self):
        pass
     def g(self):
        pass
#----
import a.b as c.d
#----
from a import b.c
#----
import *
#----
from . import *, a
#----
def f(a, a=1): pass
#----
x = [1, 2, 3
#----
print "hello"
#----
exec "code"
#----
x = 5 6
#----
a b
#----
f(a b)
#----
x = (a b)
#----
x = {1 2}
#----
pass pass
#----
return return
#----
if True:
    x = 1
   y = 2
#----
def (): pass
#----
class 1: pass
#----
x = [,]
#----
x = (,)
#----
f(,)
#----
a[]
#----
x = 'a' 'b
#----
x = """abc""" """def
#----
async = 1
#----
await = 1
#----
def f(): pass; def g(): pass
#----
if x: if y: pass
#----
x = yield from
#----
x = not
#----
x = a.
#----
x = a.1
#----
x = 1.2.3
#----
x = 0b
#----
x = 0o
#----
x = 0_1
#----
x = 1__
#----
x = 1e+
#----
x = 1_e5
#----
x = 1e_5
#----
x = 0x_
#----
x = 0xg
#----
x = 1.e
#----
x = 1j2
#----
x = 5.j
#----
x = 01.5
#----
x = 0777
#----
x = 00
#----
x = 0_0
#----
x = 1.2e3.4

#----
x = 1 = 2
#----
for x in range(3):
break
#----
if x:
  pass
    y
#----
(x for x in y) = 1
#----
[x for x in y] = 1
#----
{a: b} = 1
#----
{a} = 1
#----
f"{x}" = 1
#----
x.y() = 1
#----
-x = 1
#----
x + 1 += 1
#----
lambda: 1 = 1
#----
a, b += 1
#----
x if y else z += 1
#----
def f():
    await x = 1
#----
def f():
    (yield x) = 1
#----
del (a + b)
#----
del [a, b]
#----
del ()
#----
del a.b, c[d], (e, [f])
#----
del f(), a
#----
del (yield)
#----
with a as b + 1: pass
#----
for x, f() in y: pass
#----
for (x, 1) in y: pass
#----
import a as b.c
#----
def f(x=1, /, y): pass
#----
class A(**k, a): pass
#----
class A(a=1, b): pass
#----
f(*)
#----
f(**)
#----
x = {**}
#----
x = [*]
#----
a[1:2:3:4]
#----
a = 1 if b else
#----
lambda: yield
#----
x: int, y: int = 1, 2
#----
async x = 1
#----
bu"x"
#----
ub"x"
#----
rr"x"
#----
x = 1e1_
#----
if x:
	pass
        pass
#----
f"{x:{y!r}}"
#----
f"{x!r:{y}}"
#----
f"{'''a'''}"
#----
f"{x
#----
"abc\
#----
uf"x"
#----
f"{x!r:{y!s:{z}}}"
#----
f"{x:{y}}" f"{"
#----
f"{"a"}"
#----
f"{{{x"
#----
f"{x:}}}"
#----
f"{!r}"
#----
f"{:}"
#----
f"{=}"
#----
f"{x!}"
#----
f"{x=!}"
#----
f"{x==}"
#----
f"{a[}"
#----
f"{a]}"
#----
f"{a(}"
#----
f"{)}"
#----
f"{x:{}}"
#----
f"{1 +}"
#----
f"{x = :}"
#----
f"{x!s=}"
#----
x = f"{f'{x}'}" f'{y}'
#----
f"{'\n'}"
#----
x = [1, 2, 3] = y
#----
def f(*, a, *, b): pass
#----
def f(*a=1): pass
#----
def f(**a=1): pass
#----
def f(a, *, /): pass
#----
lambda a, a: 1
#----
lambda *a, **a: 1
#----
class A:
pass
#----
def f(): return
  x
#----
try:
  pass
#----
try:
  pass
else:
  pass
#----
for x in y:
  pass
elif z:
  pass
#----
x = (yield) = 1
#----
while True:
  pass
  else:
    pass
#----
@foo
x = 1
#----
@foo
#----
@
def f(): pass
#----
import
#----
from import a
#----
from a import
#----
from a import (b
#----
from a import (*)
#----
from .a import b as
#----
global
#----
global a.b
#----
assert
#----
raise from e
#----
return x from y
#----
del
#----
x = a[1:2:3:4]
#----
x = a[::,]
#----
x = (a, b for b in c)
#----
x = [a, b for b in c]
#----
x = {a: b, c for c in d}
#----
x = {a, b: c}
#----
x = {a: b: c}
#----
x = {**a: b}
#----
x = {*a: b}
#----
f(a for a in b for)
#----
[x for x in]
#----
[x for in y]
#----
[x if y for x in z]
#----
x = a if b else c if d
#----
x = 1 +* 2
#----
x = a..b
#----
x = a.b.
#----
x = (1 2 3)
#----
x = 1
 # comment
y = 2
#----
  # comment
x = 1
#----
x = 'abc'def'
#----
x = b'\xff' 'a'
#----
x = u'abc' b'd'
#----
x = 0o
#----
x = 1_000_
#----
x = 0b_
#----
x = 0x1.5
#----
x = 1.5_
#----
x = 1e5e5
#----
x = .
#----
x = 1..real
#----
x = 1...
#----
é = 1
#----
x = a€b
#----
x = ∑
#----
x = a­b
#----
#single
obj.None = 1
#----
#single
None = 1
#----
#single
obj.True = 1
#----
#single
True = 1
#----
#single
(True := 1)
#----
#single
f() = 1
#----
#single
yield = 1
#----
#single
del f()
#----
#single
a + 1 = 2
#----
#single
(x for x in x) = 1
#----
#single
1 = 1
#----
#single
"abc" = 1
#----
#single
b"" = 1
#----
#single
... = 1
#----
#single
`1` = 1
#----
#single
(a, "b", c) = (1, 2, 3)
#----
#single
(a, True, c) = (1, 2, 3)
#----
#single
(a, *True, c) = (1, 2, 3)
#----
#single
[a, b, c + 1] = [1, 2, 3]
#----
#single
[a, b[1], c + 1] = [1, 2, 3]
#----
#single
[a, b.c.d, c + 1] = [1, 2, 3]
#----
#single
a if 1 else b = 1
#----
#single
a = 42 if True
#----
#single
a = (42 if True)
#----
#single
a = [1, 42 if True, 4]
#----
#single
if True:
    print("Hello"

if 2:
   print(123))
#----
#single
True = True = 3
#----
#single
x = y = True = z = 3
#----
#single
x = y = yield = 1
#----
#single
a, b += 1, 2
#----
#single
(a, b) += 1, 2
#----
#single
[a, b] += 1, 2
#----
#single
for a() in b: pass
#----
#single
for (a, b()) in b: pass
#----
#single
for [a, b()] in b: pass
#----
#single
for (*a, b, c+1) in b: pass
#----
#single
for (x, *(y, z.d())) in b: pass
#----
#single
for a, b() in c: pass
#----
#single
for i < (): pass
#----
#single
for a, b
#----
#single
with a as b(): pass
#----
#single
with a as (b, c()): pass
#----
#single
with a as [b, c()]: pass
#----
#single
with a as (*b, c, d+1): pass
#----
#single
with a as (x, *(y, z.d())): pass
#----
#single
with a as b, c as d(): pass
#----
#single
with a as b
#----
#single
p = p =
#----
#single
[x,y for x,y in range(100)]
#----
#single
{x,y for x,y in range(100)}
#----
#single
[1, 2 3]
#----
#single
{1, 2 3}
#----
#single
{1:2, 2:5 3:12}
#----
#single
(1, 2 3)
#----
#single
match x:
    case y:
       3 $ 3
#----
#single
match x:
    case $:
       ...
#----
#single
def f(None=1):
    pass
#----
#single
def f(x, y=1, z):
    pass
#----
#single
def f(x, None):
    pass
#----
#single
def f(*None):
    pass
#----
#single
def f(**None):
    pass
#----
#single
def foo(a,/,/,b,c):
   pass
#----
#single
def foo(a,/,a1,/,b,c):
   pass
#----
#single
def foo(a=1,/,/,*b,/,c):
   pass
#----
#single
def foo(a,/,a1=1,/,b,c):
   pass
#----
#single
def foo(a,*b,c,/,d,e):
   pass
#----
#single
def foo(a=1,*b,c=3,/,d,e):
   pass
#----
#single
def foo(a,*b=3,c):
   pass
#----
#single
def foo(a,**b=3):
   pass
#----
#single
def foo(a,**b: int=3):
   pass
#----
#single
def foo(a,*a, b, **c, d):
   pass
#----
#single
def foo(a,*a, b, **c, d=4):
   pass
#----
#single
def foo(a,*a, b, **c, *d):
   pass
#----
#single
def foo(a,*a, b, **c, **d):
   pass
#----
#single
def foo(a=1,/,**b,/,c):
   pass
#----
#single
def foo(*b,*d):
   pass
#----
#single
def foo(a,*b,c,*d,*e,c):
   pass
#----
#single
def foo(a,b,/,c,*b,c,*d,*e,c):
   pass
#----
#single
def foo(a,b,/,c,*b,c,*d,**e):
   pass
#----
#single
def foo(a=1,/*,b,c):
   pass
#----
#single
def foo(a=1,d=,c):
   pass
#----
#single
def foo(a,d=,c):
   pass
#----
#single
def foo(a,d: int=,c):
   pass
#----
#single
lambda /,a,b,c: None
#----
#single
lambda a,/,/,b,c: None
#----
#single
lambda a,/,a1,/,b,c: None
#----
#single
lambda a=1,/,/,*b,/,c: None
#----
#single
lambda a,/,a1=1,/,b,c: None
#----
#single
lambda a,*b,c,/,d,e: None
#----
#single
lambda a=1,*b,c=3,/,d,e: None
#----
#single
lambda a=1,/*,b,c: None
#----
#single
lambda a,*b=3,c: None
#----
#single
lambda a,**b=3: None
#----
#single
lambda a, *a, b, **c, d: None
#----
#single
lambda a,*a, b, **c, d=4: None
#----
#single
lambda a,*a, b, **c, *d: None
#----
#single
lambda a,*a, b, **c, **d: None
#----
#single
lambda a=1,/,**b,/,c: None
#----
#single
lambda *b,*d: None
#----
#single
lambda a,*b,c,*d,*e,c: None
#----
#single
lambda a,b,/,c,*b,c,*d,*e,c: None
#----
#single
lambda a,b,/,c,*b,c,*d,**e: None
#----
#single
lambda a=1,d=,c: None
#----
#single
lambda a,d=,c: None
#----
#single
def None(x):
    pass
#----
#single
f(x for x in L, 1)
#----
#single
f(x for x in L, y=1)
#----
#single
f(x for x in L, *[])
#----
#single
f(x for x in L, **{})
#----
#single
f(L, x for x in L)
#----
#single
f(x for x in L, y for y in L)
#----
#single
f(x for x in L,)
#----
#single
class C(x for x in L):
    pass
#----
#single
f(lambda x: x[0] = 3)
#----
#single
f(a={x: for x in {}})
#----
#single
f(x()=2)
#----
#single
f(a or b=1)
#----
#single
f(x.y=1)
#----
#single
f((x)=2)
#----
#single
f(True=1)
#----
#single
f(False=1)
#----
#single
f(None=1)
#----
#single
(x for x in x) += 1
#----
#single
None += 1
#----
#single
f() += 1
#----
#single
if 1:
  x() = 1
elif 1:
  pass
#----
#single
if 1:
  pass
elif 1:
  x() = 1
#----
#single
if 1:
  x() = 1
elif 1:
  pass
else:
  pass
#----
#single
if 1:
  pass
elif 1:
  x() = 1
else:
  pass
#----
#single
if 1:
  pass
elif 1:
  pass
else:
  x() = 1
#----
#single
def f()
    pass
#----
#single
class A
    pass
#----
#single
class R&D:
    pass
#----
#single
if 1
  pass
elif 1:
  pass
else:
  x() = 1
#----
#single
if 1:
  pass
elif 1
  pass
else:
  x() = 1
#----
#single
if 1:
  pass
elif 1:
  pass
else
  x() = 1
#----
#single
for x in range(10)
  pass
#----
#single
for x in range 10:
  pass
#----
#single
while True
  pass
#----
#single
with blech as something
  pass
#----
#single
with blech
  pass
#----
#single
with blech, block as something
  pass
#----
#single
with blech, block as something, bluch
  pass
#----
#single
with (blech as something)
  pass
#----
#single
with (blech)
  pass
#----
#single
with (blech, block as something)
  pass
#----
#single
with (blech, block as something, bluch)
  pass
#----
#single
with block ad something:
  pass
#----
#single
try
  pass
#----
#single
try:
  pass
except
  pass
#----
#single
match x x:
  case list():
      pass
#----
#single
if x = 3:
   pass
#----
#single
while x = 3:
   pass
#----
#single
if x.a = 3:
   pass
#----
#single
while x.a = 3:
   pass
#----
#single
def f:
#----
#single
async def f:
#----
#single
def f(x, (y, z), w):
   pass
#----
#single
def f((x, y, z, w)):
   pass
#----
#single
def f(x, (y, z, w)):
   pass
#----
#single
def f((x, y, z), w):
   pass
#----
#single
lambda x, (y, z), w: None
#----
#single
lambda (x, y, z, w): None
#----
#single
lambda x, (y, z, w): None
#----
#single
lambda (x, y, z), w: None
#----
#single
try:
   x = 34
#----
#single
f(2, 4, x=34); 1 $ 2
#----
#single
dict(x=34); x $ y
#----
#single
dict(x=34, (x for x in range 10), 1); x $ y
#----
#single
dict(x=34, x=1, y=2); x $ y
#----
#single
{1:2, 3:4, 5}
#----
#single
{1:2, 3:4, 5:}
#----
#single
{1: *12+1, 23: 1}
#----
#single
{1: *12+1}
#----
#single
{1: 23, 1: *12+1}
#----
#single
{1:}
#----
#single
{1} $
#----
#single
{1: 2, 3: foo(,), 4: 5}
#----
#single
{1: $, 2: 3}
#----
#single
while condition:
pass
#----
#single
for x in range(10):
pass
#----
#single
for x in range(10):
    pass
else:
pass
#----
#single
async for x in range(10):
pass
#----
#single
async for x in range(10):
    pass
else:
pass
#----
#single
if something:
pass
#----
#single
if something:
    pass
elif something_else:
pass
#----
#single
if something:
    pass
elif something_else:
    pass
else:
pass
#----
#single
try:
pass
#----
#single
try:
    something()
except:
pass
#----
#single
try:
    something()
except A:
pass
#----
#single
try:
    something()
except A:
    pass
finally:
pass
#----
#single
with A:
pass
#----
#single
with A as a, B as b:
pass
#----
#single
with (A as a, B as b):
pass
#----
#single
async with A:
pass
#----
#single
async with A as a, B as b:
pass
#----
#single
async with (A as a, B as b):
pass
#----
#single
def foo(x, /, y, *, z=2):
pass
#----
#single
class Blech(A):
pass
#----
#single
raise X, Y
#----
#single
raise X, Y, Z
#----
#single
try:
  pass
except A, B:
  pass
#----
#single
try:
  pass
except A, B, C:
  pass
#----
#single
try:
  pass
except A, B, C as blech:
  pass
#----
#single
try:
  pass
except A, B, C as blech:
  pass
finally:
  pass
#----
#single
{1, 2, 3} = 42
#----
#single
{1: 2, 3: 4} = 42
#----
#single
f'{x}' = 42
#----
#single
f'{x}-{y}' = 42
#----
#single
from t import x,
#----
#single
from t import x,y,
#----
#single
from t import x,y, and 3
#----
#single
(): int
#----
#single
[]: int
#----
#single
(()): int
#----
#single
([]): int
#----
#single
with (lambda *:0): pass
#----
#single
import ä £
#----
#single
A[:*b]
#----
#single
A[:(*b)]
#----
#single
A[:*b] = 1
#----
#single
del A[:*b]
#----
#single
A[*b:]
#----
#single
A[(*b):]
#----
#single
A[*b:] = 1
#----
#single
del A[*b:]
#----
#single
A[*b:*b]
#----
#single
A[(*b:*b)]
#----
#single
A[*b:*b] = 1
#----
#single
del A[*b:*b]
#----
#single
A[*(1:2)]
#----
#single
A[*(1:2)] = 1
#----
#single
del A[*(1:2)]
#----
#single
A[*:]
#----
#single
A[:*]
#----
#single
A[*]
#----
#single
A[**]
#----
#single
A[**b]
#----
#single
A[**b] = 1
#----
#single
del A[**b]
#----
#single
def f6(x: *b): pass
#----
#single
def f7(x: *b = 1): pass
#----
#single
def f8(**kwargs: *a): pass
#----
#single
x: *b
#----
#single
x: *b = 1
#----
#single
b"Ā"
#----
#single
b"абвгде"
#----
#single
b"abc ъющый"  # first 3 letters are ascii
#----
#single
f(**x, *y)
#----
#single
f(x, *:)
#----
#eval
f'' b''
#----
#eval
b'' f''
#----
#eval
f'{"x'
#----
#eval
f'{"x}'
#----
#eval
f'{("x'
#----
#eval
f'{("x}'
#----
#eval
f'{((}'
#----
#eval
f'{a[4)}'
#----
#eval
f'{a(4]}'
#----
#eval
f'{a[4}'
#----
#eval
f'{a(4}'
#----
#eval
f'{3' f'}'
#----
#eval
f'{1#}'
#----
#eval
f'{3(#)}'
#----
#eval
f'{#}'
#----
#eval
f'{)#}'
#----
#eval
f'{"s"!r{":10"}}'
#----
#eval
f'{4:{/5}}'
#----
#eval
f'result: {value:{width:{0}}.{precision:1}}'
#----
#eval
f'{"s"!{"r"}}'
#----
#eval
f'{}'
#----
#eval
f'{ }'f' {} '
#----
#eval
f'{10:{ }}'
#----
#eval
f' { } '
#----
#eval
f'{!r}'
#----
#eval
f'{ !r}'
#----
#eval
f'{!}'
#----
#eval
f'{!'
#----
#eval
f'{!s:'
#----
#eval
f'{!x}'
#----
#eval
f'{ !xr}'
#----
#eval
f'{!x:}'
#----
#eval
f'{!x:a}'
#----
#eval
f'{ !xr:}'
#----
#eval
f'{ !xr:a}'
#----
#eval
f'{:}'
#----
#eval
f'{ :!}'
#----
#eval
f'{:2}'
#----
#eval
f'{:'
#----
#eval
f'{=}'
#----
#eval
f'{ =}'
#----
#eval
f'{ =:}'
#----
#eval
f'{   =!}'
#----
#eval
f'{='
#----
#eval
f'''{ }'''
#----
#eval
 
#----
#eval
f'{,}'
#----
#eval
f'{,}'
#----
#eval
f'{3)+(4}'
#----
#eval
f'{
}'
#----
#eval
f'{.}'
#----
#eval

f'{.}'
#----
#eval


f'{.}'
#----
#eval
f'\N'
#----
#eval
f'\N '
#----
#eval
f'\N  '
#----
#eval
f'\N{'
#----
#eval
f'\N{GREEK CAPITAL LETTER DELTA'
#----
#eval
'\N'
#----
#eval
'\N '
#----
#eval
'\N  '
#----
#eval
'\N{'
#----
#eval
'\N{GREEK CAPITAL LETTER DELTA'
#----
#eval
f'{\'a\'}'
#----
#eval
f'{\t3}'
#----
#eval
f'{\}'
#----
#eval
rf'{\'a\'}'
#----
#eval
rf'{\t3}'
#----
#eval
rf'{\}'
#----
#eval
rf'{"\N{LEFT CURLY BRACKET}"}'
#----
#eval
f'{\n}'
#----
#eval
f'{lambda x:x}'
#----
#eval
f'{3!g}'
#----
#eval
f'{3!A}'
#----
#eval
f'{3!3}'
#----
#eval
f'{3!G}'
#----
#eval
f'{3!!}'
#----
#eval
f'{3!:}'
#----
#eval
f'{3! s}'
#----
#eval
f'{x!s{y}}'
#----
#eval
f'{3!ss}'
#----
#eval
f'{3!ss:}'
#----
#eval
f'{3!ss:s}'
#----
#eval
f'' = 3
#----
#eval
f'{0}' = x
#----
#eval
f'{x}' = x
#----
#eval
del f''
#----
#eval
del '' f''
#----
#eval
f'{{}'
#----
#eval
f'{{}}}'
#----
#eval
f'}'
#----
#eval
f'x}'
#----
#eval
f'x}x'
#----
#eval
f'\u007b}'
#----
#eval
f'{3:}>10}'
#----
#eval
f'{3:}}>10}'
#----
#eval
f'{3:{{>10}'
#----
#eval
f'{3'
#----
#eval
f'{3!'
#----
#eval
f'{3:'
#----
#eval
f'{3!s'
#----
#eval
f'{3!s:'
#----
#eval
f'{3!s:3'
#----
#eval
f'x{'
#----
#eval
f'x{x'
#----
#eval
f'{x'
#----
#eval
f'{3:s'
#----
#eval
f'{{{'
#----
#eval
f'{{}}{'
#----
#eval
f'{'
#----
#eval
f'x{<'
#----
#eval
f'x{>'
#----
#eval
f'{i='
