# Step 7: native coroutines. `async def` makes a coroutine object; `await` suspends its
# frame all the way up to whoever calls send(). Here we are the event loop, by hand.
import types


@types.coroutine
def suspend(request):
    # A generator-based awaitable: its `yield` is what reaches the driver.
    reply = yield request
    return reply


async def fetch(name):
    print(f"  {name}: asking for data")
    data = await suspend(f"read {name}")
    print(f"  {name}: got {data!r}")
    return len(data)


async def main():
    a = await fetch("alpha")
    b = await fetch("beta")
    return a + b


coro = main()
print(repr(coro).split(" at ")[0] + ">")
print("state before:", coro.cr_frame is not None, coro.cr_running)
request = coro.send(None)          # runs until the first await that suspends
step = 1
while True:
    print(f"driver: step {step}, coroutine asked to {request!r}")
    try:
        request = coro.send(request.upper())   # resume: the value lands at the await
    except StopIteration as stop:
        print("driver: coroutine returned", stop.value)
        break
    step += 1
print("after return, cr_frame is", coro.cr_frame)
try:
    coro.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
