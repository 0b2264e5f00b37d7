# A task in a reference cycle (its exception refers back to it) is collected by
# gc.collect(), and its unretrieved exception is reported then.
import asyncio
import gc


async def failing():
    e = ValueError("in a cycle")
    e.task = asyncio.current_task()
    raise e


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(
        lambda loop, ctx: print("handler:", ctx["message"], repr(ctx["exception"])))
    t = asyncio.create_task(failing())
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("task done:", t.done())
    del t
    print("collecting")
    gc.collect()
    print("after collect")


asyncio.run(main())
