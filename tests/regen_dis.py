#!/usr/bin/env python3
"""Record CPython 3.11's opname sequences for tests/dis/*.py into *.opnames.

Each line is `NAME: OPNAME OPNAME ...` for one code object, in `python3 -m dis` order
(CACHE entries are never shown by dis). tests/dis.rs compares `pyco -m dis` with them.
Usage: python3 tests/regen_dis.py
"""
import glob
import os
import re
import subprocess
import sys

def opnames(dis_text):
    out, name, ops = [], "<module>", []
    for line in dis_text.splitlines():
        m = re.match(r"Disassembly of <code object (\S+) at", line)
        if m:
            out.append(f"{name}: {' '.join(ops)}")
            name, ops = m.group(1), []
            continue
        m = re.match(r"^\s*(\d+)?\s+(>>)?\s*\d+ ([A-Z_]+)", line)
        if m:
            ops.append(m.group(3))
    out.append(f"{name}: {' '.join(ops)}")
    return "\n".join(out) + "\n"

here = os.path.dirname(os.path.abspath(__file__))
for path in sorted(glob.glob(os.path.join(here, "dis", "*.py"))):
    text = subprocess.run([sys.executable, "-m", "dis", path], capture_output=True, text=True, check=True).stdout
    with open(path[:-3] + ".opnames", "w") as f:
        f.write(opnames(text))
    print("recorded", os.path.relpath(path))
