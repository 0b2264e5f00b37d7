def gen(n):
    for i in range(n):
        x = yield i
        if x:
            print(x)
    return (yield from inner(n))

def genexp(xs):
    return sum(x * 2 for x in xs if x)
