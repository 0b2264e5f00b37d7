# The built-ins with a quick path (vm/quick.rs: len, isinstance, list.append and
# pop, dict.get, a deque's append and popleft, fut.done()): the common case, and
# every case the quick path leaves to the general call (errors, other receivers,
# other argument counts, keys that need __eq__).
import asyncio
import collections

l = [1, 2]
l.append(3)
print(l.pop(), l.pop(), l.pop())
try:
    l.pop()
except IndexError as e:
    print("IndexError", e)
print(list.append(l, 5), l, list.pop(l), l.pop(0) if l else "empty")
l.append(l)
print(l, len(l))
try:
    list.append(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    l.append()
except TypeError as e:
    print("TypeError", e)

d = {"a": 1, 2: "two", (1, 2): 3, -1: "minus one"}
print(d.get("a"), d.get("b"), d.get("b", 9), d.get(2), d.get(3, "x"))
print(d.get((1, 2)), d.get(2.0), d.get(True), d.get(-1), d.get(-2, "none"))
print(dict.get(d, "a"), d.get(10**30, "big"))


class K:
    def __hash__(self):
        return hash(5)

    def __eq__(self, other):
        print("__eq__ ran")
        return other == 5


print({K(): "k"}.get(5), {K(): "k"}.get(6, "missing"))
for bad in [(), ("a", 1, 2)]:
    try:
        d.get(*bad)
    except TypeError as e:
        print("TypeError", e)
try:
    d.get([])
except TypeError as e:
    print("TypeError", e)

q = collections.deque([1], maxlen=2)
q.append(2)
q.append(3)
print(q, q.popleft(), q.popleft(), q)
try:
    q.popleft()
except IndexError as e:
    print("IndexError", e)
for change in ["append", "popleft"]:
    dq = collections.deque([1, 2])
    it = iter(dq)
    next(it)
    getattr(dq, change)(*([5] if change == "append" else []))
    try:
        next(it)
    except RuntimeError as e:
        print("RuntimeError", change, e)
try:
    collections.deque.append([], 1)
except TypeError as e:
    print("TypeError", type(e).__name__)

print(len("abc"), len([1]), len({}), len(range(5)), len(collections.deque([1, 2])))
print(isinstance(1, int), isinstance(1, (str, int)), isinstance(True, int), isinstance("s", int))
for bad in [5, None]:
    try:
        len(bad)
    except TypeError as e:
        print("TypeError", e)
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError", e)


class Sized:
    def __len__(self):
        return 7


print(len(Sized()), isinstance(Sized(), Sized), isinstance(Sized, type))


async def main():
    f = asyncio.get_running_loop().create_future()
    print(f.done())
    f.set_result(1)
    print(f.done(), asyncio.Future.done(f))
    t = asyncio.create_task(asyncio.sleep(0))
    print(t.done())
    await t
    print(t.done(), t.cancelled())


asyncio.run(main())


# type(x) and the attribute lookups that suppress AttributeError.
print(type(1), type("s"), type(C := type("C", (), {})), type(type), type(None))
try:
    type()
except TypeError as e:
    print("TypeError", e)


class Lazy:
    def __getattr__(self, name):
        if name == "computed":
            return 42
        raise AttributeError(name)


class Prop:
    @property
    def broken(self):
        raise AttributeError("inside the property")

    @property
    def failing(self):
        raise ValueError("not an AttributeError")


print(hasattr(Lazy(), "computed"), hasattr(Lazy(), "other"), getattr(Lazy(), "other", "dflt"))
print(hasattr(Prop(), "broken"), getattr(Prop(), "broken", "dflt"), hasattr(1, "real"))
print(hasattr(len, "x"), getattr(len, "__name__"), getattr(C, "mro", None) is not None)
for f in [lambda: hasattr(Prop(), "failing"), lambda: getattr(Prop(), "failing", 0)]:
    try:
        f()
    except ValueError as e:
        print("ValueError", e)
try:
    getattr(Prop(), "missing")
except AttributeError as e:
    print("AttributeError", e)
try:
    hasattr(1, 2)
except TypeError as e:
    print("TypeError", e)
print(C.mro(), int.mro(), hasattr(C, "mro"), hasattr(C(), "mro"))
# isinstance with a tuple of classes: flat tuples on the quick path, the rest general.
print(isinstance(1, ()), isinstance(True, (str, int)), isinstance(2.5, (int, (str, float))),
      isinstance([], (dict, tuple)), isinstance(Sized(), (int, Sized)))
try:
    isinstance(1, (str, 3))
except TypeError as e:
    print("TypeError:", e)
try:
    isinstance(1, (int, 3))
except TypeError as e:
    print("TypeError:", e)
# hash of ints, strings and flat tuples of them on the quick path; the rest general.
print([hash(v) for v in (0, -1, -2, 1, 2**61 - 1, 2**61, -2**61, 2**62 + 5, -2**63 + 1)])
print(hash("") == hash(""), hash("ab") == hash("a" + "b"), hash(()), hash((1, -1)),
      hash((1, "a")) == hash((1, "a")), hash((1, 2, 3)), hash((-1,)), hash((2**70, 1)))
print(hash((1, (2, 3))), hash((1.5, 2)), hash(2.5), hash(None) == hash(None), hash(True))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    hash([1])
except TypeError as e:
    print("TypeError:", e)
