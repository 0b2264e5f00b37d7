# Step 6: a generator scheduler. Tasks yield how long they want to sleep; the scheduler
# keeps a ready deque and a sorted list of sleepers, and really sleeps when idle.
import time
from collections import deque

def task(name, delays):
    for d in delays:
        print(f"{name} sleeps {d}")
        yield d
    return f"{name} finished"

def run(tasks):
    ready = deque(tasks)
    sleeping = []  # (wake time, order, task), kept sorted
    order = 0
    results = []
    start = time.monotonic()
    while ready or sleeping:
        if not ready:
            wake, _, t = sleeping.pop(0)
            pause = wake - time.monotonic()
            if pause > 0:
                time.sleep(pause)
            ready.append(t)
        t = ready.popleft()
        try:
            delay = next(t)
        except StopIteration as stop:
            results.append(stop.value)
            continue
        order += 1
        sleeping.append((time.monotonic() + delay, order, t))
        sleeping.sort(key=lambda s: (s[0], s[1]))
    elapsed = time.monotonic() - start
    return results, elapsed

results, elapsed = run([task("A", [0.03, 0.01]), task("B", [0.01, 0.05]), task("C", [0.02])])
print(results)
print("waited for the slowest task (0.06 s):", elapsed >= 0.055)
