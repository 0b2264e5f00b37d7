# ints, bigints, floats, operators
print(7 // 2, -7 // 2, 7 % -3, 2 ** 100, 10 / 4, 0.1 + 0.2, 1e16, 1.5e-7)
print(divmod(-17, 5), abs(-3), round(2.5), round(2.675, 2), int("ff", 16), float("2.5"))
print(1 < 2 < 3, 3 > 2 > 5, 5 == 5.0, True + True, ~7, 1 << 70, -16 >> 2)
x = 10
x += 5; x *= 2; x //= 3
print(x, hex(255), bin(5), oct(8), f"{3.14159:.2f}|{42:>6}|{'ab':*^6}|{1234567:,}")
