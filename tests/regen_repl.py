#!/usr/bin/env python3
"""Regenerate tests/repl/*.out: the stdout of CPython 3.11 running each session.

X.in is fed on stdin to `python3 -q -i` (prompts go to stderr, like pyco's), so X.out
is what the session printed. A session whose first line is `# regen: python3 -m
asyncio` uses top-level await; CPython's plain REPL has none, so it runs under
`python3 -m asyncio` instead, whose prompts (on stdout there) are stripped.
Usage: python3 tests/regen_repl.py
"""
import glob
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
for path in sorted(glob.glob(os.path.join(here, "repl", "*.in"))):
    with open(path, "rb") as f:
        text = f.read()
    if text.startswith(b"# regen: python3 -m asyncio"):
        p = subprocess.run([sys.executable, "-m", "asyncio"], input=text,
                           capture_output=True, timeout=60)
        # Prompts are written before each input line is read; output follows them.
        out = re.sub(rb"(?m)^(?:(?:>>>|\.\.\.) )+", b"", p.stdout)
        out = re.sub(rb"(?:(?:>>>|\.\.\.) )+$", b"", out)
    else:
        p = subprocess.run([sys.executable, "-q", "-i"], input=text,
                           capture_output=True, timeout=60)
        out = p.stdout
    assert p.returncode == 0, (path, p.returncode, p.stderr.decode()[-500:])
    with open(path[:-3] + ".out", "wb") as f:
        f.write(out)
    print("regenerated", os.path.relpath(path))
