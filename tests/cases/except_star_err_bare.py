# except* needs a type (a SyntaxError, as in CPython).
try:
    pass
except*:
    pass
