#!/usr/bin/env python3
"""Memory soak tests, run on demand (never in `cargo test`).

usage: python3 soak/run.py INTERPRETER

For each soak program, runs the small and the large size one after the other and
reports peak RSS (ru_maxrss of the finished children). Passes when the large run's
peak stays within the allowed growth of the small run's.
"""
import os
import resource
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# (program, small N, large N, allowed growth in MiB)
SOAKS = [
    ("tasks.py", 10_000, 1_000_000, 20),
]


def peak_mib():
    return resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    interp = sys.argv[1]
    failed = 0
    for prog, small, large, allowed in SOAKS:
        path = os.path.join(HERE, prog)
        subprocess.run([interp, path, str(small)], check=True, stdout=subprocess.DEVNULL)
        small_peak = peak_mib()
        subprocess.run([interp, path, str(large)], check=True, stdout=subprocess.DEVNULL)
        large_peak = peak_mib()
        ok = large_peak - small_peak <= allowed
        failed += not ok
        print(f"{prog}: N={small}: {small_peak:.1f} MiB, N={large}: {large_peak:.1f} MiB, "
              f"growth {large_peak - small_peak:.1f} MiB (allowed {allowed}) "
              f"{'ok' if ok else 'FAILED'}")
    sys.exit(1 if failed else 0)


main()
