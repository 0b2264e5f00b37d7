# Step 1 of the talk: a call pushes a frame; the frame holds locals and where to resume.
def add(a, b):
    result = a + b
    return result

def compute():
    x = add(1, 2)
    y = add(x, 10)
    return x * y

print("compute() =", compute())
