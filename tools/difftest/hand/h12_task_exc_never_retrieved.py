import asyncio, gc
async def bad():
    raise ValueError('never retrieved')
async def main():
    t = asyncio.create_task(bad())
    await asyncio.sleep(0.01)
    print('done', t.done())
    del t
    gc.collect()
    print('after del')
asyncio.run(main())
print('end')
