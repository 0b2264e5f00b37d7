# Found in review: *x calls __iter__ once and lets its own error through; [] * 2**62 is
# immediate; int/int at -2**63; time.sleep of NaN or huge values raises as CPython.
import time
class C:
    def __iter__(self):
        print("iter")
        return iter([1])
print(*C())
print([*C()])
class D:
    def __iter__(self): raise ValueError("boom")
for f in [lambda: print(*D()), lambda: [*D()], lambda: print(*1), lambda: [*None]]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
print([] * 2**62, () * 2**62, '' * 2**62, len([1] * 0))
x = []; x *= 2**62; print(x)
print((-2**63) / 3, (2**63 - 1) / 7)
for v in [float('nan'), 1e300, -1, float('inf')]:
    try: time.sleep(v)
    except Exception as e: print(type(e).__name__, e)
