# CPython sorts by timsort: the order of __lt__ calls (and which operands a failing
# comparison names) are part of what a program sees. Found by tools/difftest/gen_core.py.
class R:
    x = 12345
    @staticmethod
    def randint(a, b):
        R.x = (R.x * 1103515245 + 12345) % 2**31
        return a + R.x % (b - a + 1)
random = R
class K:
    log = []
    def __init__(self, v): self.v = v
    def __lt__(self, o):
        K.log.append((self.v, o.v))
        return self.v < o.v
    def __repr__(self): return f"K({self.v})"
for n in [0, 1, 2, 3, 5, 10, 40, 63]:
    data = [K(random.randint(0, 20)) for _ in range(n)]
    K.log = []
    r = sorted(data)
    print(n, [k.v for k in r], len(K.log), K.log[:12])
    K.log = []
    r = sorted(data, reverse=True)
    print(n, [k.v for k in r], len(K.log), K.log[:12])
for n in [64, 100, 1000, 5000]:
    data = [random.randint(0, 10**6) for _ in range(n)]
    assert sorted(data) == sorted(data, key=lambda x: x), n
    pairs = [(random.randint(0, 5), i) for i in range(n)]
    s1 = sorted(pairs, key=lambda p: p[0])
    print(n, all(s1[i][0] < s1[i+1][0] or (s1[i][0] == s1[i+1][0] and s1[i][1] < s1[i+1][1]) for i in range(n-1)))
    s2 = sorted(pairs, key=lambda p: p[0], reverse=True)
    print(n, all(s2[i][0] > s2[i+1][0] or (s2[i][0] == s2[i+1][0] and s2[i][1] < s2[i+1][1]) for i in range(n-1)))
print(sorted([3,1,2], key=lambda x: -x), sorted("hello world"), sorted([(1,'b'),(1,'a'),(0,'z')]))
for data in [['end.', 'a,b,c', 0, 'extra'], ['b', 'a', 0], ['a', 'b', 0], ['a', 'b', 'c', 0, 'd'], [1, 2, 3, 'a', 4, 5]]:
    try:
        sorted(data)
    except TypeError as e:
        print(data, e)
