import asyncio
try:
    asyncio.current_task()
except RuntimeError as e:
    print('RuntimeError', e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('RuntimeError', e)
async def main():
    t = asyncio.current_task()
    print(t.get_name(), repr(t.get_coro())[:20])
    print(len(asyncio.all_tasks()))
asyncio.run(main())
