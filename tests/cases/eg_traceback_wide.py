try:
    raise KeyError("first")
except KeyError:
    raise ExceptionGroup("grp", [ValueError(i) for i in range(17)])
