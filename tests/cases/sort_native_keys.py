# Sorting by keys that are all small ints or all strings (compared directly, no
# timsort): stability of equal keys, reverse=True keeping equal items in order,
# non-ASCII strings in code point order, and lists of every length around timsort's
# thresholds; mixed keys, floats and big ints still sort the general way.
seed = 7
def draw():
    global seed
    seed = (seed * 1103515245 + 12345) % 2**31
    return seed % 11 - 5
for n in (0, 1, 2, 3, 63, 64, 65, 200, 1000):
    items = [(draw(), i) for i in range(n)]
    a = sorted(items, key=lambda t: t[0])
    b = sorted(items, key=lambda t: t[0], reverse=True)
    c = [t[0] for t in items]
    c.sort(reverse=True)
    print(n, hash(tuple(a)) % 1000003, hash(tuple(b)) % 1000003, c[:3], c[-3:])
    print(a[:4], b[:4])
words = ["b", "a", "", "é", "z", "ab", "aa", "Zeta", "ä", "日本", "a\x00", "aa", "b"]
print(sorted(words))
print(sorted(words, reverse=True))
print(sorted(range(20), key=lambda i: words[i % len(words)]))
print(sorted([3, -2**62, 2**62, 0, -1, 2**62 - 1]))
print(sorted([3, 2**70, -2**70, 1]))
print(sorted([3, 1.5, True, -2, 0.0, False]))
print(sorted([2.5, float("nan"), 1.0, -3.0]))
print(sorted(["b", "a"] * 40)[:3], sorted([(1, "b"), (1, "a"), (0, "z")]))
xs = list(range(100, 0, -1)) + list(range(50))
xs.sort(key=lambda v: v % 7)
print(xs[:12], xs[-5:])
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
print(max(words, key=len), min([(2, "x"), (1, "y")], key=lambda t: t[0]))
# Tuple keys of ints and strings, one kind per position: compared item by item.
pairs = [(len(w), w) for w in words] + [(1, "b"), (0,), (1,), (), (1, "a", 0), (1, "a")]
print(sorted(pairs))
print(sorted(pairs, reverse=True)[:6])
print(sorted(range(12), key=lambda i: (i % 3, -i)), sorted(range(12), key=lambda i: (i % 2,), reverse=True))
print(sorted([(2, "x"), (1, (2,)), (1, (1,))]), sorted([(1, 2.5), (1, 2), (0, 9)]))
try:
    sorted([(1, "a"), ("a", 1)])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
print(sorted([(0, "a"), (1, 2)]), max([(1, "b"), (1, "a")]), min([(2,), (1, "z")]))
