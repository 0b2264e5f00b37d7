# Slicing str/list/tuple/bytes with every kind of bound (the BUILD_SLICE +
# BINARY_SUBSCR fast path and the general one), str.split with one-byte and longer
# separators, and upper()/lower() on ASCII and non-ASCII text.
seqs = ["", "a", "hello", "héllo wörld", "日本語テキスト", [1, 2, 3, 4, 5],
        (1, 2, 3, 4, 5, 6, 7), b"abcdef", list(range(10))]
bounds = [None, 0, 1, 2, -1, -2, 3, 7, 100, -100, 2**63 - 1, -2**63, 2**70, -2**70, True]
steps = [None, 1, 2, -1, -3, 2**63 - 1, -2**63, 2**70, -2**70]
for s in seqs:
    two = [s[a:b] for a in bounds for b in bounds]
    three = [s[a:b:c] for a in bounds[:9] for b in bounds[:9] for c in steps]
    print(repr(s)[:12], len(two), two[::17], three[::61])


class Idx:
    def __init__(self, i):
        self.i = i

    def __index__(self):
        return self.i


print("abcdef"[Idx(1):Idx(4)], [1, 2, 3][Idx(1):], (1, 2, 3)[:Idx(-1)], "abcdef"[::Idx(2)])
for bad in [1.5, "a", [1]]:
    for make in [lambda b: "abc"[b:], lambda b: [1, 2][:b], lambda b: (1,)[::b]]:
        try:
            make(bad)
        except TypeError as e:
            print("TypeError:", e)
try:
    "abc"[::0]
except ValueError as e:
    print("ValueError:", e)

t = (1, 2, 3)
print(t[:] == t, "abc"[:] == "abc", "abc"[5:], [][1:2], "x"[-5:-3])

for text, sep in [("a;b;;c;", ";"), (";", ";"), ("", ";"), ("a--b--c", "--"),
                  ("é;ü;ö", ";"), ("日本;語", ";"), ("a b  c", " ")]:
    for m in [-1, 0, 1, 2, 10]:
        print(text.split(sep, m), text.rsplit(sep, m), text.split(sep, maxsplit=m))
print("  a b\tc\n".split(), "a\nb\r\nc".splitlines(), "a\nb\n".splitlines(True))
parts = ";".join("item%d" % i for i in range(1000)).split(";")
print(len(parts), parts[:3], parts[-1], sum(len(p) for p in parts))

for s in ["abC", "Straße", "ǅ", "", "x" * 40, "ÀÉÎõü", "İ"]:
    print(s.upper(), s.lower(), len(s.upper()), len(s.lower()))
