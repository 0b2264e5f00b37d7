import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(0.02) as cm:
            print("when set:", cm.when() is not None, "expired:", cm.expired())
            await asyncio.sleep(1)
    except TimeoutError:
        print("timeout() raised TimeoutError; expired:", cm.expired())
    async with asyncio.timeout(None) as cm:
        print("when None:", cm.when())
        cm.reschedule(loop.time() + 0.05)
        try:
            await asyncio.sleep(0.005)
            print("inner done before deadline")
        except asyncio.CancelledError:
            print("wrong")
    print("expired after ok exit:", cm.expired())
    try:
        async with asyncio.timeout_at(loop.time() + 0.01) as cm2:
            cm2.reschedule(loop.time() + 0.03)
            await asyncio.sleep(0.02)
            print("survived first 20ms thanks to reschedule")
            await asyncio.sleep(0.05)
    except TimeoutError as e:
        print("timeout_at fired:", type(e).__name__, type(e.__cause__).__name__)
    try:
        async with asyncio.timeout(-1):
            await asyncio.sleep(0)
    except TimeoutError:
        print("negative delay times out at first await")
    t = asyncio.timeout(1)
    try:
        t.reschedule(5)
    except RuntimeError as e:
        print("RuntimeError:", e)
    print(repr(t))
    async def inner():
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(1)
            finally:
                print("  inner finally, cancelling =", asyncio.current_task().cancelling())
    try:
        await inner()
    except TimeoutError:
        print("after: cancelling =", asyncio.current_task().cancelling())
    # timeout not triggered: exception passes
    try:
        async with asyncio.timeout(1):
            raise KeyError("k")
    except KeyError as e:
        print("KeyError passes:", e)

asyncio.run(main())
