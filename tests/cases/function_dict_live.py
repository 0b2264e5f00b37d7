# A function's __dict__ is its attribute dict, not a copy.
import gc


def f():
    return 1


print(f.__dict__)
f.__dict__['tag'] = 'set through __dict__'
print(f.tag)
f.count = 3
print(sorted(f.__dict__.items()))
print(f.__dict__ is f.__dict__, vars(f) is f.__dict__)
del f.__dict__['count']
print(hasattr(f, 'count'))
f.__dict__.update(a=1, b=2)
print(f.a + f.b)


# A cycle through a function attribute is collected.
def g():
    pass


class Holder:
    def __del__(self):
        print('holder freed')


g.holder = Holder()
g.holder.fn = g
del g
print('collected', gc.collect() > 0)
print('end')
