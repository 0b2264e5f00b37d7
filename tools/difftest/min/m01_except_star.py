try:
    raise ValueError(1)
except* ValueError as eg:
    print("caught", repr(eg))
