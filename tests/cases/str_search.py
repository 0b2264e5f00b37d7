# str searching (find/rfind/index/count/replace/split/rsplit/partition/in) over
# ASCII and non-ASCII text, one- and many-byte needles, haystacks shorter and
# longer than 64 bytes (searched two ways), windows and limits.
seed = 7
def pick(seq):
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seq[seed % len(seq)]
alpha = ["a", "b", "ab", "é", "ß", "€", "😀", " ", ",", "aa", "bab"]
hays = ["", "a", "aaa", "abababab", "  Alpha beta, Gamma; delta 5  ", "é€é€ab😀ab", "x" * 40 + "needle" + "y" * 40,
        "ab" * 50, "é€" * 30 + "bab" * 20, ", " * 40]
for _ in range(60):
    hays.append("".join(pick(alpha) for _ in range(pick(range(12)))))
needles = ["", "a", "b", "ab", "aa", "bab", "é", "€é", "😀", ",", " ", "needle", "zz", "abababab"]
out = []
for h in hays:
    for n in needles:
        row = [h.find(n), h.rfind(n), h.count(n), n in h, h.replace(n, "<>"), h.replace(n, "", 1),
               h.partition(n) if n else None, h.rpartition(n) if n else None]
        if n:
            row += [h.split(n), h.split(n, 1), h.rsplit(n), h.rsplit(n, 1), h.split(n, 0), h.rsplit(n, 0)]
        for st, en in ((1, None), (-3, None), (2, -1), (0, 5), (5, 2)):
            row += [h.find(n, st, en), h.rfind(n, st, en), h.count(n, st, en)]
        out.append(row)
checksum = 0
for ch in repr(out):
    checksum = (checksum * 31 + ord(ch)) % 1000000007
print(len(out), checksum)
for row in out[::23]:
    print(row)
