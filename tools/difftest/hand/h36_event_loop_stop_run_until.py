import asyncio
loop = asyncio.new_event_loop()
async def f(x):
    await asyncio.sleep(0.01)
    return x * 2
print(loop.run_until_complete(f(21)))
fut = loop.create_future()
loop.call_later(0.01, fut.set_result, 'late')
print(loop.run_until_complete(fut))
loop.call_soon(loop.stop)
loop.run_forever()
print('stopped, closed?', loop.is_closed())
loop.close()
print('closed?', loop.is_closed())
try:
    loop.run_until_complete(f(1))
except RuntimeError as e:
    print('RuntimeError', e)
