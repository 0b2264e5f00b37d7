#!/usr/bin/env python3
"""Random generator of small deterministic asyncio programs.

Usage: gen.py OUTDIR START COUNT [--avoid-known]
Writes OUTDIR/g{seed:04d}.py for seed in [START, START+COUNT).
Each program = several independent "snippets" (async functions) awaited in
sequence from main(); each snippet prints plenty of intermediate state.
Sleep delays are distinct multiples of 0.01 s (or 0); timeouts keep >= 2 units
of distance from every delay so ordering is unambiguous.
"""
import os, random, sys

U = 0.01


def D(k):
    return "0" if k == 0 else f"{k * U:.2f}"


class G:
    def __init__(self, rng, avoid_known=False):
        self.r = rng
        # avoid_known: steer clear of gaps reported in their time (except*, supported
        # since session 7; OSError.errno; builtin anext) so that deeper divergences
        # are not masked.
        self.avoid = avoid_known

    def delays(self, n, lo=1, hi=14):
        return self.r.sample(range(lo, hi), n)

    def timeout_away(self, ds, lo=1, hi=16):
        cands = [t for t in range(lo, hi) if all(abs(t - d) >= 2 for d in ds)]
        return self.r.choice(cands)

    def exc(self, i):
        k = self.r.choice(["ValueError", "KeyError", "RuntimeError", "TypeError", "ZeroDivisionError"])
        return f"{k}({i!r})" if k != "ZeroDivisionError" else f"{k}('div{i}')"

    # ---------------------------------------------------------------- snippets
    def s_tasks(self):
        n = self.r.randint(2, 5)
        ds = self.delays(n, 0, 10)
        named = self.r.random() < 0.5
        L = ["log = []",
             "async def w(i, d):",
             "    log.append(('start', i))",
             "    await asyncio.sleep(d)",
             "    log.append(('end', i))",
             "    return i * 10",
             "ts = []"]
        for i, d in enumerate(ds):
            nm = f", name='w{i}'" if named else ""
            L.append(f"ts.append(asyncio.create_task(w({i}, {D(d)}){nm}))")
        if named:
            L.append("print([t.get_name() for t in ts])")
        L += ["print('all_tasks', len(asyncio.all_tasks()))",
              "print('done?', [t.done() for t in ts])",
              "for t in ts:",
              "    print('res', await t)",
              "print(log)",
              "print('done?', [t.done() for t in ts], [t.cancelled() for t in ts])"]
        return L

    def s_gather(self):
        n = self.r.randint(2, 5)
        ds = self.delays(n, 0, 10)
        fails = [self.r.random() < 0.35 for _ in range(n)]
        ret = self.r.random() < 0.5
        L = ["async def w(i, d, f, e):",
             "    print('w start', i)",
             "    try:",
             "        await asyncio.sleep(d)",
             "        if f:",
             "            raise e",
             "        print('w end', i)",
             "        return ('r', i)",
             "    except asyncio.CancelledError as ce:",
             "        print('w cancelled', i, repr(ce))",
             "        raise",
             "    finally:",
             "        print('w finally', i)"]
        args = ", ".join(f"w({i}, {D(d)}, {fails[i]}, {self.exc(i)})" for i, d in enumerate(ds))
        L += ["try:",
              f"    res = await asyncio.gather({args}, return_exceptions={ret})",
              "    print('gather ->', repr(res))",
              "except Exception as e:",
              "    print('gather raised', type(e).__name__, repr(e))",
              "await asyncio.sleep(0.12)",
              "print('after settle')"]
        return L

    def s_wait_for(self):
        d = self.r.randint(0, 8)
        t = self.timeout_away([d], 1, 12)
        catch = self.r.choice(["reraise", "swallow", "none"])
        L = ["async def inner():",
             "    try:",
             f"        await asyncio.sleep({D(d)})",
             "        print('inner done')",
             "        return 'inner-result'"]
        if catch == "reraise":
            L += ["    except asyncio.CancelledError as e:",
                  "        print('inner cancelled', repr(e))",
                  "        raise"]
        elif catch == "swallow":
            L += ["    except asyncio.CancelledError as e:",
                  "        print('inner swallowed', repr(e))",
                  "        return 'swallowed'"]
        L += ["    finally:",
              "        print('inner finally')"]
        L += ["try:",
              f"    r = await asyncio.wait_for(inner(), timeout={D(t)})",
              "    print('wait_for ->', repr(r))",
              "except asyncio.TimeoutError as e:",
              "    print('timeout', type(e).__name__, repr(e), type(e.__context__).__name__)",
              "except Exception as e:",
              "    print('other', repr(e))"]
        if self.r.random() < 0.3:
            L += ["try:",
                  "    r = await asyncio.wait_for(asyncio.sleep(0.01, 'x'), timeout=None)",
                  "    print('wait_for none ->', r)",
                  "except Exception as e:",
                  "    print('unexpected', repr(e))"]
        return L

    def s_timeout_cm(self):
        d = self.r.randint(0, 8)
        t = self.timeout_away([d], 1, 12)
        nested = self.r.random() < 0.5
        L = ["async def deep(d):",
             "    try:",
             "        await asyncio.sleep(d)",
             "        return 'deep-ok'",
             "    except asyncio.CancelledError as e:",
             "        print('deep cancelled', repr(e))",
             "        raise",
             "async def mid(d):",
             "    r = await deep(d)",
             "    print('mid got', r)",
             "    return r",
             "try:",
             f"    async with asyncio.timeout({D(t)}) as cm:",
             f"        r = await {'mid' if nested else 'deep'}({D(d)})",
             "        print('body got', r)",
             "    print('expired?', cm.expired())",
             "except TimeoutError as e:",
             "    print('TimeoutError', repr(e), type(e.__context__).__name__, cm.expired())",
             "print('after timeout cm')"]
        if self.r.random() < 0.4:
            L += ["try:",
                  "    async with asyncio.timeout(None) as cm2:",
                  "        cm2.reschedule(asyncio.get_running_loop().time() + 0.02)",
                  "        await asyncio.sleep(0.1)",
                  "except TimeoutError:",
                  "    print('rescheduled timeout fired')"]
        return L

    def s_wait(self):
        n = self.r.randint(2, 5)
        ds = self.delays(n, 1, 12)
        fails = [self.r.random() < 0.3 for _ in range(n)]
        mode = self.r.choice(["FIRST_COMPLETED", "ALL_COMPLETED", "FIRST_EXCEPTION"])
        use_to = self.r.random() < 0.4
        L = ["async def w(i, d, f):",
             "    await asyncio.sleep(d)",
             "    if f:",
             "        raise ValueError(i)",
             "    return i",
             f"ts = [asyncio.create_task(w(i, d, f)) for i, (d, f) in enumerate(zip({[D(d) for d in ds]!r}, {fails!r}))]".replace("'", ""),
             ]
        to = ""
        if use_to:
            to = f", timeout={D(self.timeout_away(ds, 1, 14))}"
        L += [f"done, pending = await asyncio.wait(ts, return_when=asyncio.{mode}{to})",
              "def key(t):",
              "    return repr(t.exception()) if t.exception() else repr(t.result())",
              "print('done', sorted(key(t) for t in done))",
              "print('pending', len(pending))",
              "for t in pending:",
              "    t.cancel()",
              "r = await asyncio.gather(*pending, return_exceptions=True)",
              "print('pending results', sorted(type(x).__name__ for x in r))"]
        return L

    def s_as_completed(self):
        n = self.r.randint(2, 5)
        ds = self.delays(n, 1, 12)
        fails = [self.r.random() < 0.3 for _ in range(n)]
        L = ["async def w(i, d, f):",
             "    await asyncio.sleep(d)",
             "    if f:",
             "        raise KeyError(i)",
             "    return ('ac', i)",
             f"cs = [w(i, d, f) for i, (d, f) in enumerate(zip({[D(d) for d in ds]!r}, {fails!r}))]".replace("'", ""),
             ]
        if self.r.random() < 0.5:
            t = self.timeout_away(ds, 2, 14)
            L += ["try:",
                  f"    for fut in asyncio.as_completed(cs, timeout={D(t)}):",
                  "        try:",
                  "            print('ac', await fut)",
                  "        except KeyError as e:",
                  "            print('ac err', repr(e))",
                  "except asyncio.TimeoutError as e:",
                  "    print('as_completed timeout', repr(e))",
                  "await asyncio.sleep(0.15)"]
        else:
            L += ["for fut in asyncio.as_completed(cs):",
                  "    try:",
                  "        print('ac', await fut)",
                  "    except KeyError as e:",
                  "        print('ac err', repr(e))"]
        return L

    def s_shield(self):
        d = self.r.randint(3, 9)
        t = self.timeout_away([d], 1, d)
        L = ["async def inner():",
             "    try:",
             f"        await asyncio.sleep({D(d)})",
             "        print('shielded inner finished')",
             "        return 'S'",
             "    except asyncio.CancelledError:",
             "        print('inner cancelled?!')",
             "        raise",
             "it = asyncio.create_task(inner())",
             "try:",
             f"    r = await asyncio.wait_for(asyncio.shield(it), {D(t)})",
             "    print('shield ->', r)",
             "except asyncio.TimeoutError as e:",
             "    print('outer timed out', repr(e))",
             "print('inner done?', it.done(), it.cancelled())",
             "print('await inner ->', await it)"]
        if self.r.random() < 0.5:
            L += ["it2 = asyncio.create_task(asyncio.sleep(0.02, 'v2'))",
                  "outer = asyncio.ensure_future(asyncio.shield(it2))",
                  "await asyncio.sleep(0)",
                  "outer.cancel('bye')",
                  "try:",
                  "    await outer",
                  "except asyncio.CancelledError as e:",
                  "    print('outer cancelled', repr(e), outer.cancelled())",
                  "print('it2', await it2, it2.cancelled())"]
        return L

    def s_taskgroup(self):
        n = self.r.randint(2, 4)
        ds = self.delays(n, 1, 10)
        fail = self.r.randint(-1, n - 1)
        multi = self.r.random() < 0.3 and n >= 3
        fails = {fail}
        if multi and fail >= 0:
            # second failure at the same delay point? no: keep distinct
            other = (fail + 1) % n
            fails.add(other)
        body_raise = self.r.random() < 0.2
        if self.avoid:  # pyco lacks ExceptionGroup: keep TaskGroups failure-free
            fails, body_raise = set(), False
        # NB: TaskGroup cancels its children by iterating a *set*, so the order
        # of cancellation is address dependent: log it and print it sorted.
        L = ["clog = []",
             "async def child(i, d, f):",
             "    try:",
             "        await asyncio.sleep(d)",
             "        if f:",
             "            raise ValueError(f'child {i} failed')",
             "        print('child ok', i)",
             "        return i",
             "    except asyncio.CancelledError as e:",
             "        clog.append((i, repr(e)))",
             "        raise",
             "ts = []",
             "try:",
             "    async with asyncio.TaskGroup() as tg:"]
        for i, d in enumerate(ds):
            L.append(f"        ts.append(tg.create_task(child({i}, {D(d)}, {i in fails}), name='c{i}'))")
        if body_raise:
            L += ["        await asyncio.sleep(0)",
                  "        raise RuntimeError('body failed')"]
        L += ["    print('tg ok', [t.result() for t in ts])",
              ] + ([
              "except* ValueError as eg:",
              "    print('caught VE group', repr(eg), sorted(repr(e) for e in eg.exceptions))",
              "except* RuntimeError as eg:",
              "    print('caught RE group', sorted(repr(e) for e in eg.exceptions))"] if not self.avoid else [
              "except BaseExceptionGroup as eg:",
              "    print('caught group', type(eg).__name__, repr(eg.message), sorted(repr(e) for e in eg.exceptions))"]) + [
              "print('cancelled children', sorted(clog))",
              "print('states', [(t.get_name(), t.done(), t.cancelled()) for t in ts])"]
        return L

    def s_cancel_msg(self):
        mode = self.r.choice(["reraise", "swallow", "finally", "uncaught"])
        msg = self.r.choice(["None", "'stop it'", "'m2'"])
        d = self.r.randint(0, 3)
        L = ["async def victim():",
             "    try:",
             "        print('victim sleeping')",
             "        await asyncio.sleep(10)"]
        if mode == "reraise":
            L += ["    except asyncio.CancelledError as e:",
                  "        print('victim caught', repr(e), e.args)",
                  "        raise"]
        elif mode == "swallow":
            L += ["    except asyncio.CancelledError as e:",
                  "        print('victim swallows', repr(e))",
                  "        print('uncancel', asyncio.current_task().uncancel())",
                  "        return 'survived'"]
        elif mode == "finally":
            L += ["    finally:",
                  "        print('victim finally')",
                  "        await asyncio.sleep(0)",
                  "        print('victim finally after await')"]
        else:
            L += ["    finally:",
                  "        pass"]
        L += ["t = asyncio.create_task(victim())",
              f"await asyncio.sleep({D(d)})",
              f"print('cancel ->', t.cancel({msg}))",
              f"print('cancel again ->', t.cancel())",
              "print('cancelling', t.cancelling())",
              "try:",
              "    r = await t",
              "    print('victim returned', r)",
              "except asyncio.CancelledError as e:",
              "    print('awaiter got', repr(e), e.args, type(e.__context__).__name__)",
              "print('state', t.done(), t.cancelled())",
              "try:",
              "    t.result()",
              "except BaseException as e:",
              "    print('result() raised', type(e).__name__, e.args)"]
        return L

    def s_queue(self):
        maxsize = self.r.randint(0, 3)
        nitems = self.r.randint(2, 7)
        ncons = self.r.randint(1, 3)
        dp = self.r.choice([0, 1])
        L = [f"q = asyncio.Queue(maxsize={maxsize})",
             "got = []",
             "async def producer():",
             f"    for i in range({nitems}):",
             "        await q.put(i)",
             "        print('put', i, 'qsize', q.qsize(), 'full', q.full())",
             f"        await asyncio.sleep({D(dp)})",
             "    print('producer done')",
             "async def consumer(c):",
             "    while True:",
             "        x = await q.get()",
             "        got.append((c, x))",
             "        print('consumer', c, 'got', x)",
             "        await asyncio.sleep(0)",
             "        q.task_done()",
             f"cs = [asyncio.create_task(consumer(c)) for c in range({ncons})]",
             "await producer()",
             "await q.join()",
             "print('joined, empty', q.empty())",
             "for c in cs:",
             "    c.cancel()",
             "print(await asyncio.gather(*cs, return_exceptions=True))",
             "print(sorted(x for _, x in got))",
             "try:",
             "    q.get_nowait()",
             "except asyncio.QueueEmpty as e:",
             "    print('QueueEmpty', repr(e))"]
        if maxsize:
            L += [f"for i in range({maxsize}):",
                  "    q.put_nowait(i)",
                  "try:",
                  "    q.put_nowait(99)",
                  "except asyncio.QueueFull as e:",
                  "    print('QueueFull', repr(e))"]
        kind = self.r.choice(["Queue", "LifoQueue", "PriorityQueue"])
        L += [f"q2 = asyncio.{kind}()",
              "for v in [3, 1, 2]:",
              "    q2.put_nowait(v)",
              "print('q2', [q2.get_nowait() for _ in range(3)])"]
        return L

    def s_sync(self):
        k = self.r.choice(["event", "lock", "sem", "cond"])
        n = self.r.randint(2, 4)
        if k == "event":
            return ["ev = asyncio.Event()",
                    "async def waiter(i):",
                    "    print('waiting', i)",
                    "    r = await ev.wait()",
                    "    print('woke', i, r)",
                    f"ts = [asyncio.create_task(waiter(i)) for i in range({n})]",
                    "await asyncio.sleep(0)",
                    "print('is_set', ev.is_set())",
                    "ev.set()",
                    "await asyncio.gather(*ts)",
                    "ev.clear()",
                    "print('is_set', ev.is_set())",
                    "try:",
                    "    await asyncio.wait_for(ev.wait(), 0.02)",
                    "except asyncio.TimeoutError:",
                    "    print('event wait timed out')"]
        if k == "lock":
            cancel_idx = self.r.randint(-1, n - 1)
            return ["lock = asyncio.Lock()",
                    "async def worker(i):",
                    "    try:",
                    "        async with lock:",
                    "            print('acquired', i, lock.locked())",
                    "            await asyncio.sleep(0.01)",
                    "            print('release', i)",
                    "    except asyncio.CancelledError:",
                    "        print('worker cancelled', i, lock.locked())",
                    "        raise",
                    f"ts = [asyncio.create_task(worker(i)) for i in range({n})]",
                    "await asyncio.sleep(0)",
                    f"if {cancel_idx} >= 0:",
                    f"    ts[{cancel_idx}].cancel()",
                    "r = await asyncio.gather(*ts, return_exceptions=True)",
                    "print([type(x).__name__ for x in r], lock.locked())",
                    "try:",
                    "    lock.release()",
                    "except RuntimeError as e:",
                    "    print('release unlocked', repr(e))"]
        if k == "sem":
            v = self.r.randint(1, 3)
            bounded = self.r.random() < 0.5
            return [f"sem = asyncio.{'BoundedSemaphore' if bounded else 'Semaphore'}({v})",
                    "active = 0",
                    "async def worker(i):",
                    "    global_active = None",
                    "    async with sem:",
                    "        print('in', i, 'locked', sem.locked())",
                    "        await asyncio.sleep(0.01 * (i + 1))",
                    "        print('out', i)",
                    f"await asyncio.gather(*(worker(i) for i in range({n})))",
                    "try:",
                    "    sem.release()",
                    "    print('extra release ok')",
                    "except ValueError as e:",
                    "    print('bounded', repr(e))"]
        return ["cond = asyncio.Condition()",
                "items = []",
                "async def consumer(i):",
                "    async with cond:",
                "        await cond.wait_for(lambda: len(items) > 0)",
                "        print('consumer', i, 'takes', items.pop(0))",
                "async def producer():",
                f"    for j in range({n}):",
                "        await asyncio.sleep(0.01)",
                "        async with cond:",
                "            items.append(j)",
                "            cond.notify()",
                f"cs = [asyncio.create_task(consumer(i)) for i in range({n})]",
                "await producer()",
                "await asyncio.gather(*cs)",
                "async with cond:",
                "    cond.notify_all()",
                "print('cond done', items)"]

    def s_agen(self):
        n = self.r.randint(2, 6)
        brk = self.r.randint(-1, n - 1)
        L = ["async def agen(n):",
             "    try:",
             "        for i in range(n):",
             "            print('agen yield', i)",
             "            x = yield i",
             "            if x is not None:",
             "                print('agen got', x)",
             "            await asyncio.sleep(0)",
             "    except ValueError as e:",
             "        print('agen caught', repr(e))",
             "        yield 'from-except'",
             "    except GeneratorExit:",
             "        print('agen GeneratorExit')",
             "        raise",
             "    finally:",
             "        print('agen finally')",
             "out = []",
             f"ag = agen({n})",
             "async for v in ag:",
             "    out.append(v)",
             f"    if v == {brk}:",
             "        break",
             "print('out', out)",
             "await ag.aclose()",
             "print('closed')"]
        mode = self.r.choice(["asend", "athrow", "both", "anext"])
        L += ["g2 = agen(3)",
              "print('first', await g2.asend(None))"]
        if mode in ("asend", "both"):
            L += ["print('asend', await g2.asend('hello'))"]
        if mode in ("athrow", "both"):
            L += ["print('athrow', await g2.athrow(ValueError('boom')))",
                  "try:",
                  "    print('after athrow', await g2.asend(None))",
                  "except StopAsyncIteration as e:",
                  "    print('StopAsyncIteration', repr(e))"]
        if mode == "anext" and not self.avoid:
            L += ["print('anext', await anext(g2))",
                  "print('anext', await anext(g2, 'dflt'))",
                  "print('anext', await anext(g2, 'dflt'))",
                  "print('anext', await anext(g2, 'dflt'))"]
        elif mode == "anext":
            L += ["print('anext', await g2.__anext__())",
                  "try:",
                  "    for _ in range(3):",
                  "        print('anext', await g2.__anext__())",
                  "except StopAsyncIteration:",
                  "    print('exhausted')"]
        L += ["await g2.aclose()",
              "print('comp', [x async for x in agen(3) if x != 1])"]
        return L

    def s_asyncwith(self):
        raise_in = self.r.choice(["none", "body", "enter"])
        suppress = self.r.random() < 0.5
        return ["class CM:",
                "    def __init__(self, name):",
                "        self.name = name",
                "    async def __aenter__(self):",
                "        print('aenter', self.name)",
                "        await asyncio.sleep(0)",
                f"        if {raise_in == 'enter'!r}:",
                "            raise OSError('enter failed')",
                "        return self.name.upper()",
                "    async def __aexit__(self, et, ev, tb):",
                "        print('aexit', self.name, et.__name__ if et else None, repr(ev))",
                "        await asyncio.sleep(0.01)",
                f"        return {suppress}",
                "try:",
                "    async with CM('a') as a, CM('b') as b:",
                "        print('body', a, b)",
                f"        if {raise_in == 'body'!r}:",
                "            raise LookupError('in body')",
                "    print('after with')",
                "except Exception as e:",
                "    print('with raised', repr(e), repr(e.__context__))"]

    def s_task_exc(self):
        retrieved = self.r.choice(["await", "exception", "result", "never"])
        L = ["async def bad(i):",
             "    await asyncio.sleep(0)",
             "    raise ValueError(f'bad {i}')",
             "t = asyncio.create_task(bad(1))",
             "await asyncio.sleep(0.01)",
             "print('done', t.done(), 'cancelled', t.cancelled())"]
        if retrieved == "await":
            L += ["try:",
                  "    await t",
                  "except ValueError as e:",
                  "    print('awaited', repr(e), e.__traceback__ is not None)"]
        elif retrieved == "exception":
            L += ["print('exception()', repr(t.exception()))"]
        elif retrieved == "result":
            L += ["try:",
                  "    t.result()",
                  "except ValueError as e:",
                  "    print('result()', repr(e))"]
        else:
            L += ["print('not retrieving')"]
        L += ["async def raiser():",
              "    try:",
              "        raise KeyError('inner')",
              "    except KeyError as e:",
              "        raise RuntimeError('outer') from e",
              "try:",
              "    await asyncio.create_task(raiser())",
              "except RuntimeError as e:",
              "    print('chained', repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)"]
        return L

    def s_callbacks(self):
        n = self.r.randint(2, 5)
        ds = self.delays(n, 1, 10)
        L = ["loop = asyncio.get_running_loop()",
             "order = []",
             "def cb(tag):",
             "    order.append(tag)",
             "now = loop.time()"]
        hs = []
        for i, d in enumerate(ds):
            k = self.r.choice(["soon", "later", "at"])
            if k == "soon":
                L.append(f"h{i} = loop.call_soon(cb, 'soon{i}')")
            elif k == "later":
                L.append(f"h{i} = loop.call_later({D(d)}, cb, 'later{i}')")
            else:
                L.append(f"h{i} = loop.call_at(now + {D(d)}, cb, 'at{i}')")
            hs.append(i)
        cancel = self.r.randint(-1, n - 1)
        if cancel >= 0:
            L += [f"h{cancel}.cancel()",
                  f"print('cancelled handle', h{cancel}.cancelled())"]
        L += ["fut = loop.create_future()",
              f"loop.call_later({D(self.r.randint(1, 12))}, fut.set_result, 'fut-value')",
              "fut.add_done_callback(lambda f: order.append(('done_cb', f.result())))",
              "print('fut ->', await fut)",
              "await asyncio.sleep(0.15)",
              "print(order)",
              "f2 = loop.create_future()",
              "loop.call_soon(f2.set_exception, OSError(5, 'io'))",
              "try:",
              "    await f2",
              "except OSError as e:",
              "    print('f2 raised', repr(e), e.args)" if self.avoid else "    print('f2 raised', repr(e), e.errno)",
              "f3 = loop.create_future()",
              "f3.cancel('cmsg')",
              "try:",
              "    f3.result()",
              "except asyncio.CancelledError as e:",
              "    print('f3', repr(e))",
              "try:",
              "    f3.set_result(1)",
              "except asyncio.InvalidStateError as e:",
              "    print('InvalidStateError', repr(e))"]
        return L

    def s_names(self):
        n = self.r.randint(1, 4)
        return ["async def who(i):",
                "    t = asyncio.current_task()",
                "    print('I am', t.get_name(), i)",
                "    t.set_name(f'renamed{i}')",
                "    await asyncio.sleep(0)",
                "    return t.get_name()",
                f"ts = [asyncio.create_task(who(i), name=f'job{{i}}') for i in range({n})]",
                "print('count', len(asyncio.all_tasks()))",
                "print('results', await asyncio.gather(*ts))",
                "print('count after', len(asyncio.all_tasks()))",
                "print('main in all_tasks', asyncio.current_task() in asyncio.all_tasks())",
                "print('coro name', asyncio.current_task().get_coro().__name__)",
                "t = asyncio.create_task(asyncio.sleep(0))",
                "print('default name prefix', t.get_name().startswith('Task-'))",
                "await t"]

    def s_gens(self):
        return ["def gen():",
                "    total = 0",
                "    try:",
                "        while True:",
                "            try:",
                "                x = yield total",
                "            except ValueError as e:",
                "                print('gen caught', repr(e))",
                "                x = 100",
                "            if x is None:",
                "                break",
                "            total += x",
                "    finally:",
                "        print('gen finally', total)",
                "    return total",
                "def delegator():",
                "    r = yield from gen()",
                "    print('delegator got', r)",
                "    yield ('final', r)",
                "g = delegator()",
                "print(next(g))",
                f"print(g.send({self.r.randint(1, 9)}))",
                "print(g.throw(ValueError('t')))",
                f"print(g.send({self.r.randint(1, 9)}))",
                "print(g.send(None))",
                "try:",
                "    next(g)",
                "except StopIteration as e:",
                "    print('StopIteration', e.value)",
                "g = gen()",
                "next(g)",
                "g.close()",
                "print('closed gen', g.gi_frame is None)",
                "class Aw:",
                "    def __await__(self):",
                "        v = yield from asyncio.sleep(0, 'aw').__await__()",
                "        return ('Aw', v)",
                "print(await Aw())",
                "@types.coroutine",
                "def oldstyle():",
                "    yield",
                "    return 'old'",
                "print(await oldstyle())",
                "def g3():",
                "    yield 1",
                "    return 'ret'",
                "it = g3()",
                "print(list(it))",
                "try:",
                "    it.throw(KeyError('late'))",
                "except KeyError as e:",
                "    print('throw on finished', repr(e))"]

    def s_cancel_chain(self):
        where = self.r.choice(["leaf", "mid", "top"])
        swallow_mid = self.r.random() < 0.3
        L = ["loop = asyncio.get_running_loop()",
             "fut = loop.create_future()",
             "async def leaf():",
             "    try:",
             "        return await fut",
             "    except asyncio.CancelledError as e:",
             "        print('leaf cancelled', repr(e))",
             "        raise",
             "async def mid():",
             "    lt = asyncio.create_task(leaf(), name='leaf')",
             "    try:",
             "        r = await lt",
             "        print('mid got', r)",
             "        return ('mid', r)",
             "    except asyncio.CancelledError as e:",
             "        print('mid cancelled', repr(e), 'leaf cancelled?', lt.cancelled())",
             (("        return 'mid-swallowed'") if swallow_mid else "        raise"),
             "top = asyncio.create_task(mid(), name='mid')",
             "await asyncio.sleep(0)",
             "await asyncio.sleep(0)",
             ]
        if where == "leaf":
            L += ["fut.cancel('leafmsg')"]
        elif where == "mid":
            L += ["top.cancel('topmsg')"]
        else:
            L += ["fut.set_result('value')"]
        L += ["try:",
              "    print('top ->', await top)",
              "except asyncio.CancelledError as e:",
              "    print('top cancelled', repr(e), top.cancelled())",
              "print('fut state', fut.done(), fut.cancelled())"]
        return L

    def s_agen_task_cancel(self):
        n = self.r.randint(1, 4)
        return ["async def ticker():",
                "    i = 0",
                "    try:",
                "        while True:",
                "            yield i",
                "            i += 1",
                "            await asyncio.sleep(0.04)",
                "    finally:",
                "        print('ticker finally at', i)",
                "async def consume():",
                "    seen = []",
                "    try:",
                "        async for v in ticker():",
                "            seen.append(v)",
                "    except asyncio.CancelledError:",
                "        print('consume cancelled, seen', seen)",
                "        raise",
                "t = asyncio.create_task(consume())",
                # Cancel halfway between two ticks: 20 ms either side survives load.
                f"await asyncio.sleep({n * 0.04 + 0.02:.2f})",
                "t.cancel()",
                "r = await asyncio.gather(t, return_exceptions=True)",
                "print('consume ->', repr(r))"]

    def s_excinfo(self):
        return ["import sys",
                "async def f():",
                "    try:",
                "        raise KeyError('outer')",
                "    except KeyError:",
                "        await asyncio.sleep(0)",
                "        print('exc_info after await', repr(sys.exc_info()[1]))",
                "        try:",
                "            raise ValueError('inner')",
                "        except ValueError as e:",
                "            print('context', repr(e.__context__))",
                "        print('exc_info restored', repr(sys.exc_info()[1]))",
                "    print('exc_info cleared', sys.exc_info())",
                "async def other():",
                "    await asyncio.sleep(0)",
                "    print('other sees', sys.exc_info()[1])",
                "await asyncio.gather(f(), other())",
                "try:",
                "    try:",
                "        await asyncio.sleep(0)",
                "        1 / 0",
                "    finally:",
                "        await asyncio.sleep(0)",
                "        print('finally while unwinding', repr(sys.exc_info()[1]))",
                "except ZeroDivisionError as e:",
                "    print('caught', repr(e))"]

    SNIPPETS = ["s_tasks", "s_gather", "s_wait_for", "s_timeout_cm", "s_wait", "s_as_completed",
                "s_shield", "s_taskgroup", "s_cancel_msg", "s_queue", "s_sync", "s_agen",
                "s_asyncwith", "s_task_exc", "s_callbacks", "s_names", "s_gens",
                "s_cancel_chain", "s_agen_task_cancel", "s_excinfo"]

    def program(self):
        k = self.r.randint(2, 4)
        picks = self.r.sample(self.SNIPPETS, k)
        out = ["import asyncio, types", ""]
        for j, name in enumerate(picks):
            body = getattr(self, name)()
            out.append(f"async def part{j}():  # {name}")
            out.append(f"    print('--- {name}')")
            out += ["    " + l for l in body]
            out.append("")
        out.append("async def main():")
        for j in range(k):
            out.append(f"    await part{j}()")
        end = self.r.random()
        if end < 0.08:
            out.append("    raise RuntimeError('main fails at end')")
        elif end < 0.14:
            out.append("    asyncio.current_task().cancel()")
            out.append("    await asyncio.sleep(0)")
        out.append("    print('main end')")
        out += ["", "asyncio.run(main())", "print('after run')", ""]
        return "\n".join(out)


def main():
    avoid = "--avoid-known" in sys.argv
    args = [a for a in sys.argv[1:] if a != "--avoid-known"]
    outdir, start, count = args[0], int(args[1]), int(args[2])
    os.makedirs(outdir, exist_ok=True)
    for seed in range(start, start + count):
        src = G(random.Random(seed), avoid).program()
        with open(os.path.join(outdir, f"g{seed:04d}.py"), "w") as f:
            f.write(src)


if __name__ == "__main__":
    main()
