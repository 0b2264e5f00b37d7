def g():
    try:
        yield 1
    finally:
        print('cleanup')
x = g()
next(x)
del x
print('after del')
def running():
    yield gen.gi_running
    next(gen)
gen = running()
print(next(gen))
try:
    next(gen)
except ValueError as e:
    print('ValueError', e)
def sub():
    try:
        yield 1
    except KeyError:
        yield 'sub handled'
def outer():
    yield from sub()
o = outer(); next(o)
print(o.throw(KeyError))
def closer():
    try:
        yield
    except GeneratorExit:
        print('GeneratorExit seen')
        raise
c = closer(); next(c); c.close(); c.close()
print('ok')
def retgen():
    return 5
    yield
try:
    next(retgen())
except StopIteration as e:
    print('value', e.value, e.args)
