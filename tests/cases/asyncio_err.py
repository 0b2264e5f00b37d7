import asyncio
async def boom():
    await asyncio.sleep(0)
    raise asyncio.CancelledError()
async def main():
    await asyncio.create_task(boom())
asyncio.run(main())
