# calls: many small Python calls (positional, keyword, default arguments, a closure).
def make_adder(k):
    def add(x, y=1):
        return x + y + k
    return add


def ackermann_ish(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann_ish(m - 1, 1)
    return ackermann_ish(m - 1, ackermann_ish(m, n - 1))


add = make_adder(3)
total = 0
for i in range(1_500_000):
    total = add(total, y=i % 7) % 1_000_003
print("calls", total, ackermann_ish(2, 400))
