# str.encode and bytes.decode with their codecs and error handlers, str.maketrans and
# translate, and the order and wording of argument errors in str and list methods.
for s, e in [('é', 'ascii'), ('€', 'latin-1'), ('x', 'UTF_8'), ('x', 'Latin1'), ('x', 'utf8'), ('😀', 'ascii'), ('aé', 'nope')]:
    try:
        print(s.encode(e))
    except Exception as ex:
        print(type(ex).__name__, ex)
print('aé'.encode('ascii', 'ignore'), 'aé'.encode('ascii', 'replace'), 'aé'.encode(errors='replace', encoding='ascii'))
for call in [lambda: 'aé'.encode('ascii', 'bogus'), lambda: 'a'.encode('ascii', 'bogus'), lambda: b'\xff'.decode(),
             lambda: b'\xff'.decode('ascii'), lambda: b'a\xe9'.decode(), lambda: b'a\xe9\x80'.decode(), lambda: b'\xe9a'.decode(),
             lambda: b'\xf0\x9f\x98'.decode(), lambda: 'x'.encode(1), lambda: b'x'.decode(None)]:
    try:
        print(repr(call()))
    except Exception as ex:
        print(type(ex).__name__, ex)
print(b'\xe9'.decode('latin-1'), b'a\xffb'.decode('utf-8', 'replace'), b'a\xffb'.decode('ascii', 'ignore'), b'\xe2\x82'.decode('utf-8', 'replace'))
print('héllo'.encode(), 'héllo'.encode('utf-8').decode('utf-8'), len('日本'.encode()))
print(str.maketrans({'a': 'b', 98: None}), 'abc'.translate(str.maketrans('ab', 'xy', 'c')))
for call in [lambda: str.maketrans({'ab': 1}), lambda: str.maketrans({1.5: 1}), lambda: str.maketrans('ab', 'x'), lambda: str.maketrans('a'),
             lambda: 'abc'.translate({97: 1.5}), lambda: 'abc'.translate(10), lambda: 'abc'.find('b', 'x'), lambda: [1].index(1, None),
             lambda: 'a b'.split(None, None), lambda: [].pop('x'), lambda: 'ab'.splitlines(1.5), lambda: ','.join(5)]:
    try:
        print(repr(call()))
    except Exception as ex:
        print(type(ex).__name__, ex)
print('a\nb'.splitlines(True), 'a,b,c'.split(',', 1), 'abcb'.find('b', 2), 'abcb'.count('b', -2, None), [1, 2, 1].index(1, 1))
for call in [lambda: 'x'.lstrip(2), lambda: 'x'.rstrip(1.5), lambda: 'x'.ljust(3, 1), lambda: 'x'.center(3, 'ab'),
             lambda: 'x'.replace(None, 'y'), lambda: 'x'.removeprefix(None), lambda: 'x'.find(None)]:
    try:
        print(repr(call()))
    except Exception as ex:
        print(type(ex).__name__, ex)
print((10).bit_count(), (-7).bit_count(), (2**70 + 1).bit_count(), (6).as_integer_ratio(), True.as_integer_ratio())
print(True.conjugate(), (5).conjugate(), (2.5).conjugate())
