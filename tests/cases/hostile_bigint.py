x = 10 ** 10000
print(len(str(x)))
