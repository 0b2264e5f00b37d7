# obj.__dict__ and vars(obj) are the instance's own attribute dict, not a copy:
# writes through them are the instance's, and later attribute writes show in them.
import gc


class A:
    def __init__(self, **kw):
        self.__dict__.update(kw)


a = A(x=1, y=2)
print(a.x, a.y)
vars(a)['z'] = 3
print(a.z, hasattr(a, 'z'))
d = a.__dict__
print(d is a.__dict__, d is vars(a), type(d).__name__)
a.w = 4
print(sorted(d), len(d))
del a.__dict__['x']
print(hasattr(a, 'x'), 'x' in d)
d.clear()
print(hasattr(a, 'y'), a.__dict__)
a.q = 'q'
print(d, getattr(a, 'q'))
del a.q
print(d)


class P:
    @property
    def p(self):
        return 'property wins'


p = P()
p.__dict__['p'] = 'shadowed?'
print(p.p, p.__dict__)


class E(Exception):
    pass


e = E('boom')
e.__dict__['note'] = 'n'
print(e.note, e.args, vars(e))
try:
    raise e
except E as caught:
    print(caught.note, caught is e)


# A cycle through a detached dict is collected; a dict someone still holds survives
# its instance.
class Node:
    def __del__(self):
        print('del', getattr(self, 'name', 'after its dict was cleared'))


n = Node()
n.name = 'n1'
n.__dict__['me'] = n
del n
print('collected', gc.collect() > 0)
m = Node()
m.name = 'm1'
m.__dict__['me'] = m
keep = m.__dict__
del m
gc.collect()
print('kept', sorted(keep))
keep.clear()
gc.collect()
print('end')
