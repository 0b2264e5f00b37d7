# Methods of built-in types called through the type (`str.split(s)`, `map(str.upper,
# xs)`): the first argument is the receiver, which must be given and be an instance
# of the type; classmethods and staticmethods (dict.fromkeys, str.maketrans) take none.
tests = [
    ("str.split()", lambda: str.split()),
    ("str.split(maxsplit=1)", lambda: str.split(maxsplit=1)),
    ("str.upper()", lambda: str.upper()),
    ("list.append()", lambda: list.append()),
    ("list.append([])", lambda: list.append([])),
    ("dict.get()", lambda: dict.get()),
    ("str.join(sep='x')", lambda: str.join(sep='x')),
    ("int.bit_length()", lambda: int.bit_length()),
    ("str.split('a b')", lambda: str.split('a b')),
    ("list.append(x=1)", lambda: list.append(x=1)),
    ("str.split(1)", lambda: str.split(1)),
    ("list.append((), 1)", lambda: list.append((), 1)),
    ("dict.fromkeys([1, 2])", lambda: dict.fromkeys([1, 2])),
    ("dict.fromkeys([1], 0)", lambda: dict.fromkeys([1], 0)),
    ("int.from_bytes(b'\\x01', 'big')", lambda: int.from_bytes(b'\x01', 'big')),
    ("bytes.fromhex('ff')", lambda: bytes.fromhex('ff')),
    ("str.maketrans('a', 'b')", lambda: str.maketrans('a', 'b')),
    ("float.fromhex('0x1p0')", lambda: float.fromhex('0x1p0')),
    ("int.bit_length(True)", lambda: int.bit_length(True)),
    ("float.is_integer(1)", lambda: float.is_integer(1)),
    ("dict.keys(1)", lambda: dict.keys(1)),
    ("set.add(set(), 1)", lambda: set.add(set(), 1)),
    ("list.sort([3, 1])", lambda: list.sort([3, 1])),
    ("str.format('{}-{}', 1, 2)", lambda: str.format('{}-{}', 1, 2)),
    ("bytes.hex('x')", lambda: bytes.hex('x')),
    ("tuple.count((1, 1), 1)", lambda: tuple.count((1, 1), 1)),
    ("str.join(',', 'ab')", lambda: str.join(',', 'ab')),
    ("sorted(['b', 'A'], key=str.lower)", lambda: sorted(['b', 'A'], key=str.lower)),
    ("list(map(str.strip, [' a ']))", lambda: list(map(str.strip, [' a ']))),
    ("dict.get({1: 2}, 1)", lambda: dict.get({1: 2}, 1)),
    ("dict.update({}, a=1)", lambda: dict.update({}, a=1)),
    ("bool.bit_length(True)", lambda: bool.bit_length(True)),
    ("str.count(s='a')", lambda: str.count(s='a')),
    # Methods that take any count check their receiver too (they panicked or ran
    # on the wrong type).
    ("set.union(frozenset(), [1])", lambda: set.union(frozenset(), [1])),
    ("frozenset.union(set(), [1])", lambda: frozenset.union(set(), [1])),
    ("set.union([1], [2])", lambda: set.union([1], [2])),
    ("set.union()", lambda: set.union()),
    ("set.update([], [1])", lambda: set.update([], [1])),
    ("set.intersection({1, 2}, [2], (2, 3))", lambda: set.intersection({1, 2}, [2], (2, 3))),
    ("frozenset.difference(frozenset({1, 2}), [2])", lambda: frozenset.difference(frozenset({1, 2}), [2])),
    ("{1}.union(x=1)", lambda: {1}.union(x=1)),
    ("str.format('{}-{}', 1, 2)", lambda: str.format('{}-{}', 1, 2)),
    ("str.format(1)", lambda: str.format(1)),
]
for src, f in tests:
    try:
        print(src, repr(f()))
    except Exception as e:
        print(src, type(e).__name__, e)
