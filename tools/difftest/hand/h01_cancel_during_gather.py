import asyncio
async def w(i, d):
    try:
        await asyncio.sleep(d)
        return i
    except asyncio.CancelledError as e:
        print('child cancelled', i, repr(e))
        raise
    finally:
        print('child finally', i)
async def main():
    g = asyncio.gather(w(0, 0.01), w(1, 0.5), w(2, 0.6))
    await asyncio.sleep(0.05)
    print('cancel ->', g.cancel('gather-msg'))
    try:
        await g
    except asyncio.CancelledError as e:
        print('outer got', repr(e), e.args)
    print('g.cancelled', g.cancelled())
asyncio.run(main())
