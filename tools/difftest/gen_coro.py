"""Random chains of coroutines driven by hand: awaits, suspensions, raises, try/except/
finally, except*, and send()/throw() from inside and outside handlers; every step prints
sys.exc_info(), so the exception state and chaining are compared with CPython's.

Usage: gen_coro.py OUTDIR START COUNT   (program N comes from seed N: q0000.py, ...)
"""
import os
import random
import sys
def gen(seed):
    r = random.Random(seed)
    n = r.randint(2, 5)
    lines = ["import sys, types",
             "def ei():",
             "    e = sys.exc_info()[1]",
             "    return type(e).__name__ + str(e.args) if e else 'None'",
             "@types.coroutine",
             "def suspend(tag):",
             "    got = yield tag",
             "    return got",
             ]
    excs = ["ValueError", "KeyError", "IndexError", "StopIteration", "OSError"]
    for i in range(n):
        lines.append(f"async def f{i}(x):")
        body = []
        def stmt(ind, depth):
            out = []
            k = r.randint(0, 10)
            p = "    " * ind
            if k <= 1:
                out.append(f"{p}print('f{i}', x, {r.randint(0,99)}, ei())")
            elif k == 2:
                out.append(f"{p}x = (await suspend('s{i}-{r.randint(0,99)}')) or x")
            elif k == 3 and i + 1 < n:
                out.append(f"{p}x = await f{i+1}(x + 1)")
            elif k == 4 and i + 1 < n:
                out.append(f"{p}c = f{i+1}(x + 1)")
                out.append(f"{p}x = await c")
            elif k == 5:
                out.append(f"{p}if x % {r.randint(2,4)} == 0: raise {r.choice(excs)}('f{i}', x)")
            elif k in (6, 7) and depth < 2:
                out.append(f"{p}try:")
                for _ in range(r.randint(1, 3)): out += stmt(ind + 1, depth + 1)
                e = r.choice(excs + ["Exception"])
                out.append(f"{p}except {e} as e{depth}:")
                out.append(f"{p}    print('f{i} caught', repr(e{depth}), ei())")
                for _ in range(r.randint(0, 2)): out += stmt(ind + 1, depth + 1)
                if r.random() < 0.3:
                    out.append(f"{p}    raise")
                if r.random() < 0.5:
                    out.append(f"{p}finally:")
                    out.append(f"{p}    print('f{i} finally', ei())")
                    for _ in range(r.randint(0, 1)): out += stmt(ind + 1, depth + 1)
            elif k == 9 and depth < 2:
                out.append(f"{p}try:")
                for _ in range(r.randint(1, 3)): out += stmt(ind + 1, depth + 1)
                out.append(f"{p}    if x % 2: raise ExceptionGroup('g{i}', [ValueError(x), KeyError(x), ExceptionGroup('in', [IndexError(x), ValueError(-x)])])")
                used = set()
                for _ in range(r.randint(1, 3)):
                    e = r.choice(["ValueError", "KeyError", "IndexError", "(ValueError, OSError)", "Exception", "StopIteration"])
                    out.append(f"{p}except* {e} as eg{depth}:")
                    out.append(f"{p}    print('f{i} star', repr(eg{depth}), ei())")
                    for _ in range(r.randint(0, 2)): out += stmt(ind + 1, depth + 1)
                    q = r.random()
                    if q < 0.2:
                        out.append(f"{p}    raise")
                    elif q < 0.3:
                        out.append(f"{p}    raise OSError('new', x)")
                if r.random() < 0.4:
                    out.append(f"{p}else:")
                    out.append(f"{p}    print('f{i} else', ei())")
                if r.random() < 0.4:
                    out.append(f"{p}finally:")
                    out.append(f"{p}    print('f{i} sfinally', ei())")
                    for _ in range(r.randint(0, 1)): out += stmt(ind + 1, depth + 1)
            elif k == 8 and i + 1 < n:
                out.append(f"{p}x = (await f{i+1}(x * 2)) + 1")
            else:
                out.append(f"{p}x += 1")
            return out
        for _ in range(r.randint(2, 6)):
            body += stmt(1, 0)
        body.append(f"    print('f{i} end', ei())")
        body.append("    return x")
        lines += body
    lines.append("def drive(x):")
    lines.append("    c = f0(x)")
    lines.append("    v = None")
    lines.append("    for step in range(1, 30):")
    lines.append("        if step == 1:")
    lines.append("            try:")
    lines.append("                print('first', c.send(None), ei())")
    lines.append("            except StopIteration as s:")
    lines.append("                print('returned', s.value, ei()); return")
    lines.append("            except BaseException as e:")
    lines.append("                print('raised', type(e).__name__, e.args, repr(e.__cause__), repr(e.__context__), ei()); return")
    lines.append("            continue")
    lines.append("        try:")
    lines.append("            mode = (step * 7 + x) % 5")
    lines.append("            if mode == 0:")
    lines.append("                try:")
    lines.append("                    raise OSError('resumer', step)")
    lines.append("                except OSError:")
    lines.append("                    v = c.send(step)")
    lines.append("            elif mode == 1:")
    lines.append("                v = c.throw(KeyError('thrown', step))")
    lines.append("            elif mode == 2:")
    lines.append("                try:")
    lines.append("                    raise IndexError('r2', step)")
    lines.append("                except IndexError as ie:")
    lines.append("                    v = c.throw(ValueError('thrown2', step))")
    lines.append("            else:")
    lines.append("                v = c.send(step)")
    lines.append("            print('yielded', v, ei())")
    lines.append("        except StopIteration as s:")
    lines.append("            print('returned', s.value, ei()); return")
    lines.append("        except BaseException as e:")
    lines.append("            print('raised', type(e).__name__, e.args, repr(getattr(e, 'exceptions', None)), repr(e.__cause__), repr(e.__context__), ei()); return")
    lines.append("for x in range(6):")
    lines.append("    drive(x)")
    return "\n".join(lines) + "\n"
if __name__ == "__main__":
    outdir, start, count = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    os.makedirs(outdir, exist_ok=True)
    for s in range(start, start + count):
        with open(os.path.join(outdir, f"q{s:04d}.py"), "w") as f:
            f.write(gen(s))
