# Step 2 of the talk: before generators, "concurrency" by hand: each task is an object
# that remembers where it is, and a loop polls every task until all are done.
class Countdown:
    def __init__(self, name, n):
        self.name = name
        self.n = n

    def poll(self):
        """Do one step; return True when finished."""
        if self.n == 0:
            print(f"{self.name}: liftoff")
            return True
        print(f"{self.name}: {self.n}")
        self.n -= 1
        return False

tasks = [Countdown("A", 3), Countdown("B", 1), Countdown("C", 2)]
rounds = 0
while tasks:
    rounds += 1
    tasks = [t for t in tasks if not t.poll()]
print("all done after", rounds, "rounds")
