# Step 8: what asyncio does, in thirty lines. A Future is an awaitable that yields
# itself; a Task drives a coroutine and resumes it when the future it waits on is
# resolved; the loop runs ready callbacks in order and sleeps until the next timer.
import time
from collections import deque


class Future:
    def __init__(self):
        self.done = False
        self.result = None
        self.callbacks = []

    def set_result(self, value):
        self.done, self.result = True, value
        for cb in self.callbacks:
            loop.call_soon(cb)

    def __await__(self):
        if not self.done:
            yield self           # suspend the whole coroutine chain up to the Task
        return self.result


class Task:
    def __init__(self, coro):
        self.coro, self.done, self.result = coro, False, None
        loop.call_soon(self.step)

    def step(self):
        try:
            fut = self.coro.send(None)
        except StopIteration as stop:
            self.done, self.result = True, stop.value
            return
        fut.callbacks.append(self.step)   # wake me when it is resolved


class Loop:
    def __init__(self):
        self.ready, self.timers, self.start = deque(), [], time.monotonic()

    def call_soon(self, cb):
        self.ready.append(cb)

    def call_later(self, delay, cb):
        self.timers.append((time.monotonic() + delay, len(self.timers), cb))
        self.timers.sort()

    def run(self, main):
        task = Task(main)
        while not task.done:
            if not self.ready and self.timers:
                when, _, cb = self.timers.pop(0)
                time.sleep(max(0, when - time.monotonic()))
                self.ready.append(cb)
            self.ready.popleft()()
        return task.result


def sleep(delay):
    fut = Future()
    loop.call_later(delay, lambda: fut.set_result(None))
    return fut


async def worker(name, delay):
    print(f"{name} starts, sleeping {delay}")
    await sleep(delay)
    print(f"{name} woke up")
    return name.upper()


async def main():
    tasks = [Task(worker("slow", 0.05)), Task(worker("fast", 0.01)), Task(worker("mid", 0.03))]
    while not all(t.done for t in tasks):
        await sleep(0.01)
    return [t.result for t in tasks]


loop = Loop()
print(loop.run(main()))
