import sys
x = 7 ** 5000
print(x % 1000, x.bit_length(), (x * x) // x == x)
