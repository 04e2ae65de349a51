"""Measure the batch on Dask against the local pool, on the same cores, in one run.

    python benchmarks/dask_throughput.py                  # 300 files, 2 workers, median of 3
    python benchmarks/dask_throughput.py --count 300 --workers 2 --repeat 5 --no-cold

It generates the synthetic corpus into ``benchmarks/out/`` with ``make_corpus.py`` (no real
resume is copied in), then times, each in a fresh interpreter and interleaved so that load from
elsewhere hits every kind of run alike:

(a) ``pool``: ``run_batch(jobs=W)``, the local pool (pipeline load and head start included);
(b) ``dask cold``: ``run_batch(scheduler="local", jobs=W)``, starting a LocalCluster of W worker
    processes (loopback only), loading the stages in each, scoring, closing it;
(c) ``dask warm``: the same cluster already running with its stages loaded (as a long-lived
    cluster is), timing only ``run_batch(client=...)`` on the corpus; and the same with 1 worker,
    for the scaling figure.

The overhead target (<= 10% at 300 files) is on (c) against (a); the scaling target (>= 1.8x) is
1 against W warm workers. The per-core throughput of (c) is what the README's capacity estimate
uses. CPU seconds are printed too, per file, for this process and every process it started
(nannies and workers included): steadier than wall-clock on a shared machine. Every figure is
the median of ``--repeat`` runs, with the load average seen before each.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import build  # noqa: E402  (a sibling script, not a package)

from resume_fit.batch import run_batch  # noqa: E402
from resume_fit.batch.discover import discover  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
WARM_UP_FILES = 12


def corpus(count: int, seed: int = 7) -> Path:
    """The generated folder of ``count`` resumes (synthetic only), built on first use."""
    folder = OUT / f"corpus-{count}-seed{seed}"
    if not folder.exists() or len(discover([folder]).files) != count:
        build(folder, count, seed=seed, real=None)
    return folder


def _cpu_seconds() -> float:
    """CPU seconds of this process and of every process it started, living or finished.

    The living ones matter for Dask: the nannies and their workers are still running when a
    measurement ends (``RUSAGE_CHILDREN`` counts only reaped children).
    """
    import psutil  # comes with distributed

    own = resource.getrusage(resource.RUSAGE_SELF)
    reaped = resource.getrusage(resource.RUSAGE_CHILDREN)
    total = own.ru_utime + own.ru_stime + reaped.ru_utime + reaped.ru_stime
    for child in psutil.Process().children(recursive=True):
        try:
            times = child.cpu_times()
        except psutil.Error:  # ended meanwhile: counted in RUSAGE_CHILDREN once reaped
            continue
        total += times.user + times.system
    return total


def pool(folder: Path, workers: int) -> dict[str, Any]:
    """The local pool, from a cold start (the pipeline load in the parent is timed)."""
    load = os.getloadavg()[0]
    cpu = _cpu_seconds()
    started = time.monotonic()
    result = run_batch([folder], jobs=workers, progress=False)
    return {
        "seconds": time.monotonic() - started,
        "cpu": _cpu_seconds() - cpu,
        "load": load,
        "files": result.stats.files,
        "failed": result.stats.failed,
        "warm_up": result.stats.warm_up_seconds,
    }


def dask_cold(folder: Path, workers: int) -> dict[str, Any]:
    """``--scheduler local``: cluster start, stage loads, scoring and shutdown all timed."""
    load = os.getloadavg()[0]
    cpu = _cpu_seconds()
    started = time.monotonic()
    result = run_batch([folder], jobs=workers, scheduler="local", progress=False)
    return {
        "seconds": time.monotonic() - started,
        "cpu": _cpu_seconds() - cpu,
        "load": load,
        "files": result.stats.files,
        "failed": result.stats.failed,
        "rss": result.stats.peak_worker_rss_mb,
    }


def dask_warm(folder: Path, workers: int, warm_up: Path) -> dict[str, Any]:
    """A running cluster whose workers have loaded the stages: only the batch is timed."""
    from resume_fit.dask.cluster import connect

    connection = connect("local", workers)
    try:
        run_batch([warm_up], client=connection.client, progress=False)
        load = os.getloadavg()[0]
        cpu = _cpu_seconds()
        started = time.monotonic()
        result = run_batch([folder], client=connection.client, progress=False)
        seconds = time.monotonic() - started
        cpu = _cpu_seconds() - cpu
    finally:
        connection.close()
    return {
        "seconds": seconds,
        "cpu": cpu,
        "load": load,
        "files": result.stats.files,
        "failed": result.stats.failed,
        "rss": result.stats.peak_worker_rss_mb,
    }


def _fresh(function: Any, *args: Any, tries: int = 3) -> dict[str, Any]:
    """Run one measurement in a new interpreter (nothing loaded by an earlier run helps it).

    A run whose interpreter ends without a result (killed from outside: the machine is shared)
    is started again, up to ``tries`` times in all, rather than waited for forever.
    """
    context = multiprocessing.get_context("spawn")
    for _ in range(tries):
        results = context.SimpleQueue()
        process = context.Process(target=_run_into, args=(results, function, args))
        process.start()
        while results.empty() and process.is_alive():
            time.sleep(0.2)
        if not results.empty():
            result: dict[str, Any] = results.get()
            process.join()
            return result
        process.join()
        print(f"{function.__name__}: the run ended without a result (exit code "
              f"{process.exitcode}); trying again", file=sys.stderr, flush=True)  # fmt: skip
    raise RuntimeError(f"{function.__name__}: no result after {tries} tries")


def _run_into(results: Any, function: Any, args: tuple[Any, ...]) -> None:
    results.put(function(*args))


def _median(runs: list[dict[str, Any]], field: str) -> float:
    return float(statistics.median(run[field] for run in runs))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=300, help="files in the corpus")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--repeat", type=int, default=3, help="report the median of this many")
    parser.add_argument("--no-cold", action="store_true", help="skip the --scheduler local run")
    args = parser.parse_args()

    folder = corpus(args.count)
    warm_up = corpus(WARM_UP_FILES, seed=11)
    for path in discover([folder]).files:
        Path(path).read_bytes()  # the page cache equally warm for every run
    kinds = ["pool", "warm", "one"] + ([] if args.no_cold else ["cold"])
    runs: dict[str, list[dict[str, Any]]] = {kind: [] for kind in kinds}
    for round_ in range(args.repeat):
        runs["pool"].append(_fresh(pool, folder, args.workers))
        runs["warm"].append(_fresh(dask_warm, folder, args.workers, warm_up))
        runs["one"].append(_fresh(dask_warm, folder, 1, warm_up))
        if not args.no_cold:
            runs["cold"].append(_fresh(dask_cold, folder, args.workers))
        print(
            f"round {round_ + 1}: "
            + ", ".join(
                f"{kind} {runs[kind][-1]['seconds']:.1f} s / {runs[kind][-1]['cpu']:.1f} cpu-s "
                f"(load {runs[kind][-1]['load']:.1f})"
                for kind in kinds
            ),
            flush=True,
        )
    med = {
        kind: {f: _median(found, f) for f in ("seconds", "cpu", "load")}
        for kind, found in runs.items()
    }
    local, warm, one = med["pool"], med["warm"], med["one"]
    n = runs["pool"][0]["files"]
    w = args.workers
    loads = [run["load"] for found in runs.values() for run in found]
    print(
        f"\nMachine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()}; {n} files, {runs['pool'][0]['failed']} failed; "
        f"median of {args.repeat} runs each\n"
    )
    print(
        f"Load average (1 min) before the runs: median {statistics.median(loads):.2f}, "
        f"from {min(loads):.2f} to {max(loads):.2f}\n"
    )
    print("| Measure | Value | Target |")
    print("|---|---:|---|")
    print(f"| local pool, {w} processes (cold: load included) | {local['seconds']:.1f} s "
          f"({n / local['seconds']:.1f} files/s) | |")  # fmt: skip
    print(f"| Dask, {w} workers, running cluster, stages loaded | {warm['seconds']:.1f} s "
          f"({n / warm['seconds']:.1f} files/s) | |")  # fmt: skip
    overhead = warm["seconds"] / local["seconds"] - 1
    print(f"| Dask overhead vs the local pool (wall) | {100 * overhead:+.1f}% | <= 10% |")
    print(
        f"| CPU seconds per file, pool vs Dask ({w} workers) | {local['cpu'] / n:.3f} vs "
        f"{warm['cpu'] / n:.3f} ({warm['cpu'] / local['cpu'] - 1:+.1%}) | |"
    )
    print(f"| CPU seconds per file, Dask 1 worker | {one['cpu'] / n:.3f} | |")
    print(f"| Dask, 1 worker, running cluster | {one['seconds']:.1f} s | |")
    print(f"| Scaling 1 -> {w} Dask workers | {one['seconds'] / warm['seconds']:.2f}x | >= 1.8x |")
    if "cold" in med:
        print(f"| Dask cold (`--scheduler local`: cluster start, loads, shutdown) | "
              f"{med['cold']['seconds']:.1f} s | |")  # fmt: skip
    rss = max(run["rss"] for run in runs["warm"])
    print(f"| Peak RSS per Dask worker | {rss:.0f} MiB | |")
    per_core = n / warm["seconds"] / w
    print(f"| Throughput per core (Dask, warm, wall) | {per_core:.1f} files/s | |")
    print(f"| Throughput per CPU-second (Dask, warm) | {n / warm['cpu']:.1f} files | |")
    core_hours = 10_000_000 / per_core / 3600
    cpu_hours = 10_000_000 * warm["cpu"] / n / 3600
    print(f"| 10 million resumes: core-hours at the wall rate, CPU-hours | "
          f"{core_hours:,.0f}, {cpu_hours:,.0f} | |")  # fmt: skip


if __name__ == "__main__":
    main()
