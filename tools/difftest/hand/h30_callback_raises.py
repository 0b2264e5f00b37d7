import asyncio
def bad():
    raise ValueError('in callback')
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad)
    await asyncio.sleep(0.01)
    print('loop survived')
    def handler(loop, ctx):
        print('handler', ctx['message'], repr(ctx.get('exception')))
    loop.set_exception_handler(handler)
    loop.call_soon(bad)
    await asyncio.sleep(0.01)
    print('end')
asyncio.run(main())
