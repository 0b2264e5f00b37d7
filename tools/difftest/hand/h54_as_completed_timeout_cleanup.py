import asyncio
async def w(i, d):
    try:
        await asyncio.sleep(d)
        return i
    except asyncio.CancelledError:
        print('w cancelled?', i)
        raise
async def main():
    ts = [asyncio.create_task(w(i, d)) for i, d in enumerate([0.05, 0.01, 0.2])]
    try:
        for f in asyncio.as_completed(ts, timeout=0.08):
            print('got', await f)
    except asyncio.TimeoutError:
        print('timeout; states', [t.done() for t in ts])
    print(await ts[2])
asyncio.run(main())
