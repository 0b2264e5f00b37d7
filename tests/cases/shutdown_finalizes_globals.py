def g():
    try:
        yield 1
    finally:
        print("g finally")
x = g()
next(x)
print("end")


def h():
    try:
        yield 2
    finally:
        print("h finally")


_private = h()
next(_private)
later = h()
next(later)
print("module end")
