def g():
    try:
        raise ValueError("inner cause")
    except ValueError as e:
        raise TypeError("in group") from e
try:
    g()
except TypeError as t:
    raise BaseExceptionGroup("base", [t, KeyboardInterrupt()])
