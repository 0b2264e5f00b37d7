# except and except* cannot share a try (a SyntaxError, as in CPython).
try:
    pass
except* ValueError:
    pass
except TypeError:
    pass
