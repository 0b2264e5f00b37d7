#!/usr/bin/env python3
"""Regenerate tests/cases/*.out and *.err by running CPython 3.11 (the oracle).

For X.py: X.out is stdout; X.err (only when the exit status is not 0) holds the exit
status on line 1 and the last non-empty stderr line on line 2.
Usage: python3 tests/regen.py
"""
import glob
import os
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
for path in sorted(glob.glob(os.path.join(here, "cases", "*.py")) + glob.glob(os.path.join(here, "..", "examples", "*.py"))):
    p = subprocess.run([sys.executable, path], capture_output=True, timeout=60)
    base = path[:-3]
    with open(base + ".out", "wb") as f:
        f.write(p.stdout)
    err = base + ".err"
    if p.returncode != 0:
        lines = [l for l in p.stderr.decode().splitlines() if l.strip()]
        with open(err, "w") as f:
            f.write(f"{p.returncode}\n{lines[-1] if lines else ''}\n")
    elif os.path.exists(err):
        os.remove(err)
    print("regenerated", os.path.relpath(path))
