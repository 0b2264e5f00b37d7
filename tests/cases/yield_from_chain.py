# A yield-from chain resumed, thrown into and closed; tests/deep_chain.rs runs it 100,000 deep.
import sys
DEPTH = int(sys.argv[1]) if len(sys.argv) > 1 else 100
sys.setrecursionlimit(200000)
def leaf():
    try:
        x = yield "leaf"
        while True:
            x = yield x * 2
    finally:
        print("leaf closed")
def chain(n):
    if n == 0:
        return (yield from leaf())
    return (yield from chain(n - 1))
g = chain(DEPTH)
print(next(g))
print(g.send(21))
try:
    g.throw(ValueError("boom"))
except ValueError as e:
    print("propagated", e)
g2 = chain(DEPTH)
next(g2)
g2.close()
print("closed", g2.gi_frame is None)
