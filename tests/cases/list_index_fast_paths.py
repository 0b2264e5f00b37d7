# list[int] reads and writes (the dispatch loop's fast paths) and every way they fall
# back: negative, out-of-range, huge, bool and non-int indices, and the errors each gives.
a = [1, 2, 3]
print(a[0], a[-1], a[-3], a[2], a[True])
for k in (3, -4, 10**20, -(10**20), 1.0, "x", None):
    for op in ("get", "set", "del"):
        try:
            if op == "get":
                print(a[k])
            elif op == "set":
                a[k] = 9
            else:
                del a[k]
        except (IndexError, TypeError) as e:
            print(op, k, type(e).__name__, e)
a[-1] = "x"
a[0] = a
print(len(a), a[1], a[-1], a[0] is a)
t = (1, 2)
print(t[0], t[-1])


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


# The replaced item is freed after the store, as in CPython.
b = [Noisy(1), Noisy(2)]
b[0] = Noisy(3)
print("after store")
b[-1] = 0
print("after second store", b[0].n)
