def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
g = fib()
print([next(g) for _ in range(10)])
def echo():
    received = yield "ready"
    while True:
        received = yield f"got {received}"
e = echo()
print(next(e), e.send(1), e.send("two"))
def inner():
    x = yield 1
    y = yield 2
    return x + y
def outer():
    result = yield from inner()
    print("inner returned", result)
o = outer()
print(next(o), o.send(10))
try:
    o.send(32)
except StopIteration as s:
    print("stopped", s.value)
def guarded():
    try:
        yield 1
        yield 2
    finally:
        print("cleanup")
for v in guarded():
    print("got", v)
    break
print("after break")
print(sum(x * x for x in range(100)), list(zip(range(3), "abc")))
