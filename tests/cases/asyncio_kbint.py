import asyncio
async def other():
    try:
        await asyncio.sleep(5)
    finally:
        print("other cleaned up")
async def main():
    asyncio.create_task(other())
    await asyncio.sleep(0.01)
    raise KeyboardInterrupt
try:
    asyncio.run(main())
except KeyboardInterrupt:
    print("KeyboardInterrupt propagated")
async def ex():
    await asyncio.sleep(0)
    import sys
    sys.exit(3)
asyncio.run(ex())
