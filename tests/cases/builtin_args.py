# Built-in functions check their arguments in CPython's order and words: found by
# calling them with random arguments under both interpreters.
for call in [lambda: format(3, {'a': 1}), lambda: format('a', 2.5), lambda: format(2, None), lambda: format('abc', '0x1f'),
             lambda: str(b'ab', 1.5), lambda: str(1.5, ''), lambda: str('12', ''), lambda: str(b'caf\xc3\xa9', 'utf-8'),
             lambda: str(b'\xff', 'ascii', 'replace'), lambda: bytes('12'), lambda: bytes('ab', 'ascii'), lambda: bytes([1], 'ascii'),
             lambda: bytes(True), lambda: bytes(2.5), lambda: bytes(-1), lambda: iter(1, 2), lambda: hex('a'), lambda: oct(1.5),
             lambda: bin(True), lambda: int([1], -3), lambda: int('z', 36), lambda: enumerate(0, {1}), lambda: round(10**20, 10**20),
             lambda: round(2.5, 10**30), lambda: round(True, 1), lambda: sum(1.5, 'x'),
             lambda: sum([1.5], b'ab'), lambda: pow(1.5, 'a', 3), lambda: pow([], 1.5, 3), lambda: pow('a', 2, 3), lambda: pow(2, 10, 7)]:
    try:
        print(repr(call()))
    except Exception as ex:
        print(type(ex).__name__, ex)
