import asyncio
class MyBase(BaseException):
    pass
async def f():
    await asyncio.sleep(0)
    raise MyBase('b')
async def main():
    r = await asyncio.gather(f(), return_exceptions=True)
    print(repr(r))
    try:
        await asyncio.create_task(f())
    except MyBase as e:
        print('propagated', repr(e))
asyncio.run(main())
