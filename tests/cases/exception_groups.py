print(ExceptionGroup.__mro__)
eg = ExceptionGroup("msg", [ValueError(1), TypeError(2)])
print(repr(eg), str(eg), eg.message, eg.exceptions, type(eg).__name__)
b = BaseExceptionGroup("m", [ValueError(1)])
print(type(b).__name__, isinstance(b, Exception))
b2 = BaseExceptionGroup("m", [KeyboardInterrupt()])
print(type(b2).__name__, isinstance(b2, Exception))
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
for bad in ([], 5, "ab"):
    try:
        ExceptionGroup("m", bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(repr(eg.subgroup(lambda e: isinstance(e, TypeError))))
nested = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])])
m, r = nested.split(ValueError)
print(repr(m)); print(repr(r))
try:
    raise eg
except ExceptionGroup as e:
    print("caught", e)
try:
    raise eg
except Exception as e:
    print("caught as Exception", type(e).__name__)
