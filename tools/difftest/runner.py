#!/usr/bin/env python3
"""Differential runner: run .py files under CPython (oracle) and pyco, compare.

Compared: stdout, exit code, last non-empty stderr line.
Usage: runner.py [-q] [-j N] [--retries N] [--summary FILE] file.py [file.py ...]
Exit code 0 if all match, 1 otherwise.

--retries N: a program that differs is run again, alone, up to N times, and counts as
diverged only if it differs every time. For programs that race real-time sleeps a few
milliseconds apart (the asyncio generator's): on a loaded machine (two parallel jobs
beside a build) a timer can fire late enough to reorder two lines. A real divergence
is deterministic and fails every attempt.
"""
import argparse, difflib, json, os, subprocess, sys
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
# The interpreter under test: $PYCO, else the release build of this checkout.
PYCO = os.environ.get("PYCO", os.path.join(HERE, "..", "..", "target", "release", "pyco"))
CPY = "python3"
TIMEOUT = 10


def run(cmd, path):
    try:
        p = subprocess.run(cmd + [path], capture_output=True, timeout=TIMEOUT,
                           stdin=subprocess.DEVNULL)
        out = p.stdout.decode("utf-8", "replace")
        err = p.stderr.decode("utf-8", "replace")
        rc = p.returncode
    except subprocess.TimeoutExpired as e:
        out = (e.stdout or b"").decode("utf-8", "replace")
        err = "<TIMEOUT>"
        rc = "TIMEOUT"
    lines = [l for l in err.splitlines() if l.strip()]
    last = lines[-1] if lines else ""
    return {"stdout": out, "rc": rc, "err_last": last, "stderr": err}


def compare(path):
    a = run([CPY], path)
    b = run([PYCO], path)
    ok = (a["stdout"] == b["stdout"] and a["rc"] == b["rc"]
          and a["err_last"] == b["err_last"])
    return path, ok, a, b


def report(path, a, b):
    s = [f"=== MISMATCH: {path}"]
    if a["rc"] != b["rc"]:
        s.append(f"exit code: cpython={a['rc']} pyco={b['rc']}")
    if a["err_last"] != b["err_last"]:
        s.append(f"stderr last line:\n  cpython: {a['err_last']}\n  pyco:    {b['err_last']}")
    if a["stdout"] != b["stdout"]:
        s.extend(l.rstrip("\n") for l in difflib.unified_diff(
            a["stdout"].splitlines(True), b["stdout"].splitlines(True),
            "cpython", "pyco", n=2))
    return "\n".join(s)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("files", nargs="+")
    ap.add_argument("-q", action="store_true", help="only print mismatches")
    ap.add_argument("-j", type=int, default=2)
    ap.add_argument("--retries", type=int, default=0,
                    help="run a differing program again up to N times, alone")
    ap.add_argument("--summary", help="write JSON summary here")
    ns = ap.parse_args()
    bad = []
    differing = []
    with ThreadPoolExecutor(ns.j) as ex:
        for path, ok, a, b in ex.map(compare, ns.files):
            if ok:
                if not ns.q:
                    print(f"ok   {path}")
            else:
                differing.append((path, a, b))
    for path, a, b in differing:
        for attempt in range(ns.retries):
            if compare(path)[1]:
                print(f"agreed on retry {attempt + 1} (timing under load): {path}")
                break
        else:
            bad.append(path)
            print(report(path, a, b))
        sys.stdout.flush()
    print(f"\n{len(ns.files)} run, {len(bad)} diverged")
    if ns.summary:
        with open(ns.summary, "w") as f:
            json.dump({"total": len(ns.files), "bad": bad}, f, indent=1)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
