#!/usr/bin/env python3
"""Run each program 3x under CPython; move nondeterministic ones to <dir>/flaky/."""
import os, subprocess, sys, shutil
from concurrent.futures import ThreadPoolExecutor

def sig(path):
    try:
        p = subprocess.run(["python3", path], capture_output=True, timeout=10)
    except subprocess.TimeoutExpired:
        return None
    err = [l for l in p.stderr.decode().splitlines() if l.strip()]
    return (p.stdout, p.returncode, err[-1] if err else "")

def check(path):
    sigs = [sig(path) for _ in range(3)]
    return path, (sigs[0] is not None and sigs.count(sigs[0]) == 3), sigs[0]

files = sys.argv[1:]
flaky = 0
with ThreadPoolExecutor(2) as ex:
    for path, ok, s in ex.map(check, files):
        if not ok:
            flaky += 1
            d = os.path.join(os.path.dirname(path), "flaky")
            os.makedirs(d, exist_ok=True)
            shutil.move(path, d)
            print("flaky", path)
print(f"{len(files)} checked, {flaky} flaky")
