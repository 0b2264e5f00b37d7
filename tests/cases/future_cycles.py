# A reference cycle through a pending future (its done-callback holds it) is found by
# the cycle collector; a cancelled task awaiting a future that is never set finishes.
import asyncio
import gc


async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.add_done_callback(lambda _, f=f: None)
    del f
    print("future cycle collected:", gc.collect() > 0)

    holder = []

    async def waits_forever():
        await loop.create_future()

    t = asyncio.create_task(waits_forever())
    holder.append(t)
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("cancelled")


asyncio.run(main())
