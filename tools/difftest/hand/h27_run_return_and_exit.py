import asyncio, sys
async def main():
    await asyncio.sleep(0)
    return 'value'
print(asyncio.run(main()))
async def bad():
    raise SystemExit(3)
try:
    asyncio.run(bad())
except SystemExit as e:
    print('SystemExit', e.code)
async def nested():
    try:
        asyncio.run(main())
    except RuntimeError as e:
        print('RuntimeError', e)
    c = main()
    c.close()
asyncio.run(nested())
sys.exit(4)
