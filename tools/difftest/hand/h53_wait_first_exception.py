import asyncio
async def w(i, d, f):
    await asyncio.sleep(d)
    if f:
        raise ValueError(i)
    return i
async def main():
    ts = [asyncio.create_task(w(0, 0.01, False)), asyncio.create_task(w(1, 0.03, True)), asyncio.create_task(w(2, 0.06, False))]
    done, pend = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(sorted(repr(t.exception()) for t in done), len(pend))
    done, pend = await asyncio.wait(pend, timeout=0.01)
    print(len(done), len(pend))
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.01, fut.set_result, 'F')
    done, pend = await asyncio.wait([fut, *pend])
    print(sorted(repr(t.result()) for t in done))
asyncio.run(main())
