eg = ExceptionGroup('msg', [ValueError(1), TypeError(2), ExceptionGroup('inner', [ValueError(3)])])
print(repr(eg))
print(str(eg))
m, rest = eg.split(ValueError)
print(repr(m), repr(rest))
print(repr(eg.subgroup(TypeError)))
try:
    raise eg
except* ValueError as e:
    print('VE', repr(e))
except* TypeError as e:
    print('TE', repr(e))
