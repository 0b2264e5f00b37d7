def greet(name, greeting="Hello", *args, sep=", ", **kw):
    return f"{greeting}{sep}{name}{args}{sorted(kw.items())}"
print(greet("Ann"), greet("Bob", "Hi", 1, 2, sep="; ", x=1))
def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter(); c(); print(c())
def deco(f):
    def wrapper(*a):
        return "<" + str(f(*a)) + ">"
    return wrapper
@deco
def square(x):
    return x * x
print(square(7), (lambda a, b=2: a * b)(4))
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(30))
