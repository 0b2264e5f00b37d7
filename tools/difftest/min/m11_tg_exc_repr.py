import asyncio
async def f():
    raise ValueError(1)
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(f())
    except Exception as eg:
        print(repr(eg))
asyncio.run(main())
