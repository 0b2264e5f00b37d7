# except* with several types needs parentheses (a SyntaxError, as in CPython).
try:
    pass
except* ValueError, TypeError:
    pass
