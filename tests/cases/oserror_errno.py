for n in (1, 2, 3, 4, 10, 11, 13, 17, 20, 21, 32, 103, 104, 110, 111, 114, 115, 108, 5, 99):
    e = OSError(n, "msg")
    print(n, type(e).__name__, e)
print(type(OSError("x")).__name__, type(OSError(2)).__name__, type(FileExistsError(2, "m")).__name__)
try:
    raise OSError(2, "No such file or directory", "gone.txt")
except FileNotFoundError as e:
    print("caught", repr(e), e.filename)
