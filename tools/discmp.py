#!/usr/bin/env python3
"""Compare pyco's opname sequences with CPython 3.11's, code object by code object.

Usage: python3 tools/discmp.py [PYCO] [FILE...]
Defaults: target/release/pyco over tests/cases, tests/dis, examples and
tools/difftest/hand. EXTENDED_ARG is ignored: pyco has no inline CACHE entries, so its
offsets (and so its need for EXTENDED_ARG) are smaller. Prints how many code objects
differ and, per kind of difference, how often and a first example.
"""
import collections
import difflib
import glob
import re
import subprocess
import sys


def opnames(text):
    out, name, ops = [], "<module>", []
    for line in text.splitlines():
        m = re.match(r"Disassembly of <code object (\S+) at", line)
        if m:
            out.append((name, ops))
            name, ops = m.group(1), []
            continue
        m = re.match(r"^\s*(\d+)?\s+(>>)?\s*\d+ ([A-Z_]+)", line)
        if m and m.group(3) != "EXTENDED_ARG":
            ops.append(m.group(3))
    out.append((name, ops))
    return out


def main():
    args = sys.argv[1:]
    pyco = args.pop(0) if args and not args[0].endswith(".py") else "target/release/pyco"
    files = args or sorted(
        glob.glob("tests/cases/*.py") + glob.glob("tests/dis/*.py")
        + glob.glob("examples/*.py") + glob.glob("tools/difftest/hand/*.py"))
    differ = total = 0
    kinds = collections.Counter()
    first = {}
    for f in files:
        a = subprocess.run([sys.executable, "-m", "dis", f], capture_output=True, text=True)
        b = subprocess.run([pyco, "-m", "dis", f], capture_output=True, text=True)
        if a.returncode or b.returncode:
            print(f"skipped {f}: dis failed under {'python3' if a.returncode else 'pyco'}")
            continue
        A, B = opnames(a.stdout), opnames(b.stdout)
        if [n for n, _ in A] != [n for n, _ in B]:
            print(f"{f}: different code objects {[n for n, _ in A]} vs {[n for n, _ in B]}")
        for (name, ours), (_, theirs) in zip(A, B):
            total += 1
            if ours == theirs:
                continue
            differ += 1
            sm = difflib.SequenceMatcher(a=ours, b=theirs)
            for tag, i1, i2, j1, j2 in sm.get_opcodes():
                if tag != "equal":
                    k = (tag, " ".join(ours[i1:i2][:3]), " ".join(theirs[j1:j2][:3]))
                    kinds[k] += 1
                    first.setdefault(k, f"{f}:{name}")
                    break
    print(differ, "of", total, "code objects differ")
    for k, c in kinds.most_common(25):
        print(c, "python3 vs pyco:", k, first[k])
    sys.exit(1 if differ else 0)


if __name__ == "__main__":
    main()
