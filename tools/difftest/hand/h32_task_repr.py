import asyncio
async def f():
    await asyncio.sleep(0.01)
    return 5
async def main():
    t = asyncio.create_task(f(), name='myt')
    print(repr(t).split(' coro=')[0])
    await t
    print(repr(t).split(' coro=')[0], repr(t).split('result=')[-1])
    fut = asyncio.get_running_loop().create_future()
    print(repr(fut))
    fut.set_result([1])
    print(repr(fut))
    fut2 = asyncio.get_running_loop().create_future()
    fut2.cancel()
    print(repr(fut2))
asyncio.run(main())
