"""Time ``load_pipeline()`` in fresh interpreters: CPU seconds, median of several runs.

    python benchmarks/load_speed.py                         # this interpreter, 7 runs
    python benchmarks/load_speed.py --runs 7 --python A --python B

Each run is a new process that imports ``resume_fit.extract`` (and so spaCy) first, then times
only ``load_pipeline()`` with ``time.process_time`` (CPU time leaves out what other processes take
on a busy machine). With several ``--python`` interpreters (say, one per checkout) the runs
alternate between them, so that a change in machine load hits both alike. Each line gives the
median and the minimum; the cores and load average are printed before and after. A
``StaleModelWarning`` is an error here: a stale model would time the in-memory build instead.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from machine import machine_line  # noqa: E402  (a sibling module, not a package)

_CHILD = """
import time, warnings
warnings.simplefilter("error")
from resume_fit.extract import load_pipeline
start = time.process_time()
load_pipeline()
print(time.process_time() - start)
"""


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print one line per interpreter; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--python", action="append", help="interpreter to time (repeatable)")
    args = parser.parse_args(argv)
    pythons = [os.path.abspath(p) for p in args.python or [sys.executable]]
    print(f"machine: {machine_line()}")
    times: dict[str, list[float]] = {p: [] for p in pythons}
    for _ in range(args.runs):
        for python in pythons:
            done = subprocess.run(
                [python, "-c", _CHILD], capture_output=True, text=True, cwd="/", check=False
            )
            if done.returncode != 0:
                print(f"{python}: failed\n{done.stderr}", file=sys.stderr)
                return 1
            times[python].append(float(done.stdout.strip()))
    for python, runs in times.items():
        shown = " ".join(f"{t:.3f}" for t in runs)
        print(
            f"{python}: load_pipeline CPU median {statistics.median(runs):.3f} s,"
            f" min {min(runs):.3f} s  ({shown})"
        )
    print(f"machine: {machine_line()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
