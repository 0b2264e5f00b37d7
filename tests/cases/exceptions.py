class AppError(Exception):
    pass
def risky(n):
    if n == 0:
        raise ValueError("zero")
    if n == 1:
        raise AppError("one", 1)
    return 10 // (n - 2)
for n in range(4):
    try:
        print("ok", risky(n))
    except ValueError as e:
        print("ValueError", e)
    except AppError as e:
        print("AppError", e.args)
    except ZeroDivisionError as e:
        print(type(e).__name__, e)
    else:
        print("no error")
    finally:
        print("finally", n)
try:
    try:
        {}["k"]
    except KeyError as e:
        raise RuntimeError("wrapped") from e
except RuntimeError as e:
    print(e, repr(e.__cause__))
class CM:
    def __enter__(self):
        print("enter"); return self
    def __exit__(self, t, v, tb):
        print("exit", t.__name__ if t else None); return True
with CM() as cm:
    raise KeyError("swallowed")
print("after with")
