# An exception nobody retrieves is reported when the task (or future) is freed.
import asyncio


async def bad(n):
    await asyncio.sleep(0)
    raise ValueError(f"boom {n}")


async def main():
    loop = asyncio.get_running_loop()

    def handler(loop, context):
        print("handler:", context["message"], repr(context["exception"]))
        print("  future:", repr(context["future"]).split(" coro=")[0])

    loop.set_exception_handler(handler)
    asyncio.create_task(bad(1))
    await asyncio.sleep(0.01)
    print("after the first failure")
    t = asyncio.create_task(bad(2))
    await asyncio.sleep(0.01)
    print("retrieved:", repr(t.exception()))
    del t
    f = loop.create_future()
    f.set_exception(KeyError("lost"))
    del f
    await asyncio.sleep(0)
    print("main done")


asyncio.run(main())
