# hasattr() with names found on the instance, the class, a property that raises
# AttributeError (False) or another error (raised), and a name that is not a str.
class O:
    x = 1
    @property
    def bad(self):
        raise KeyError("k")
    @property
    def gone(self):
        raise AttributeError("no")
o = O()
o.y = 2
for n in ["x", "y", "z", "gone", "__class__", "__dict__"]:
    print(n, hasattr(o, n), hasattr(O, n), hasattr(3, n))
try:
    hasattr(o, "bad")
except KeyError as e:
    print("KeyError", e)
try:
    hasattr(o, 5)
except TypeError as e:
    print(e)
