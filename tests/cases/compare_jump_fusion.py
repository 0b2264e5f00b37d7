# Int comparisons fused with the jump after them: POP_JUMP_IF_*, and JUMP_IF_*_OR_POP of
# `and`/`or`, which keep the bool only when they jump.
def f(n):
    c = 0
    for i in range(n):
        a = i % 7
        if a == 3 and i > 5:
            c += 1
        x = a < 2 or a > 5
        y = a == 1 and a != 2
        z = a >= 4
        if x and y:
            c += 3
        if not (a <= 1 or z):
            c -= 1
        c += (a == 0 and 10) or (a == 6 and 20) or 0
    return c, x, y, z
print(f(1000))
print(1 < 2 and 3, 2 < 1 and 3, 1 < 2 or 3, 2 < 1 or 3)
