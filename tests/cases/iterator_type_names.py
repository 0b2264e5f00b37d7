for x in (iter([]), iter(()), iter(range(1)), iter("ab"), iter(b"x"), iter({}), iter({}.values()), iter({}.items()), iter({1}), enumerate([]), zip(), map(str, []), filter(None, []), reversed([1])):
    print(type(x).__name__, type(x) is type(x))
it = iter([1, 2])
print(next(it), type(it).__name__, hasattr(it, '__next__'))
print(type(iter([])) is type(iter([3])))
def g():
    yield from iter([1])
x = g(); next(x); print(type(x.gi_yieldfrom).__name__)
