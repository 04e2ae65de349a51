"""Measure ``resume-fit batch`` against the floor: bare text extraction of the same files.

    python benchmarks/batch_throughput.py    # 300 files, all cores, memory on 100 vs 1000 files
    python benchmarks/batch_throughput.py --count 300 --jobs 2 --flat 100

It generates the corpus into ``benchmarks/out/`` (see ``make_corpus.py``) when missing, then:

(a) the floor: every file through bare ``pdfminer.high_level.extract_text`` or python-docx
    paragraph text, in a pool of the same number of processes;
(b) ``resume_fit.batch.run_batch`` on the same folder, and its ratio to the floor (target <= 1.25);
(c) scaling: the batch with 1 process against the batch with ``--jobs`` (target >= 1.8x on 2 cores);
(d) peak resident memory of one worker (``ru_maxrss``, i.e. VmHWM, reported by each worker;
    target < 300 MB), on N and 10N files (flatness target: at most 1.1x).

Every time is wall-clock for the whole run, pool start and pipeline load included, each run in a
fresh interpreter. The file contents are read once first so the page cache is equally warm for
every run. The result is a
Markdown table to paste into the README. ``--stage parse`` runs the batch with parsing only and
``--stage bare`` with the floor's own extraction, to tell the cost of the batch machinery, of the
parse stage and of the NLP stages apart. CPU seconds are printed too: on a shared machine they are
a steadier measure than wall-clock time.
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
from types import SimpleNamespace
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from make_corpus import build  # noqa: E402  (a sibling script, not a package)

from resume_fit.batch import run_batch  # noqa: E402
from resume_fit.batch.discover import discover  # noqa: E402

OUT = Path(__file__).resolve().parent / "out"
REAL = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "resumes"


def corpus(count: int) -> Path:
    """The generated folder of ``count`` resumes, built on first use."""
    folder = OUT / f"corpus-{count}"
    if not folder.exists() or len(discover([folder]).files) != count:
        build(folder, count, real=REAL if REAL.is_dir() else None)
    return folder


def _floor_text(path: str) -> tuple[int, float]:
    """Extract the text as a bare script would; return (characters, peak RSS MiB)."""
    chars = 0
    try:
        if path.lower().endswith(".pdf"):
            from pdfminer.high_level import extract_text

            chars = len(extract_text(path))
        elif path.lower().endswith(".docx"):
            import docx

            chars = sum(len(p.text) for p in docx.Document(path).paragraphs)
        else:
            chars = len(Path(path).read_text(encoding="utf-8", errors="replace"))
    except Exception:
        chars = -1  # the floor pays for failures too
    return chars, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children (immune to other load on the box)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def floor(folder: Path, jobs: int) -> dict[str, Any]:
    """Time the bare extraction of every file with ``jobs`` processes."""
    files = [str(p) for p in discover([folder]).files]
    load = os.getloadavg()[0]
    cpu = _cpu_seconds()
    started = time.monotonic()
    with multiprocessing.get_context("fork").Pool(jobs) as pool:
        results = list(pool.imap_unordered(_floor_text, files, chunksize=1))
    seconds = time.monotonic() - started
    return {
        "seconds": seconds,
        "cpu": _cpu_seconds() - cpu,
        "load": load,
        "files": len(files),
        "failed": sum(1 for chars, _ in results if chars < 0),
        "rss": max(rss for _, rss in results),
    }


def _parse_only(path: Path, limits: Any = None, reference_date: Any = None) -> Any:
    from resume_fit.parse import parse_file

    resume = parse_file(path, limits)
    return SimpleNamespace(
        skills=(), roles=(), profile=SimpleNamespace(total_years=None, seniority=""),
        quality=resume.quality,
    )  # fmt: skip


def _bare_only(path: Path, limits: Any = None, reference_date: Any = None) -> Any:
    _floor_text(str(path))
    return SimpleNamespace(
        skills=(), roles=(), profile=SimpleNamespace(total_years=None, seniority=""),
        quality=SimpleNamespace(verdict="good"),
    )  # fmt: skip


def batch(folder: Path, jobs: int, stage: str) -> dict[str, Any]:
    """Time ``run_batch`` on ``folder`` with ``jobs`` processes."""
    analyze = {"parse": _parse_only, "bare": _bare_only}.get(stage)
    load = os.getloadavg()[0]
    cpu = _cpu_seconds()
    started = time.monotonic()
    result = run_batch([folder], jobs=jobs, analyze=analyze, progress=False)
    seconds = time.monotonic() - started
    return {
        "seconds": seconds,
        "cpu": _cpu_seconds() - cpu,
        "load": load,
        "files": result.stats.files,
        "failed": result.stats.failed,
        "rss": result.stats.peak_worker_rss_mb,
        "warm_up": result.stats.warm_up_seconds,
        "ahead": result.stats.parsed_ahead,
        "kinds": sorted({r["error_kind"] for r in result.records if r["status"] != "ok"}),
    }


def _fresh(function: Any, *args: Any) -> dict[str, Any]:
    """Run one measurement in a new interpreter, so nothing loaded by an earlier run (the
    pipeline, pdfminer's caches) makes a later one look cheaper or its workers look bigger."""
    # A plain (non-daemon) process: a Pool's daemonic workers may not start workers of their own.
    context = multiprocessing.get_context("spawn")
    results = context.SimpleQueue()
    process = context.Process(target=_run_into, args=(results, function, args))
    process.start()
    result = results.get()
    process.join()
    return result


def _run_into(results: Any, function: Any, args: tuple[Any, ...]) -> None:
    results.put(function(*args))


def _warm_page_cache(folder: Path) -> None:
    for path in discover([folder]).files:
        path.read_bytes()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=300, help="files in the main corpus")
    parser.add_argument("--jobs", type=int, default=len(os.sched_getaffinity(0)))
    parser.add_argument("--flat", type=int, default=100, help="N for the N vs 10N memory runs")
    parser.add_argument(
        "--repeat", type=int, default=1, help="run each timing this often and keep the fastest"
    )
    parser.add_argument(
        "--stage",
        choices=["full", "parse", "bare"],
        default="full",
        help="what each worker does: the whole pipeline, parsing only, or the floor's bare "
        "extraction (which measures the batch machinery alone)",
    )
    args = parser.parse_args()

    main_corpus = corpus(args.count)
    _warm_page_cache(main_corpus)
    runs: dict[str, list[dict[str, Any]]] = {"bare": [], "ours": [], "single": []}
    for _ in range(args.repeat):
        # Interleaved, so a burst of load from elsewhere hits every kind of run alike.
        runs["bare"].append(_fresh(floor, main_corpus, args.jobs))
        runs["ours"].append(_fresh(batch, main_corpus, args.jobs, args.stage))
        runs["single"].append(_fresh(batch, main_corpus, 1, args.stage))
    bare, ours, single = (min(runs[k], key=lambda r: r["seconds"]) for k in runs)
    small = _fresh(batch, corpus(args.flat), args.jobs, args.stage) if args.flat else None
    large_folder = corpus(10 * args.flat) if args.flat else None
    if large_folder is not None:
        _warm_page_cache(large_folder)
    large = _fresh(batch, large_folder, args.jobs, args.stage) if large_folder else None

    ratio = ours["seconds"] / bare["seconds"]
    scaling = single["seconds"] / ours["seconds"]
    n = ours["files"]
    print(
        f"Machine: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"{platform.system()}; stage: {args.stage}; best of {args.repeat}; {n} files "
        f"({sum(1 for p in discover([main_corpus]).files if p.suffix == '.pdf')} PDF), "
        f"{ours['failed']} failed {ours['kinds']}\n"
    )
    loads = ", ".join(f"{run['load']:.2f}" for run in (bare, ours, single))
    print(f"Load average (1 min) before each run: {loads}\n")
    print("| Measure | Value | Target |")
    print("|---|---:|---|")
    print(f"| Floor: bare pdfminer / python-docx, {args.jobs} processes | "
          f"{bare['seconds']:.1f} s ({n / bare['seconds']:.1f} files/s) | |")  # fmt: skip
    print(f"| resume-fit batch, {args.jobs} processes | "
          f"{ours['seconds']:.1f} s ({n / ours['seconds']:.1f} files/s) | |")  # fmt: skip
    print(f"| Ratio to the floor | {ratio:.2f}x | <= 1.25x |")
    print(
        f"| CPU seconds, floor vs resume-fit | {bare['cpu']:.1f} vs {ours['cpu']:.1f} "
        f"({ours['cpu'] / bare['cpu']:.2f}x) | |"
    )
    print(f"| resume-fit batch, 1 process | {single['seconds']:.1f} s | |")
    print(f"| Scaling 1 -> {args.jobs} processes | {scaling:.2f}x | >= 1.8x |")
    # The pipeline loads once per run, before any file; how much of each figure that one-off
    # cost is shows what a larger folder would give.
    steady_ratio = (ours["seconds"] - ours["warm_up"]) / bare["seconds"]
    steady_scaling = (single["seconds"] - single["warm_up"]) / (ours["seconds"] - ours["warm_up"])
    print(
        f"| One-off pipeline load (in each batch figure above) | {ours['warm_up']:.1f} s "
        f"({ours['ahead']} files parsed meanwhile) | |"
    )
    print(f"| Ratio to the floor without the one-off load | {steady_ratio:.2f}x | <= 1.25x |")
    print(f"| Scaling without the one-off load | {steady_scaling:.2f}x | >= 1.8x |")
    print(f"| Peak RSS per worker ({n} files) | {ours['rss']:.0f} MiB | < 300 MB |")
    print(f"| Peak RSS per floor worker | {bare['rss']:.0f} MiB | |")
    if small is not None and large is not None:
        growth = large["rss"] / small["rss"]
        print(
            f"| Peak RSS per worker, {small['files']} vs {large['files']} files | "
            f"{small['rss']:.0f} vs {large['rss']:.0f} MiB ({growth:.2f}x) | <= 1.1x |"
        )
        print(f"| Batch time, {large['files']} files | {large['seconds']:.1f} s | |")


if __name__ == "__main__":
    main()
