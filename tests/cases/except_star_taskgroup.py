# asyncio.TaskGroup errors handled with except*, as the asyncio docs show; then an
# unhandled part escapes to the top and is printed as CPython prints groups.
import asyncio


async def fail(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def ok(delay, value):
    await asyncio.sleep(delay)
    return value


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            t1 = tg.create_task(ok(0.01, "fine"))
            tg.create_task(fail(0.02, ValueError("bad value")))
            tg.create_task(fail(0.02, TypeError("bad type")))
    except* ValueError as eg:
        print("ValueErrors:", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TypeErrors:", [str(e) for e in eg.exceptions])
    print("t1:", t1.result())

    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail(0.01, KeyError("lost")))
    except* ValueError:
        print("not reached")


asyncio.run(main())
