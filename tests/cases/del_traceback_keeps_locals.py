# An exception's traceback keeps the locals of the frames it left, as CPython's keeps
# the frames: what they refer to is freed when the exception is (after the except
# block that caught it), and a cycle through them is collected.
import gc


class A:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


def f():
    x = A(1)
    raise ValueError("boom")


try:
    f()
except ValueError:
    print("caught")
print("after")


def h():
    z = A(3)
    1 / 0


for i in range(2):
    try:
        h()
    except ZeroDivisionError as e:
        saved = e
    print("loop", i)
saved = None
print("cleared")


def cyc():
    me = A(4)
    try:
        raise RuntimeError
    except RuntimeError as e:
        me.err = e
        raise


try:
    cyc()
except RuntimeError:
    pass
print("collect", gc.collect() > 0)
print("end")
