# Step 2: a generator's frame outlives the call and suspends at each yield.
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b

gen = fib()
print(type(gen).__name__)
for i, n in zip(range(10), gen):
    print(i, n)
