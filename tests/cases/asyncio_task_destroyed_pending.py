# A pending task that nothing refers to any more (only the cycle through the future it
# waits on) is reported when the collector frees it: CPython's Task.__del__ says
# "Task was destroyed but it is pending!". Tasks made by gather() for coroutines, and
# tasks whose _log_destroy_pending is cleared, are not reported; nor are the tasks the
# collector freed reported by asyncio.run's final cancellation.
import asyncio
import gc

reports = []


def handler(loop, context):
    if "task" not in context:
        print("unexpected report:", context["message"])
        return
    r = repr(context["task"])
    reports.append((context["message"], r.split(" coro=")[0], "done, defined" in r,
                    r.split("wait_for=")[1]))


async def waiter(fut):
    try:
        await fut
    finally:
        print("waiter's finally ran")


async def forever():
    await asyncio.Event().wait()


async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(waiter(fut), name="forgotten")
    asyncio.create_task(forever())
    await asyncio.sleep(0)
    print(repr(t).split(" coro=")[0])
    del t, fut
    gc.collect()
    await asyncio.sleep(0)
    # (Sorted: a collection the interpreter starts by itself may find the unnamed
    # task, which nothing ever referred to, before the other.)
    for r in sorted(reports):
        print(*r)
    reports.clear()

    g = asyncio.gather(forever(), forever())
    quiet = asyncio.create_task(forever())
    await asyncio.sleep(0)
    print(quiet._log_destroy_pending)
    quiet._log_destroy_pending = False
    del g, quiet
    gc.collect()
    await asyncio.sleep(0)
    print("reports:", reports)


asyncio.run(main())
