raise ModuleNotFoundError("No module named 'asyncio' (pyco: the event loop is not built yet)")
