# int operator fast paths in the dispatch loop: floor division/modulo signs, overflow to bigints
vals = [-7, -3, -1, 0, 1, 3, 7, 2**62, -2**63, 9223372036854775807]
out = []
for x in vals:
    for y in vals:
        if y != 0:
            out.append((x // y, x % y, x * y, x & y, x | y, x ^ y))
print(len(out), out[:5], out[-5:], sum(a+b for a,b,*_ in out))
