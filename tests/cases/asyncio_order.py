import asyncio
# interleaving of callbacks, task steps and future callbacks
async def a(log):
    log.append("a1"); await asyncio.sleep(0); log.append("a2"); await asyncio.sleep(0); log.append("a3")
async def b(log, fut):
    log.append("b1"); r = await fut; log.append(f"b2 {r}")
async def main():
    loop = asyncio.get_running_loop()
    log = []
    fut = loop.create_future()
    t1 = asyncio.create_task(a(log))
    t2 = asyncio.create_task(b(log, fut))
    loop.call_soon(log.append, "cs1")
    fut.add_done_callback(lambda f: log.append("fcb"))
    await asyncio.sleep(0)
    fut.set_result("R")
    loop.call_soon(log.append, "cs2")
    await asyncio.sleep(0)
    log.append("main1")
    await asyncio.sleep(0)
    log.append("main2")
    await t1; await t2
    print(log)
    # tasks left running at the end of run() get cancelled
    async def straggler():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print("straggler cancelled at shutdown")
            raise
    asyncio.create_task(straggler())
    async def late():
        await asyncio.sleep(0)
        print("late task ran one step")
        await asyncio.sleep(0)
        print("late task second step")
        await asyncio.sleep(0)
        print("late task third step")
    asyncio.create_task(late())
    loop.call_soon(print, "callback scheduled before main returns")
    return "done"
print(asyncio.run(main()))
async def timers():
    loop = asyncio.get_running_loop()
    out = []
    t0 = loop.time()
    for d in [0.03, 0.01, 0.02, 0.01, 0.0]:
        loop.call_at(t0 + d, out.append, d)
    await asyncio.sleep(0.05)
    print(out)
asyncio.run(timers())
