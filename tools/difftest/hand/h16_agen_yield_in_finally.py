import asyncio
async def ag():
    try:
        yield 1
    finally:
        yield 'bad'
async def main():
    g = ag()
    await g.asend(None)
    try:
        await g.aclose()
    except RuntimeError as e:
        print('RuntimeError', e)
asyncio.run(main())
