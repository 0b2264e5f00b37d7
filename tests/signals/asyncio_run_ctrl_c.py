import asyncio
async def other():
    try:
        await asyncio.sleep(10)
    finally:
        print("other finally")
async def main():
    asyncio.create_task(other())
    print("started", flush=True)
    try:
        await asyncio.sleep(10)
    finally:
        print("main finally")
asyncio.run(main())
