import asyncio
async def level3():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print('level3 cancelled', repr(e))
        raise
    finally:
        print('level3 finally')
async def level2():
    try:
        await level3()
    finally:
        print('level2 finally')
async def main():
    try:
        async with asyncio.timeout(0.03) as cm:
            await level2()
    except TimeoutError as e:
        print('timeout', repr(e), repr(e.__context__), type(e.__cause__))
        print('expired', cm.expired(), 'when set', cm.when() is not None)
    print('task cancelling', asyncio.current_task().cancelling())
asyncio.run(main())
