# `%` formatting of ints: small ints (their own fast path), big ints, bools and floats
# under every integer conversion and flag.
vals = [0, 1, -1, 7, -42, 255, -255, 2**63 - 1, -2**63, 2**64, -(2**70), True, False, 3.7, -3.7]
fmts = ["%d", "%i", "%u", "%x", "%X", "%o", "%#x", "%#X", "%#o", "%5d", "%-5d|", "%05d", "%+d", "% d", "%.3d", "%8.4x", "%-#8o|", "%+05x"]
for f in fmts:
    out = []
    for v in vals:
        try:
            out.append(f % v)
        except Exception as e:
            out.append(type(e).__name__)
    print(f, out)
print("%(a)d-%(b)x" % {"a": 5, "b": 255}, "%*d|%-*x|" % (4, 3, 5, 10))
