# len() and isinstance() answered without the native call (containers, classes),
# the ones that still make it (__len__, tuples of classes), and their errors.
class A: pass
class B(A): pass
class L:
    def __len__(self): return 7
b = B()
print(len("héllo"), len([1, 2]), len((1,)), len({1: 2}), len({1, 2}), len(range(5)), len(b"ab"), len(L()))
print(isinstance(b, A), isinstance(b, B), isinstance(1, int), isinstance(True, int), isinstance("s", (int, str)), isinstance(b, object), isinstance(A, type))
for bad in [lambda: len(5), lambda: len(), lambda: len([], []), lambda: isinstance(1, 2), lambda: len(x=1)]:
    try:
        bad()
    except TypeError as e:
        print("TypeError:", e)
for f in [abs, all, any, ascii, callable, chr, hash, hex, id, len, ord, repr, reversed, sorted]:
    for args in [(), (1, 2)]:
        try:
            f(*args)
        except TypeError as e:
            print(e)
