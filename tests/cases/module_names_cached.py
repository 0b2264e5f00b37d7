# Module-level names are read and rebound through LOAD_GLOBAL's cache: loops at
# module level, names added, deleted and shadowing builtins while a site is cached.
total = 0
for i in range(2000):
    total += i % 7
    x = total
print(total, x)


def f():
    pass


g = f
print(g is f)
del g
try:
    g
except NameError as e:
    print(e)
for k in range(3):
    if k == 1:
        del k
print("k" in globals())
out = []
for step in range(4):
    out.append(len("abc"))
    if step == 1:
        len = lambda s: 99
    if step == 2:
        del len
print(out)
for n in range(3):
    globals()["late%d" % n] = n
    v = n
print(late0, late1, late2, v)
try:
    print(undefined_name)
except NameError as e:
    print(e)
