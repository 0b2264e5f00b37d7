def g():
    try:
        yield 1
    except GeneratorExit:
        print('exit')
        yield 2
gen = g()
next(gen)
try:
    gen.close()
except RuntimeError as e:
    print('RuntimeError', e)
def g2():
    x = yield
    print('got', x)
    try:
        yield
    except ValueError as e:
        print('caught', e)
        return 'r'
gen = g2(); next(gen); gen.send(5)
try:
    gen.throw(ValueError('v'))
except StopIteration as e:
    print('stop', e.value)
def g3():
    yield from range(3)
    r = yield from g4()
    print('g4 returned', r)
def g4():
    yield 'a'
    return 'g4r'
print(list(g3()))
def g5():
    raise StopIteration('x')
    yield
try:
    next(g5())
except RuntimeError as e:
    print(repr(e), repr(e.__cause__))
gen = g2()
print(gen.gi_running, gen.gi_frame is not None)
try:
    gen.send(1)
except TypeError as e:
    print(e)
