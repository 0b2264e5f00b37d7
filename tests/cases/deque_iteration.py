# A deque's iterators read it by position and stop with RuntimeError once it changes
# (any change but a replaced item or a reversal), as CPython's do.
from collections import deque


def attempt(name, change):
    d = deque([1, 2, 3])
    seen = []
    try:
        for x in d:
            seen.append(x)
            if len(seen) == 1:
                change(d)
        print(name, "ok", seen, list(d))
    except RuntimeError as e:
        print(name, "RuntimeError", e, seen)


attempt("append", lambda d: d.append(9))
attempt("appendleft", lambda d: d.appendleft(9))
attempt("pop", lambda d: d.pop())
attempt("popleft", lambda d: d.popleft())
attempt("extend", lambda d: d.extend([7]))
attempt("extend nothing", lambda d: d.extend([]))
attempt("clear", lambda d: d.clear())
attempt("rotate", lambda d: d.rotate(1))
attempt("rotate 0", lambda d: d.rotate(0))
attempt("reverse", lambda d: d.reverse())
attempt("setitem", lambda d: d.__setitem__(0, 5))
attempt("delitem", lambda d: d.__delitem__(0))
attempt("remove", lambda d: d.remove(2))
attempt("insert", lambda d: d.insert(1, 8))
attempt("+=", lambda d: d.__iadd__([4]))
attempt("*=", lambda d: d.__imul__(2))
attempt("__init__", lambda d: d.__init__([5, 6]))
attempt("count", lambda d: d.count(1))
attempt("append and popleft", lambda d: (d.append(1), d.popleft()))
d = deque([1, 2])
it = iter(d)
print(type(it).__name__, type(reversed(d)).__name__, next(it))
d.append(3)
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("RuntimeError", e)
r = reversed(deque([1, 2, 3]))
print(list(r), list(r))
print(list(iter(deque())), list(deque(range(5))), sum(deque([1, 2, 3])))
