import asyncio
async def main():
    asyncio.current_task().cancel('bye')
    try:
        await asyncio.sleep(0)
    finally:
        print('finally in main')
asyncio.run(main())
print('not reached')
