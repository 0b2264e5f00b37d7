def f():
    raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), KeyError(3)]), RuntimeError(4)])
try:
    f()
except Exception as e:
    import sys
    print("caught")
f()
