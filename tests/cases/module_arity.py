# Module functions count their arguments as CPython's do (C functions by how they are
# declared, Python ones from their parameters), and inspect's predicates see through
# bound methods.
import asyncio, inspect, math, random, sys, types
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2), math.isclose(0, 1e-12, abs_tol=1e-9), math.isclose(0, 1e-12))
print(math.isclose(float("inf"), float("inf")), math.isclose(float("inf"), 1e308))
print(math.prod([1, 2, 3]), math.prod([2, 3], start=10), math.prod([]))
for call in [lambda: math.isclose(1, -1, rel_tol=-1), lambda: math.log(), lambda: math.prod(), lambda: random.randint(1),
             lambda: random.choice(), lambda: random.seed(1, 2, 3), lambda: inspect.isgenerator(), lambda: inspect.isawaitable(1, 2),
             lambda: sys.setrecursionlimit(), lambda: math.sqrt(1, 2), lambda: types.coroutine(), lambda: random.random(1),
             lambda: random.shuffle([], 1), lambda: sys.getrecursionlimit(1), lambda: math.atan2(1)]:
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
class A:
    async def m(self): pass
    def g(self): yield 1
    @staticmethod
    async def s(): pass
a = A()
print(inspect.iscoroutinefunction(a.m), inspect.iscoroutinefunction(A.m), inspect.iscoroutinefunction(A.s))
print(inspect.isgeneratorfunction(a.g), inspect.isgeneratorfunction(len), inspect.iscoroutinefunction(lambda: 0))
c = a.m()
print(asyncio.iscoroutinefunction(a.m), asyncio.iscoroutine(c))
c.close()
async def ag():
    yield 1
print(inspect.isasyncgenfunction(ag), inspect.isasyncgen(ag()), inspect.isawaitable(c), inspect.isawaitable(1))
async def main():
    fut = asyncio.get_running_loop().create_future()
    t = asyncio.create_task(asyncio.sleep(0))
    print(inspect.isawaitable(fut), inspect.isawaitable(t))
    await t
asyncio.run(main())
