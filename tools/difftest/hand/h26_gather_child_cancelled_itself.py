import asyncio
async def selfcancel():
    await asyncio.sleep(0)
    raise asyncio.CancelledError('self')
async def ok():
    await asyncio.sleep(0.01)
    return 'ok'
async def main():
    r = await asyncio.gather(selfcancel(), ok(), return_exceptions=True)
    print(repr(r))
    try:
        await asyncio.gather(selfcancel(), ok())
    except asyncio.CancelledError as e:
        print('gather raised', repr(e))
    await asyncio.sleep(0.02)
asyncio.run(main())
