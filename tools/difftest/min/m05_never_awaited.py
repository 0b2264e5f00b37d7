import asyncio
async def c():
    pass
c()
print("end")
