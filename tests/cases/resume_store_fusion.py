# A generator resumed by `for x in gen` or `x = gen.send(v)` / `x = next(gen)` hands
# its item straight to the caller's local: the loop's end, a return (StopIteration), an
# exception, a for-loop body ending at a yield, and the other shapes that push instead.


def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return "done"


def relay(it):
    for x in it:
        yield x * 10


def main():
    total = 0
    for x in relay(count(4)):
        total += x
    print("for", total, x)

    # Exhausted on the first resume: the loop's target is taken, x stays unset.
    for y in count(0):
        print("never", y)
    print("y" in dir())

    g = count(2)
    a = next(g)
    b = g.send(None)
    print("next/send", a, b)
    a = "kept"
    try:
        a = next(g)
    except StopIteration as e:
        print("stop", e.value, a)

    # Not followed by STORE_FAST: pushed as before.
    g = count(3)
    print([next(g), g.send(None), next(g)])
    args = (count(5),)
    z = next(*args)
    print("call_ex", z)

    def boom():
        yield 1
        raise ValueError("inside")

    g = boom()
    w = g.send(None)
    try:
        w = g.send(None)
    except ValueError as e:
        print("raised", e, w)

    # A `yield` statement ending a for-loop body: its jump back runs on resume.
    def echo(it):
        for v in it:
            yield
            print("after", v)

    e = echo("ab")
    for _ in e:
        pass
    print("echo done")

    # Nested: a generator resumed by for inside a generator resumed by send.
    def inner():
        x = yield
        while x is not None:
            for k in count(x):
                x = yield k
            x = yield -1

    g = inner()
    next(g)
    out = []
    v = 2
    for _ in range(6):
        v = g.send(v)
        out.append(v)
        v = 3 if v == -1 else v + 1
    print(out)


main()
