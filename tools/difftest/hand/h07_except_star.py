import asyncio
async def f(i):
    await asyncio.sleep(0.01 * i)
    raise [ValueError, KeyError][i % 2](i)
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(f(1))
            tg.create_task(f(2))
    except* ValueError as eg:
        print('VE', repr(eg))
    except* KeyError as eg:
        print('KE', repr(eg))
asyncio.run(main())
