# gc.disable() stops automatic collection (gc.collect() still collects); gc.enable()
# turns it back on.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())


class Node:
    freed = 0

    def __init__(self):
        self.me = self

    def __del__(self):
        Node.freed += 1


for i in range(30000):
    Node()
    [i, [i]]
print("freed while disabled", Node.freed)
gc.collect()
print("freed by collect", Node.freed)
gc.enable()
print(gc.isenabled())
