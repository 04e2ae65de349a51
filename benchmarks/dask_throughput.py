"""Measure the batch on Dask against the local pool, on the same cores, in one run.

    python benchmarks/dask_throughput.py                  # 300 files, 2 workers, best of 1
    python benchmarks/dask_throughput.py --count 300 --workers 2 --repeat 3

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
uses. CPU seconds are printed too (steadier than wall-clock on a shared machine).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import platform
import resource
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
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _worker_cpu(client: Any) -> float:
    def cpu() -> float:
        usage = resource.getrusage(resource.RUSAGE_SELF)
        return usage.ru_utime + usage.ru_stime

    return sum(client.run(cpu).values())


def pool(folder: Path, workers: int) -> dict[str, Any]:
    """The local pool, from a cold start."""
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
    }


def dask_cold(folder: Path, workers: int) -> dict[str, Any]:
    """``--scheduler local``: cluster start, stage loads, scoring and shutdown all timed."""
    load = os.getloadavg()[0]
    started = time.monotonic()
    result = run_batch([folder], jobs=workers, scheduler="local", progress=False)
    return {
        "seconds": time.monotonic() - started,
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
        cpu = _cpu_seconds() + _worker_cpu(connection.client)
        started = time.monotonic()
        result = run_batch([folder], client=connection.client, progress=False)
        seconds = time.monotonic() - started
        cpu = _cpu_seconds() + _worker_cpu(connection.client) - cpu
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


def _fresh(function: Any, *args: Any) -> dict[str, Any]:
    """Run one measurement in a new interpreter (nothing loaded by an earlier run helps it)."""
    context = multiprocessing.get_context("spawn")
    results = context.SimpleQueue()
    process = context.Process(target=_run_into, args=(results, function, args))
    process.start()
    result = results.get()
    process.join()
    return result


def _run_into(results: Any, function: Any, args: tuple[Any, ...]) -> None:
    results.put(function(*args))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=300, help="files in the corpus")
    parser.add_argument("--workers", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--repeat", type=int, default=1, help="keep the fastest of this many")
    args = parser.parse_args()

    folder = corpus(args.count)
    warm_up = corpus(WARM_UP_FILES, seed=11)
    for path in discover([folder]).files:
        Path(path).read_bytes()  # the page cache equally warm for every run
    runs: dict[str, list[dict[str, Any]]] = {"pool": [], "cold": [], "warm": [], "one": []}
    for _ in range(args.repeat):
        runs["pool"].append(_fresh(pool, folder, args.workers))
        runs["warm"].append(_fresh(dask_warm, folder, args.workers, warm_up))
        runs["one"].append(_fresh(dask_warm, folder, 1, warm_up))
        runs["cold"].append(_fresh(dask_cold, folder, args.workers))
    best = {kind: min(found, key=lambda r: r["seconds"]) for kind, found in runs.items()}
    local, cold, warm, one = best["pool"], best["cold"], best["warm"], best["one"]
    n = local["files"]
    w = args.workers
    print(
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()}; {n} files, {local['failed']} failed; best of {args.repeat}\n"
    )
    loads = ", ".join(f"{best[k]['load']:.2f}" for k in ("pool", "warm", "one", "cold"))
    print(f"Load average (1 min) before each run (pool, warm, 1 worker, cold): {loads}\n")
    print("| Measure | Value | Target |")
    print("|---|---:|---|")
    print(f"| local pool, {w} processes (cold: load included) | {local['seconds']:.1f} s "
          f"({n / local['seconds']:.1f} files/s) | |")  # fmt: skip
    print(f"| Dask, {w} workers, running cluster, stages loaded | {warm['seconds']:.1f} s "
          f"({n / warm['seconds']:.1f} files/s) | |")  # fmt: skip
    overhead = warm["seconds"] / local["seconds"] - 1
    print(f"| Dask overhead vs the local pool | {100 * overhead:+.1f}% | <= 10% |")
    print(
        f"| CPU seconds, pool vs Dask workers + client | {local['cpu']:.1f} vs {warm['cpu']:.1f} "
        f"({warm['cpu'] / local['cpu']:.2f}x) | |"
    )
    print(f"| Dask, 1 worker, running cluster | {one['seconds']:.1f} s | |")
    print(f"| Scaling 1 -> {w} Dask workers | {one['seconds'] / warm['seconds']:.2f}x | >= 1.8x |")
    print(f"| Dask cold (`--scheduler local`: cluster start, loads, shutdown) | "
          f"{cold['seconds']:.1f} s | |")  # fmt: skip
    print(f"| Peak RSS per Dask worker | {warm['rss']:.0f} MiB | |")
    per_core = n / warm["seconds"] / w
    print(f"| Throughput per core (Dask, warm) | {per_core:.1f} files/s | |")
    core_hours = 10_000_000 / per_core / 3600
    print(f"| 10 million resumes at that rate | {core_hours:,.0f} core-hours | |")


if __name__ == "__main__":
    main()
