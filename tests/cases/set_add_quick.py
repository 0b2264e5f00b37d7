# set.add through its quick path (str and int items) and the general one (other
# items, equal-but-not-identical keys, unhashables, frozensets).
s = set()
for i in range(20):
    s.add(i % 7)
    s.add("k" + str(i % 5))
print(sorted(s, key=str))
s.add(1.0)
s.add(True)
s.add((1, 2))
print(len(s), 1.0 in s, (1, 2) in s)
t = {1.0, 2.5}
t.add(1)
t.add(2)
print(sorted(t))
class K:
    def __init__(self, v): self.v = v
    def __hash__(self): return hash(self.v)
    def __eq__(self, o): return self.v == (o.v if isinstance(o, K) else o)
u = {K(3)}
u.add(3)
u.add("x")
print(len(u))
try:
    s.add([1])
except TypeError as e:
    print("TypeError:", e)
try:
    set.add(frozenset(), 1)
except TypeError as e:
    print("TypeError:", e)
big = set()
for i in range(10000):
    big.add(i * 7919 % 10007)
    big.add(str(i % 100))
print(len(big))
try:
    set.add()
except TypeError as e:
    print("TypeError:", e)
