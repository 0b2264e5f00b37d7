import asyncio
async def bad():
    raise KeyError('lost')
async def main():
    asyncio.create_task(bad())
    await asyncio.sleep(0.01)
    print('main done')
asyncio.run(main())
print('after')
