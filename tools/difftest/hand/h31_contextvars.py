import asyncio, contextvars
cv = contextvars.ContextVar('cv', default='dflt')
async def child(i):
    print('child sees', i, cv.get())
    cv.set(f'child{i}')
    await asyncio.sleep(0)
    print('child after', i, cv.get())
async def main():
    cv.set('main')
    await asyncio.gather(child(1), child(2))
    print('main sees', cv.get())
    ctx = contextvars.copy_context()
    cv.set('changed')
    print(ctx[cv], ctx.run(cv.get))
asyncio.run(main())
