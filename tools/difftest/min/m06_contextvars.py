import contextvars
print("ok")
