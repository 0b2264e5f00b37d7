# sys.version_info. CPython's is a struct sequence (a tuple subclass with named
# fields); pyco has no tuple subclasses, so this class indexes, slices, iterates,
# compares, hashes and prints as that tuple does. (isinstance(v, tuple) is False.)


class version_info:
    def __init__(self, major, minor, micro, releaselevel, serial):
        self._t = (major, minor, micro, releaselevel, serial)

    major = property(lambda self: self._t[0])
    minor = property(lambda self: self._t[1])
    micro = property(lambda self: self._t[2])
    releaselevel = property(lambda self: self._t[3])
    serial = property(lambda self: self._t[4])

    def __repr__(self):
        return ('sys.version_info(major=%r, minor=%r, micro=%r, releaselevel=%r, serial=%r)'
                % self._t)

    def __len__(self):
        return 5

    def __getitem__(self, i):
        return self._t[i]

    def __iter__(self):
        return iter(self._t)

    def __contains__(self, x):
        return x in self._t

    def __hash__(self):
        return hash(self._t)

    def __add__(self, other):
        return self._t + other

    def __radd__(self, other):
        return other + self._t

    def count(self, x):
        return self._t.count(x)

    def index(self, x):
        return self._t.index(x)

    def _other(self, other):
        if isinstance(other, _VersionInfo):
            return other._t
        if isinstance(other, tuple):
            return other
        return None

    def __eq__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._t == o

    def __ne__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._t != o

    def __lt__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._t < o

    def __le__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._t <= o

    def __gt__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._t > o

    def __ge__(self, other):
        o = self._other(other)
        return NotImplemented if o is None else self._t >= o


_VersionInfo = version_info
version_info = _VersionInfo(3, 11, 7, 'final', 0)
