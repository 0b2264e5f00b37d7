# float.fromhex: rounding (ties to even, subnormals), overflow, specials and bad strings;
# random mantissas and exponents, and hex() round trips, from a fixed-seed LCG.
cases = ['0x1.8p+0', '1.8p0', '-0x1p-1074', '0x1p-1075', '0x3p-1076', '0x1.0000000000001p-1075', '0x1.fffffffffffffp+1023',
         '0x1.fffffffffffff8p+1023', '0x1p1024', 'inf', '-Infinity', 'nan', ' 0x1 ', '0x.8', '0x8.', '.', '0x', '', 'p1', '0x1p',
         '0x1p+', 'g', '0x1.8p+0 x', '1e3', '0X1P4', '+0x0p0', '-0x0.0p+0', '0x1p-1022', '0x0.0000000000001p-1022',
         '0x1.00000000000008p0', '0x1.00000000000018p0', '0x1.000000000000080000001p0', '0x0.00000000000008p-1022',
         '0x1p99999999999999999999', '0x1p-99999999999999999999', '0x' + 'f' * 300, '0x0' * 3, '1' * 40 + 'p-160']
for c in cases:
    try:
        r = float.fromhex(c)
        print(repr(c), r.hex() if r == r and r not in (float('inf'), float('-inf')) else r)
    except Exception as e:
        print(repr(c), type(e).__name__, e)
class Rnd:
    def __init__(self, seed): self.x = seed
    def getrandbits(self, k):
        out = 0
        for _ in range((k + 31) // 32):
            self.x = (self.x * 6364136223846793005 + 1442695040888963407) % 2 ** 64
            out = (out << 32) | (self.x >> 32)
        return out >> (32 * ((k + 31) // 32) - k)
    def randint(self, a, b): return a + self.getrandbits(32) % (b - a + 1)
    def random(self): return self.getrandbits(53) / 2 ** 53
    def uniform(self, a, b): return a + (b - a) * self.random()
    def choice(self, xs): return xs[self.randint(0, len(xs) - 1)]
rnd = Rnd(5)
ok = 0
for _ in range(4000):
    x = rnd.choice([rnd.random() * 10 ** rnd.randint(-320, 308), rnd.uniform(-1e-310, 1e-310), rnd.getrandbits(64) / 2 ** rnd.randint(0, 1100)])
    if float.fromhex(x.hex()) == x:
        ok += 1
    m = rnd.getrandbits(rnd.randint(1, 120))
    e = rnd.randint(-1200, 1000)
    s = '0x%xp%d' % (m, e)
    try:
        v = float.fromhex(s)
        print_it = v.hex()
    except OverflowError:
        print_it = 'OverflowError'
    if _ % 200 == 0:
        print(s[:40], print_it)
print(ok)
try: float.fromhex(5)
except TypeError as e: print(e)
