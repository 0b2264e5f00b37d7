e = OSError(5, "io")
print(e.errno, e.strerror)
