def d(x):
    return x

@d
@d
class C:
    x = 1

@d
def f():
    return 1
