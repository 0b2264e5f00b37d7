# A running generator's or coroutine's frame (gi_frame / cr_frame) shows the line it
# is at, its locals and its code, as CPython's does; so does a task's repr.
import asyncio


def gen():
    x = 1
    y = yield g.gi_frame.f_lineno
    print(sorted(g.gi_frame.f_locals.items()), g.gi_frame.f_code.co_name)
    yield g.gi_frame.f_lineno


g = gen()
print(next(g), next(g), g.gi_frame.f_lineno)


def leaf():
    while True:
        yield (outer.gi_frame.f_lineno, middle.gi_frame.f_lineno)


def mid():
    x = 1
    yield from leaf()


def top():
    yield from middle


middle = mid()
outer = top()
print(next(outer), next(outer), next(outer))


async def main():
    t = asyncio.current_task()
    print(repr(t).split(" coro=")[1].split(" cb=")[0].replace(__file__, "FILE"))
    await asyncio.sleep(0)
    c = t.get_coro()
    print(c.cr_frame.f_lineno, c.cr_running)
    print(repr(t).split(" coro=")[1].split(" cb=")[0].replace(__file__, "FILE"))


asyncio.run(main())
