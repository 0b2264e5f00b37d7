import asyncio
async def forever():
    try:
        await asyncio.sleep(10)
    finally:
        print('forever finally')
async def main():
    asyncio.create_task(forever())
    await asyncio.sleep(0)
    print('main returns')
asyncio.run(main())
print('after run')
