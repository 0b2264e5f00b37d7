def f():
    try:
        if 1:
            x = 1
f()
