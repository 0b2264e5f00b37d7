# except* (PEP 654): matching and splitting exception groups, what the clauses raise,
# what they leave unhandled, and the exception state inside them.
import sys


def show(eg, indent=""):
    """Print a group's structure (repr of leaves, nesting, message)."""
    if isinstance(eg, BaseExceptionGroup):
        print(f"{indent}{type(eg).__name__}({eg.message!r})")
        for e in eg.exceptions:
            show(e, indent + "  ")
    else:
        print(f"{indent}{e_repr(eg)}")


def e_repr(e):
    return repr(e)


def run(label, f):
    print("--", label)
    try:
        f()
        print("returned normally")
    except BaseException as e:
        print("escaped:", type(e).__name__)
        show(e, "  ")


# A naked exception that matches is wrapped in a group for the clause.
def naked():
    try:
        raise ValueError(1)
    except* ValueError as e:
        print(type(e).__name__, repr(e.message), [repr(x) for x in e.exceptions])
        print("exc_info is the group:", sys.exc_info()[1] is e)
    print("after:", sys.exc_info())


run("naked match", naked)


def naked_no_match():
    try:
        raise KeyError("k")
    except* ValueError:
        print("not reached")


run("naked, no clause matches", naked_no_match)


def partial():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
    except* ValueError as e:
        print("ValueError part:")
        show(e, "  ")
    except* TypeError as e:
        print("TypeError part:")
        show(e, "  ")


run("partial: KeyError is re-raised in its nesting", partial)


def tuple_types():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* (ValueError, TypeError) as e:
        show(e, "  ")
    except* OSError:
        print("OSError part")


run("tuple of types", tuple_types)


def raises_new():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), KeyError(3)])
    except* ValueError:
        raise RuntimeError("from V")
    except* TypeError as e:
        raise IndexError("from T")


def check_new():
    try:
        raises_new()
    except ExceptionGroup as g:
        show(g, "  ")
        for x in g.exceptions:
            print("  context of", repr(x), "->", repr(x.__context__))


run("new exceptions join the unhandled rest", check_new)


def bare_reraise():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        raise
    except* TypeError:
        pass


run("bare raise re-raises the matched part", bare_reraise)


def all_handled():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2)])
    except* ValueError:
        print("V")
    except* TypeError:
        print("T")
    else:
        print("no else: something was raised")
    finally:
        print("finally")


run("everything handled", all_handled)


def no_exception():
    try:
        print("body")
    except* ValueError:
        print("not reached")
    else:
        print("else")
    finally:
        print("finally")


run("no exception", no_exception)


def base_exceptions():
    try:
        raise BaseExceptionGroup("beg", [KeyboardInterrupt(), ValueError(1)])
    except* KeyboardInterrupt as e:
        print(type(e).__name__, [type(x).__name__ for x in e.exceptions])


run("BaseExceptionGroup", base_exceptions)


def bad_type():
    try:
        raise ValueError
    except* ExceptionGroup:
        pass


run("except* ExceptionGroup", bad_type)


def bad_type2():
    try:
        raise ValueError
    except* (ValueError, 3):
        pass


run("except* with a non-class", bad_type2)


def loops_inside():
    for i in range(3):
        try:
            raise ExceptionGroup("eg", [ValueError(i)])
        except* ValueError as e:
            for x in e.exceptions:
                if x.args[0] == 1:
                    print("skip", i)
                    break
            else:
                print("handled", i)


run("loops inside a clause", loops_inside)


# Nested except* and exception state in generators across a suspension.
def gen():
    try:
        raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as e:
        yield repr(sys.exc_info()[1])
        yield repr(e)
    yield repr(sys.exc_info())


print(list(gen()))


def deep():
    try:
        try:
            raise ExceptionGroup("outer", [ValueError(1), ExceptionGroup("in", [TypeError(2)])])
        except* TypeError:
            raise KeyError("k")
    except* KeyError as e:
        show(e, "  ")
    except* ValueError as e:
        show(e, "  ")


run("nested try", deep)
