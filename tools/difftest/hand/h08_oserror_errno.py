e = OSError(5, 'io')
print(repr(e), e.errno, e.strerror, e.args, str(e))
e2 = OSError('single')
print(repr(e2), e2.errno, e2.args)
try:
    open('/nonexistent/x')
except FileNotFoundError as e:
    print(type(e).__name__, e.errno, e.filename)
