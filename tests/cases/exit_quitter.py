# exit and quit are site's Quitter objects: a repr that explains, a call that raises SystemExit.
print(repr(exit), str(quit), type(exit).__name__, callable(exit))
try:
    exit(5)
except SystemExit as e:
    print("exit", e.code)
quit("bye")
