import asyncio
def g():
    yield 1
x = g()
try:
    x.send(1)
except TypeError as e:
    print('TypeError', e)
async def c():
    return 1
co = c()
try:
    co.send(1)
except TypeError as e:
    print('TypeError', e)
try:
    co.send(None)
except StopIteration as e:
    print('StopIteration', e.value)
try:
    co.send(None)
except RuntimeError as e:
    print('RuntimeError', e)
co2 = c()
co2.close()
try:
    co2.send(None)
except RuntimeError as e:
    print('RuntimeError', e)
co3 = c()
try:
    co3.throw(ValueError('into fresh coro'))
except ValueError as e:
    print('ValueError', e)
print(co3.cr_frame, co3.cr_running)
