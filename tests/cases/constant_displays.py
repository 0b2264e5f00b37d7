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
print(not 0, not "", not (), not (1,), "xy"[1], (1, 2)[-1], b"ab"[0], -7.5 // 2, -7.5 % 2)
print({1: "a", 2: "b", 1.0: "c", True: "d"}, {"k": 1, **{"k": 2, "j": 3}, "j": 4})
print({i: i * i for i in range(3)}, {
    0: 0, 1: 1, 2: 2, 3: 3, 4: 4, 5: 5, 6: 6, 7: 7, 8: 8, 9: 9,
    10: 10, 11: 11, 12: 12, 13: 13, 14: 14, 15: 15, 16: 16, 17: 17, 0: "again",
})
a, b = [], [1]
print(not a is b, not (a in [b]), not 1 in [1, 2])
