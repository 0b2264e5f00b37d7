# Wrong argument counts to built-in functions, constructors and methods: CPython words
# each by how the function is declared in C (no arguments, exactly one, Argument
# Clinic's "expected", PyArg_ParseTuple's "takes at most").


def attempt(label, f, *args):
    try:
        f(*args)
        print(label, "ok")
    except TypeError as e:
        print(label, e)


s, l, d, st, t = "abc", [3, 1, 2], {1: 2}, {1}, (1, 2)
attempt("str.upper", s.upper, 1)
attempt("str.join", s.join)
attempt("str.split", s.split, " ", 1, 2)
attempt("str.find", s.find)
attempt("str.center", s.center)
attempt("str.strip", s.strip, "a", "b")
attempt("str.replace", s.replace, "a")
attempt("str.startswith", s.startswith)
attempt("list.append", l.append)
attempt("list.append 2", l.append, 1, 2)
attempt("list.insert", l.insert, 0)
attempt("list.pop", l.pop, 0, 1)
attempt("list.index", l.index)
attempt("list.copy", l.copy, 1)
attempt("list.sort", l.sort, None)
attempt("list.sort 3", l.sort, None, None, None)
attempt("dict.get", d.get)
attempt("dict.keys", d.keys, 1)
attempt("dict.update", d.update, {}, {})
attempt("dict.fromkeys", dict.fromkeys)
attempt("set.add", st.add)
attempt("set.pop", st.pop, 1)
attempt("tuple.count", t.count)
attempt("len", len)
attempt("len 2", len, [], [])
attempt("isinstance", isinstance, 1)
attempt("divmod", divmod, 1, 2, 3)
attempt("getattr", getattr, 1)
attempt("sorted", sorted)
attempt("reversed", reversed, [], [])
attempt("sum", sum)
attempt("sum 3", sum, [], 0, 1)
attempt("round", round)
attempt("round 3", round, 1, 2, 3)
attempt("pow", pow, 2)
attempt("enumerate", enumerate)
attempt("globals", globals, 1)
attempt("dir", dir, 1, 2)
attempt("list()", list, [], [])
attempt("int()", int, "1", 2, 3)
attempt("str()", str, 1, 2, 3, 4)
attempt("bool()", bool, 1, 2)
attempt("range()", range)
attempt("super()", super, 1, 2, 3)
# Keywords to a function that takes none are refused first.
try:
    d.get(key=1)
except TypeError as e:
    print("dict.get kw", e)
try:
    list(x=1)
except TypeError as e:
    print("list kw", e)
try:
    len(obj=[], extra=1)
except TypeError as e:
    print("len kw", e)
# Right counts still run.
print(s.upper(), s.split("b", 1), l.pop(0), sorted(l, reverse=True), d.get(1, 0))
print(sum([1, 2], 3), round(2.675, 2), pow(2, 10, 1000), list(enumerate("ab", 1)))
# Keywords do not stand in for a C function's positional-only parameters.
for call in [lambda: sorted(key=len), lambda: sum(start=1), lambda: max(key=len), lambda: [].sort(1, key=None),
             lambda: bytes(encoding='ascii'), lambda: int(base=10)]:
    try:
        call()
    except TypeError as e:
        print(e)
print(sorted([2, 1], key=None), sum([1], start=2), max([1, 3], key=None), min([], default=7), 'a b'.split(maxsplit=1))
