import asyncio
async def c():
    return 1
async def main():
    co = c()
    print(await co)
    try:
        await co
    except RuntimeError as e:
        print('RuntimeError', e)
    t = asyncio.ensure_future(c())
    print(await t, await t)
    try:
        asyncio.create_task(42)
    except TypeError as e:
        print('TypeError', e)
asyncio.run(main())
