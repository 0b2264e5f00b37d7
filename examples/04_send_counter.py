# Step 3: send() resumes the frame and the value becomes the result of `yield`.
def running_total():
    total = 0
    while True:
        amount = yield total
        if amount is None:
            break
        total += amount
    return total

acc = running_total()
print(next(acc))
for amount in [5, 10, 27]:
    print("sent", amount, "total", acc.send(amount))
try:
    acc.send(None)
except StopIteration as stop:
    print("final total", stop.value)
