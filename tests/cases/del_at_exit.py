# At exit, what the globals hold is finalized while every global is still bound (a
# __del__ can use its class, a module, a helper by name), in the globals' order, then
# what containers hold; a cycle left over is finalized by the last collection. A
# temporary freed inside a method a built-in calls is finalized before the built-in
# goes on; list.clear() releases from the last item back.
import gc


def describe(n):
    return f"#{n}"


class Person:
    count = 0

    def __init__(self, n):
        self.n = n
        Person.count += 1

    def __del__(self):
        Person.count -= 1
        print("left", describe(self.n), "remaining", Person.count, gc.isenabled())


class Show:
    def __str__(self):
        Person(99)
        return "shown"


print(Show())
people = [Person(1), Person(2)]
people.clear()
print("cleared")


def gen():
    try:
        yield 1
    finally:
        print("gen finally", Person.count)


first = Person(3)
it = gen()
next(it)
crowd = (Person(4), Person(5))
cyc = Person(6)
cyc.me = cyc
del cyc
holder = {"a": Person(7), "b": Person(8)}
last = Person(9)


class Holder:
    x = None


Holder.x = Person(10)
Holder.x = None
print("end")
