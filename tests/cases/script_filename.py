# The main script's file name is absolute (CPython 3.11 joins a relative path to the
# working directory); tests/cli.rs checks the relative-path case.
import sys


def f():
    return f.__code__.co_filename


print(f() == __file__, __file__.startswith("/"), __file__.endswith("script_filename.py"))
print(sys.argv[0] == __file__)
