# LOAD_GLOBAL caches: a global that starts to shadow a builtin, then is deleted; a
# builtin replaced; globals() writes.
def f():
    return len("abc"), g_value
g_value = 1
print(f(), f())
len = lambda s: 99
print(f())
del len
print(f())
g_value = 2
print(f())
globals()["g_value"] = 3
print(f())
def outer():
    def inner():
        return max(1, 2)
    return inner
i = outer()
print(i())
max = min
print(i())
del max
print(i())
