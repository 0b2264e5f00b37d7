# Dicts of up to 8 entries keep no index table until they lose a key; every
# operation must still give CPython's answers and orders.


class K:
    """Keys that all hash alike and compare by a tag, printing each comparison."""

    def __init__(self, tag):
        self.tag = tag

    def __hash__(self):
        return 7

    def __eq__(self, other):
        print("  eq", self.tag, getattr(other, "tag", other))
        return isinstance(other, K) and self.tag == other.tag

    def __repr__(self):
        return f"K({self.tag})"


d = {}
for i in range(8):
    d[f"k{i}"] = i
print(len(d), list(d), d.get("k3"), "k9" in d)
d["k8"] = 8  # the ninth key: the table appears
print(len(d), d["k8"], d["k0"])

small = {"a": 1, "b": 2, "c": 3}
del small["b"]
small["d"] = 4
small["b"] = 5
print(small, len(small), small.pop("zz", None), small.popitem())

same = {}
for t in "abc":
    same[K(t)] = t
print("lookup c")
print(same[K("c")])
print("delete a")
del same[K("a")]
same[K("d")] = "d"
print("lookup d")
print(same[K("d")], list(same.values()))

counts = {}
for w in "the cat and the hat and the bat".split():
    counts[w] = counts.get(w, 0) + 1
print(counts, sorted(counts.items()))
e = dict(counts)
e.clear()
e["x"] = 1
print(e, counts == dict(counts), {1: 2, 1.0: 3, True: 4})

kw = {}


def f(**kwargs):
    kw.update(kwargs)
    return sorted(kwargs.items())


print(f(a=1, b=2), f(**{"c": 3}), kw)
