import asyncio
async def f(): raise ValueError(1)
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(f())
asyncio.run(main())
