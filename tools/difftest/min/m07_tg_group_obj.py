import asyncio
async def f(i):
    await asyncio.sleep(0.01 * i)
    raise ValueError(i)
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(f(1))
    except Exception as eg:
        print(type(eg).__name__, repr(eg), eg.message, eg.exceptions, str(eg))
        print(isinstance(eg, Exception), type(eg).__mro__[1].__name__)
asyncio.run(main())
