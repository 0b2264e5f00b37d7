# Set displays of constants are built from a frozenset constant, which fixes their
# iteration order (CPython's); operators on constants fold at compile time.
print({8, 16, 0, 24, 1})
print({24, 16, 8, 0, 1, 9, 17})
print([x for x in {40, 8, 32, 0, 16}])
for x in {5, 13, 21, 29}:
    print(x, end=" ")
print()
print(3 in {1, 2, 3}, 4 in {1, 2, 3}, (1, 2) in {(1, 2), (3, 4), (5, 6)})
s = {1, 2, 3}
s.add(4)
print(s, {1, 2, 3})
print(60 * 60, 2 ** 10 - 1, -7 // 2, -7 % 3, 1 / 4, 0.1 * 3, 2 ** -1, -16 >> 2)
print("ab" * 3, (1, 2) + (3,), ~True, True & False, True | False, True + True)
print(2 ** 200 > 0, 1 << 130, "x" * 5000 == "x" * 5000)
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print((-2) ** 63 / 3, 10 ** 20 / 3)
