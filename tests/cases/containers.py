l = [3, 1, 2]
l.append(5); l.sort(); print(l, l[1:3], l[::-1], len(l), 2 in l)
d = {"a": 1, "b": 2}
d["c"] = 3; del d["a"]
print(d, list(d.keys()), list(d.items()), d.get("z", 0))
s = {3, 1, 2, 1}
print(s, s | {9}, s & {1, 2}, sorted(s - {1}))
t = (1, "two", 3.0)
a, b, c = t
first, *rest = [1, 2, 3, 4]
print(a, b, c, first, rest, t.index("two"))
print([x * x for x in range(6) if x % 2], {k: v for k, v in zip("ab", [1, 2])}, {x % 3 for x in range(9)})
print(" ".join(sorted(["pear", "fig", "apple"], key=len)), "a,b,,c".split(","), "  hi  ".strip())
