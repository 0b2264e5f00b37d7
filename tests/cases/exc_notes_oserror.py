e = OSError(5, "io"); print(e.errno, e.strerror, e.filename, str(e), repr(e))
f = FileNotFoundError(2, "No such file or directory", "x.txt"); print(f, f.filename)
print(OSError("plain").errno, str(OSError("plain")), str(TimeoutError()))
print(ConnectionResetError(104, "reset"))
e = ValueError('x'); e.add_note('first'); print(e.__notes__)
try:
    e.add_note(5)
except TypeError as t:
    print(t)
try:
    raise KeyError("k")
except KeyError as k:
    k.add_note("while looking up")
    print(k.__notes__)
raise FileNotFoundError(2, "No such file or directory", "gone.txt")
