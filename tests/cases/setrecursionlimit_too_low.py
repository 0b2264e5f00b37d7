# sys.setrecursionlimit refuses a limit at or below the current depth, as CPython.
import sys
for n in (1, 2, 50):
    try:
        sys.setrecursionlimit(n)
        print("ok", n, sys.getrecursionlimit())
    except RecursionError as e:
        print(e)
sys.setrecursionlimit(1000)
def f(n):
    if n == 0:
        for k in range(5, 12):
            try:
                sys.setrecursionlimit(k)
                print("ok", k)
                sys.setrecursionlimit(1000)
                break
            except RecursionError as e:
                print(e)
        return
    f(n - 1)
f(5)
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError", e)
