#!/usr/bin/env python3
"""Time pyco against python3 on the programs in bench/programs (or the ones named).

Each program runs -n times under each interpreter, alternating; the table shows the
best wall time, the ratio pyco/python3 (below 1.0: pyco is faster), peak RSS, and
whether the outputs are identical. The last line is the geometric mean of the ratios.
Usage: python3 bench/run.py [-n 3] [--pyco target/release/pyco] [names...]
Without python3 3.11 on the PATH, only pyco's times are shown.
"""
import argparse
import math
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
GNU_TIME = "/usr/bin/time"


def run_child(cmd):
    """Wall time, peak RSS in MiB (this child's own rusage) and stdout of one run.

    A child of this script inherits its resident pages as a floor under its peak RSS
    (Linux carries the old image's high-water mark across exec), so where GNU time is
    installed the program runs under it, a small process, which reports the peak.
    """
    rss_file = None
    if os.access(GNU_TIME, os.X_OK):
        fd, rss_file = tempfile.mkstemp()
        os.close(fd)
        cmd = [GNU_TIME, "-f", "%M", "-o", rss_file] + cmd
    r, w = os.pipe()
    devnull = os.open(os.devnull, os.O_WRONLY)
    actions = [(os.POSIX_SPAWN_DUP2, w, 1), (os.POSIX_SPAWN_DUP2, devnull, 2),
               (os.POSIX_SPAWN_CLOSE, r)]
    start = time.perf_counter()
    pid = os.posix_spawnp(cmd[0], cmd, os.environ, file_actions=actions)
    os.close(w)
    os.close(devnull)
    chunks = []
    while True:
        chunk = os.read(r, 1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
    os.close(r)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        sys.exit(f"{' '.join(cmd)} failed (status {status})")
    rss_kib = usage.ru_maxrss
    if rss_file:
        with open(rss_file) as f:
            rss_kib = int(f.read().split()[-1])
        os.remove(rss_file)
    return wall, rss_kib / 1024, b"".join(chunks)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-n", type=int, default=3, help="runs per interpreter (best is kept)")
    ap.add_argument("--pyco", default=os.path.join(HERE, "..", "target", "release", "pyco"))
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    programs = sorted(f[:-3] for f in os.listdir(os.path.join(HERE, "programs")) if f.endswith(".py"))
    if args.names:
        programs = [p for p in programs if p in args.names]
    python = shutil.which("python3")
    if python:
        v = subprocess.run([python, "-c", "import sys; print(sys.version_info[:2] == (3, 11))"],
                           capture_output=True, text=True).stdout.strip()
        if v != "True":
            python = None
    print(f"{'benchmark':<16} {'python3 s':>9} {'pyco s':>8} {'ratio':>6} {'py MiB':>7} {'pyco MiB':>8}  output")
    ratios = []
    for name in programs:
        path = os.path.join(HERE, "programs", name + ".py")
        best = {"py": (math.inf, 0, b""), "pyco": (math.inf, 0, b"")}
        for _ in range(args.n):
            for who, cmd in (("pyco", [args.pyco, path]), ("py", [python, path])):
                if who == "py" and not python:
                    continue
                wall, rss, out = run_child(cmd)
                t, r, _ = best[who]
                best[who] = (min(t, wall), max(r, rss), out)
        pt, pr, pout = best["pyco"]
        if python:
            ct, cr, cout = best["py"]
            ratio = pt / ct
            ratios.append(ratio)
            same = "same" if pout == cout else "DIFFERENT"
            print(f"{name:<16} {ct:>9.3f} {pt:>8.3f} {ratio:>6.2f} {cr:>7.1f} {pr:>8.1f}  {same}")
        else:
            print(f"{name:<16} {'-':>9} {pt:>8.3f} {'-':>6} {'-':>7} {pr:>8.1f}")
    if ratios:
        geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
        print(f"geomean ratio {geo:.2f} over {len(ratios)} programs")


if __name__ == "__main__":
    main()
