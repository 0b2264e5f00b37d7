# dis.code_info / dis.show_code and the code attributes they read.
import dis


def show(x):
    for line in dis.code_info(x).splitlines():
        if line.startswith("Filename:"):
            line = "Filename:          " + line.split("/")[-1]
        if "<code object" in line:
            line = line.split(" at ")[0] + ">"
        print(line)


async def f(a, b=1, *args, c, **kw):
    x = a + b
    print(x, len(args))
    def g(): return x
    return g


class C:
    def m(self): return 1


def outer():
    y = 2
    def inner(z):
        return y + z
    return inner


def gen():
    yield 1
    yield from range(3)


async def agen():
    yield 1


for x in (f, C.m, outer, outer(), gen, agen, "x = 1"):
    show(x)
    print("--")
show(C.m)
co = f.__code__
print(co.co_nlocals, co.co_stacksize, co.co_kwonlyargcount, co.co_posonlyargcount, co.co_varnames)
print(outer().__code__.co_flags, outer.__code__.co_flags, C.m.__code__.co_flags)
dis.show_code("y = 2")
