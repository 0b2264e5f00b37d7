# Step 4: generator-based coroutines with `yield from`, run round-robin by a tiny scheduler.
from collections import deque

def worker(name, steps):
    for i in range(steps):
        print(f"{name} step {i}")
        yield
    return f"{name} done after {steps}"

def task(name, steps):
    result = yield from worker(name, steps)
    return result

def wait(tasks):
    queue = deque(tasks)
    results = []
    while queue:
        t = queue.popleft()
        try:
            next(t)
            queue.append(t)
        except StopIteration as stop:
            results.append(stop.value)
    return results

print(wait([task("A", 2), task("B", 3), task("C", 1)]))
