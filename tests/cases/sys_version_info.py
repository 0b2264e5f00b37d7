# sys.version_info: compared with tuples, indexed, sliced, unpacked, printed.
import sys
v = sys.version_info
print(v >= (3, 8), v < (3, 12), (3, 8) <= v, v == (3, 11, 7, 'final', 0), v[:2], v[0], v.major, v.minor, v.micro, v.releaselevel, v.serial)
print(repr(v), type(v), len(v), list(v), 3 in v, v.count(3), v.index(11), v[-1], hash(v) == hash(tuple(v)))
print("%d.%d" % v[:2], "{}.{}".format(*v), v[:2] + (1,), max(v[:3]), sorted(v[:3]))
major, minor, *rest = v
print(major, minor, rest, v != (3, 10), v == v, v > (3,), v == [3, 11])

from sys import version_info
print(sys.version_info is version_info)
