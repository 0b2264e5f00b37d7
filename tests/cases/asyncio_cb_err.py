import asyncio
def bad():
    raise ZeroDivisionError("in callback")
async def main():
    asyncio.get_running_loop().call_soon(bad)
    await asyncio.sleep(0.01)
    print("loop survived callback error")
    raise KeyError("final")
asyncio.run(main())
