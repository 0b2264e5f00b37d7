def f(x):
    if x:
        print(1)
    else:
        print(2)

def h(x):
    with x:
        pass

def h2(a, b):
    with a, b:
        pass

async def h3(a, b):
    async with a, b:
        pass

async def h4(a):
    async with a:
        pass

def k(x):
    for i in x:
        if i:
            break
    else:
        return 5

def w(x):
    while x:
        x -= 1
