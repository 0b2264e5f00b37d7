# gen_chain: values pulled through a stack of generators, and sent down a yield-from chain.
def numbers(n):
    for i in range(n):
        yield i


def scaled(src, k):
    for x in src:
        yield x * k


def evens(src):
    for x in src:
        if x % 2 == 0:
            yield x


def accumulator():
    total = 0
    while True:
        got = yield total
        total += got


def relay(inner):
    return (yield from inner)


s = sum(evens(scaled(numbers(2_000_000), 3)))
acc = accumulator()
for _ in range(8):
    acc = relay(acc)
next(acc)
last = 0
for i in range(400_000):
    last = acc.send(i)
print("gen_chain", s, last)
