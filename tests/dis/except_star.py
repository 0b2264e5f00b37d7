# except* (PEP 654): CHECK_EG_MATCH, the per-clause cleanup that collects what a body
# raises, PREP_RERAISE_STAR, with else/finally, names, tuples, nesting and async with.
def f():
    try:
        g()
    except* ValueError as e:
        print("V", e)
    except* TypeError:
        print("T")
    else:
        print("else")
    finally:
        print("fin")


def h(x):
    try:
        x()
    except* (KeyError, IndexError) as eg:
        for y in eg.exceptions:
            if y:
                break
        print(eg)


async def a(tg):
    try:
        async with tg:
            pass
    except* ValueError:
        pass
    except* OSError as e:
        try:
            pass
        except* KeyError:
            raise
    return 1


try:
    pass
except* Exception:
    pass
