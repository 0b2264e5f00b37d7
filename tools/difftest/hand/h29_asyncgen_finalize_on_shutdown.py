import asyncio
async def ag():
    try:
        yield 1
        yield 2
    finally:
        print('ag finalizer ran')
async def main():
    g = ag()
    print(await g.__anext__())
    print('main returns without closing')
    global keep
    keep = g
asyncio.run(main())
print('after run')
