import asyncio
async def f(n):
    await asyncio.sleep(0.01 * n)
    raise ValueError(n)
async def ok():
    await asyncio.sleep(0.05)
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(f(1))
            tg.create_task(ok())
    except ExceptionGroup as eg:
        print(repr(eg), eg.exceptions)
        m, r = eg.split(ValueError)
        print(repr(m), r)
    print(issubclass(ExceptionGroup, BaseExceptionGroup), ExceptionGroup.__module__)
asyncio.run(main())
