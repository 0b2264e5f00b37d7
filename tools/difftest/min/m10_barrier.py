import asyncio
print(asyncio.Barrier)
