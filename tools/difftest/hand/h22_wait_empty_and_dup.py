import asyncio
async def main():
    try:
        await asyncio.wait([])
    except ValueError as e:
        print('ValueError', e)
    try:
        await asyncio.wait([asyncio.sleep(0)])
    except TypeError as e:
        print('TypeError', e)
    print(await asyncio.gather())
    f = asyncio.ensure_future(asyncio.sleep(0.01, 'v'))
    print(await asyncio.gather(f, f))
    done, pend = await asyncio.wait([f], timeout=0)
    print(len(done), len(pend))
asyncio.run(main())
