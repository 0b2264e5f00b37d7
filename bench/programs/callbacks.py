# callbacks: closures, lambdas and functions handed to map, filter, sorted and max --
# Python functions called from natives, and closures made in a loop.
def make_adder(n):
    def add(x):
        return x + n
    return add


def compose(f, g):
    return lambda x: f(g(x))


adders = [make_adder(i) for i in range(10)]
total = 0
for i in range(60000):
    h = compose(adders[i % 10], adders[(i + 3) % 10])
    total += h(i)
    total += sum(map(lambda v: v * 2, (1, 2, 3)))
words = [str(i * 7919 % 10007) for i in range(20000)]
for _ in range(5):
    total += len(sorted(words, key=lambda w: (len(w), w))[0])
    total += len(list(filter(lambda w: w.endswith("7"), words)))
    total += int(max(words, key=lambda w: w[::-1]))
print("callbacks", total)
