import asyncio
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    out = []
    def cb(tag, fut):
        out.append((tag, fut.result()))
    f.add_done_callback((lambda fut, _t='a': cb(_t, fut)))
    f.add_done_callback((lambda fut, _t='b': cb(_t, fut)))
    c = (lambda fut, _t='c': cb(_t, fut))
    f.add_done_callback(c)
    print('removed', f.remove_done_callback(c))
    f.set_result(1)
    print('immediately', out)
    await asyncio.sleep(0)
    print('after tick', out)
    f.add_done_callback((lambda fut, _t='late': cb(_t, fut)))
    await asyncio.sleep(0)
    print(out)
    try:
        f.set_result(2)
    except asyncio.InvalidStateError as e:
        print('ISE', e)
    g = loop.create_future()
    try:
        g.result()
    except asyncio.InvalidStateError as e:
        print('ISE2', e)
    try:
        g.exception()
    except asyncio.InvalidStateError as e:
        print('ISE3', e)
    try:
        g.set_exception(StopIteration())
    except TypeError as e:
        print('TypeError', e)
asyncio.run(main())
