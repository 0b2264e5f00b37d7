#!/usr/bin/env python3
"""Memory soak tests, run on demand (never in `cargo test`).

usage: python3 soak/run.py INTERPRETER

For each soak program, runs the small and the large size and reports each run's peak
RSS. Passes when the large run's
peak stays within the allowed growth of the small run's.
"""
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# (program, small N, large N, allowed growth in MiB)
SOAKS = [
    ("tasks.py", 10_000, 1_000_000, 20),
    ("tasks_self.py", 10_000, 1_000_000, 10),
    ("cycles.py", 10_000, 1_000_000, 10),
]


# Each run goes through its own wrapper process, so its peak is its own.
WRAPPER = (
    "import resource, subprocess, sys; "
    "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
)


def peak_mib(cmd):
    out = subprocess.run([sys.executable, "-c", WRAPPER] + cmd, check=True,
                         capture_output=True, text=True).stdout
    return int(out.strip()) / 1024


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    interp = sys.argv[1]
    failed = 0
    for prog, small, large, allowed in SOAKS:
        path = os.path.join(HERE, prog)
        small_peak = peak_mib([interp, path, str(small)])
        large_peak = peak_mib([interp, path, str(large)])
        ok = large_peak - small_peak <= allowed
        failed += not ok
        print(f"{prog}: N={small}: {small_peak:.1f} MiB, N={large}: {large_peak:.1f} MiB, "
              f"growth {large_peak - small_peak:.1f} MiB (allowed {allowed}) "
              f"{'ok' if ok else 'FAILED'}")
    sys.exit(1 if failed else 0)


main()
