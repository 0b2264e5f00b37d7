# return cannot leave an except* body (a SyntaxError, as in CPython).
def f():
    try:
        pass
    except* ValueError:
        return 1
