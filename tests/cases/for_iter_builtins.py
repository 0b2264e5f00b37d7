# FOR_ITER over ranges, lists and tuples: steps, empties, mutation during the loop,
# exhaustion that stays exhausted, and nested loops over one iterator.
print([i for i in range(10, 0, -3)], list(range(0)), list(range(5, 5)))
print([i for i in range(-2**63, -2**63 + 3)], [i for i in range(2**63 - 3, 2**63 - 1)])
xs = [1, 2, 3]
for x in xs:
    if x < 6:
        xs.append(x + 3)
print(xs)
ys = [1, 2, 3, 4]
out = []
for y in ys:
    out.append(y)
    ys.clear()
print(out, ys)
it = iter([1, 2])
print(list(it), list(it))
ys = [5, 6]
it = iter(ys)
for a in it:
    ys.append(7) if len(ys) < 4 else None
    for b in it:
        print("inner", a, b)
        break
t = (1, "a", None)
for v in t:
    print(v)
r = iter(range(3))
print(next(r), [*r], [*r])
total = 0
for i in range(1_000_000):
    total += i
print(total)
