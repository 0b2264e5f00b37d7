# text_dicts: word counting, string building, dict and set operations.
words = ("the quick brown fox jumps over the lazy dog and then the dog sleeps while "
         "the fox runs far away into the forest where other foxes live").split()
counts = {}
seen = set()
parts = []
for i in range(400_000):
    w = words[i % len(words)]
    key = w + str(i % 13)
    counts[key] = counts.get(key, 0) + 1
    seen.add(w[::-1])
    if i % 1000 == 0:
        parts.append(f"{w}:{len(counts)}")
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print("text_dicts", len(counts), len(seen), top, len(",".join(parts)))
