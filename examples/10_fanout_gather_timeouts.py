# Step 10: an I/O-bound fan-out. Ten "requests" run concurrently under gather();
# each has a deadline (wait_for), and a failure is collected, not fatal.
import asyncio
import time

LATENCY = {"a": 0.02, "b": 0.05, "c": 0.01, "d": 0.30, "e": 0.03}


async def fetch(key):
    await asyncio.sleep(LATENCY[key])
    if key == "e":
        raise ConnectionError(f"{key}: connection reset")
    return f"{key}:{int(LATENCY[key] * 1000)}ms"


async def fetch_with_deadline(key, deadline):
    try:
        return await asyncio.wait_for(fetch(key), timeout=deadline)
    except asyncio.TimeoutError:
        return f"{key}:timeout"


async def main():
    start = time.monotonic()
    results = await asyncio.gather(*(fetch_with_deadline(k, 0.1) for k in "abcde"),
                                   return_exceptions=True)
    elapsed = time.monotonic() - start
    for r in results:
        print(" ", repr(r))
    print("concurrent, not sequential:", elapsed < 0.25)

    async with asyncio.timeout(0.04) as cm:
        print("inside timeout(0.04):", await fetch("c"))
    print("expired?", cm.expired())
    try:
        async with asyncio.timeout(0.04):
            await fetch("b")
    except TimeoutError:
        print("timeout() raised TimeoutError")


asyncio.run(main())
