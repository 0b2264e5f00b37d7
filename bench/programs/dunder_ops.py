# dunder_ops: operators on instances (__add__, __eq__, __hash__, __lt__), hashing
# instances into sets and dicts, sorting by __lt__ -- Python methods called by natives.
class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, o):
        return Vec(self.x + o.x, self.y + o.y)

    def __eq__(self, o):
        return self.x == o.x and self.y == o.y

    def __lt__(self, o):
        return (self.x, self.y) < (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))


acc = Vec(0, 0)
seen = set()
counts = {}
for i in range(150000):
    v = Vec(i % 7, i % 11)
    acc = acc + v
    seen.add(v)
    counts[v] = counts.get(v, 0) + 1
order = sorted(seen)
print("dunder_ops", acc.x, acc.y, len(seen), order[0].x, order[-1].y, counts[Vec(3, 5)])
