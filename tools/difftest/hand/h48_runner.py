import asyncio
async def f(x):
    await asyncio.sleep(0)
    return x + 1
with asyncio.Runner() as r:
    print(r.run(f(1)))
    print(r.run(f(2)))
    print(type(r.get_loop()).__name__.endswith('EventLoop'))
try:
    r.run(f(3))
except RuntimeError as e:
    print('RuntimeError', e)
