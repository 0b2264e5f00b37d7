# next() on an object with __next__: the StopIteration it raises propagates with its value.
class I:
    def __iter__(self):
        return self
    def __next__(self):
        raise StopIteration(5)
try:
    next(I())
except StopIteration as e:
    print("user next ->", e.value, e.args)
def g():
    yield 1
    return 9
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("gen next ->", e.value)
print(next(I(), "dflt"))
