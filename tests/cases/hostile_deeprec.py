import sys
sys.setrecursionlimit(1100000)
def f(n):
    return f(n - 1) + 1 if n else 0
print(f(10**6))
