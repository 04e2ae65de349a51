"""One batch run, from paths to one record per file: ``run_batch``.

``run_batch`` owns everything around the analysis: it checks the catalogue, plans the work
(``resume_fit.batch.plan``: discovery, ``--resume`` from the journal, the cache), hands the files
still to do to an ``Execution`` (``resume_fit.batch.execute``: this process, the local worker pool,
or Dask), records each result in the cache, the journal and the progress bar, and counts the run.
``score_folder`` and ``run_batch_cli`` (``resume_fit.batch.assemble``) sit on it.
"""

from __future__ import annotations

import datetime as dt
import functools
import time
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from resume_fit.batch.execute import Execution, cpu_count
from resume_fit.batch.plan import find_inputs, plan_work, previous_records
from resume_fit.batch.postings import postings_salt, read_postings
from resume_fit.batch.progress import Progress
from resume_fit.batch.record import STATUS_OK, Analyze
from resume_fit.batch.result import BatchResult, BatchStats
from resume_fit.batch.score import score_file
from resume_fit.batch.store import Journal, ResultCache, cache_salt
from resume_fit.config import Limits
from resume_fit.parse.resume_text import ResumeText

if TYPE_CHECKING:
    from resume_fit.posting import JobPosting

# ``read_postings`` stays importable from here, where it used to live.
__all__ = ["DASK_JOURNAL_SYNC_SECONDS", "read_postings", "run_batch"]

# A cluster can finish more files a second than a disk takes fsyncs (about 400/s measured here):
# on Dask the journal is forced to disk in groups (see ``Journal``).
DASK_JOURNAL_SYNC_SECONDS = 0.2


def run_batch(
    paths: Iterable[str | Path],
    *,
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    limits: Limits | None = None,
    reference_date: dt.date | None = None,
    journal: str | Path | None = None,
    resume: bool = False,
    analyze: Analyze | None = None,
    progress: bool | None = None,
    progress_stream: TextIO | None = None,
    start_method: str | None = None,
    postings: Sequence[JobPosting | ResumeText] = (),
    catalogue: str | Path | None = None,
    scheduler: str | None = None,
    client: Any = None,
    ship: str = "auto",
) -> BatchResult:
    """Analyse every resume under ``paths`` and return one record per file.

    Args:
        paths: Files and folders (searched recursively for PDF, DOCX, TXT and Markdown).
        jobs: Worker processes; None uses every core; 0 analyses in this process (no isolation:
            no time budget, and a crash ends the run).
        cache_dir: Reuse and store results keyed by file content and data versions.
        limits: Safety limits; ``Limits.from_env()`` when None. ``timeout_seconds`` is the hard
            per-file time budget.
        reference_date: What "present" means in experience dates; today when None.
        journal: Append each finished record here (JSON lines, fsynced) so a stopped run can
            resume; the caller removes it once the outputs are written.
        resume: Reuse the records already in ``journal`` for files whose content is unchanged.
        analyze: ``analyze(path, limits=..., reference_date=...)`` returning an object with the
            ``GapReport`` fields ``skills``, ``roles``, ``profile`` and ``quality``; defaults to
            ``resume_fit.batch.score.score_file`` (``api.analyze`` without the learning plan).
            Tests inject a fake.
        progress: Draw a progress bar; None draws one only when the stream is a terminal.
        progress_stream: Where to draw it (stderr by default).
        start_method: ``"fork"``, ``"forkserver"`` or ``"spawn"``; ``fork`` where available.
        postings: Job postings every resume is also scored against (``score_file``'s
            ``postings``; each record's ``jobs`` holds one entry per posting, in order), as
            ``JobPosting``s or as their parsed text (``read_postings``), whose requirements are
            then read once, after the pipeline is loaded, so a batch's head start still overlaps
            that load. Their text is part of the cache key.
        catalogue: A TOML file of the user's roles, added to (or overriding) the shipped ones;
            checked before any work, and part of the cache key.
        scheduler: Run the analysis on Dask instead of the local pool: a scheduler address
            (``tcp://host:8786``) or ``"local"`` (a ``LocalCluster`` of ``jobs`` worker
            processes on this machine). Needs ``pip install 'resume-fit[dask]'``.
        client: A ``distributed.Client`` to run on (instead of ``scheduler``); left open.
        ship: How files reach Dask workers: ``"paths"`` (workers read them: a shared or the
            same file system), ``"bytes"`` (this process reads them and sends their bytes), or
            ``"auto"``: paths when every worker runs on this machine, else bytes. URLs
            (``s3://...``, read through fsspec) are always read by the workers.

    Returns:
        The records (sorted by path), the skipped files and the run's statistics.

    Raises:
        InputNotFoundError: A path does not exist.
        DataFileError: The ``catalogue`` file is invalid.
        ResumeFitError: Workers cannot start (for example a broken lexicon file), a URL was
            given without a Dask scheduler, or the dask extra is missing.
    """
    started = time.monotonic()
    catalogue_version = _check_catalogue(catalogue)
    on_dask = scheduler is not None or client is not None
    found, fingerprints = find_inputs(paths, on_dask)
    limits = limits if limits is not None else Limits.from_env()
    reference_date = reference_date or dt.date.today()
    default_analyze = analyze is None
    if analyze is None:
        analyze = score_file
        if catalogue is not None:
            analyze = functools.partial(score_file, catalogue=str(catalogue))
    jobs = cpu_count() if jobs is None else max(0, jobs)
    stamp = postings_salt(postings)
    salt = cache_salt(analyze, limits, reference_date, catalogue_version) + stamp
    cache = ResultCache(cache_dir, salt) if cache_dir else None
    journal_file = Path(journal) if journal is not None else None
    previous = previous_records(journal_file, resume, stamp, progress_stream)
    plan = plan_work(found.files, fingerprints, previous, cache)
    records = plan.records

    pending = {key for key, _ in plan.tasks}
    log = None
    if journal_file is not None:
        log = Journal(
            journal_file,
            keep=[r for k, r in records.items() if k not in pending],
            stamp=stamp,
            sync_seconds=DASK_JOURNAL_SYNC_SECONDS if on_dask else 0.0,
        )
    execution = Execution(
        analyze,
        limits,
        reference_date,
        jobs=jobs,
        postings=postings,
        default_analyze=default_analyze,
        start_method=start_method,
        scheduler=scheduler,
        client=client,
        ship=ship,
    )
    try:
        bar = Progress(len(plan.tasks), progress_stream, progress)
        results = execution.start(plan.tasks)
        try:
            for key, record in results:
                # The record comes after what is known here: a worker that read a URL hashed it.
                record = {**records[key], **record}
                records[key] = record
                if cache is not None:
                    cache.put(record["sha256"], record)
                if log is not None:
                    log.append(record)
                bar.advance(failed=record["status"] != STATUS_OK)
        finally:
            # Stop the workers now even when the loop body raised (Ctrl-C while journaling).
            results.close()
            bar.close()
    finally:
        if log is not None:
            log.close()
        execution.close()

    ordered = tuple(records[str(path)] for path in found.files)
    scored = sum(1 for r in ordered if r["status"] == STATUS_OK)
    runner_stats = execution.stats
    stats = BatchStats(
        files=len(ordered),
        scored=scored,
        failed=len(ordered) - scored,
        skipped=len(found.skipped),
        analysed=execution.analysed,
        from_cache=plan.from_cache,
        resumed=plan.resumed,
        timeouts=runner_stats.timeouts if runner_stats else 0,
        crashes=runner_stats.crashes if runner_stats else 0,
        jobs=execution.workers,
        peak_worker_rss_mb=runner_stats.peak_worker_rss_mb if runner_stats else 0.0,
        warm_up_seconds=execution.warm_up_seconds,
        parsed_ahead=execution.parsed_ahead,
        seconds=time.monotonic() - started,
    )
    return BatchResult(
        records=ordered,
        skipped=found.skipped,
        stats=stats,
        postings=execution.postings,
    )


def _check_catalogue(catalogue: str | Path | None) -> str:
    """Read the user's catalogue once before any work (a bad one fails fast); its version."""
    if catalogue is None:
        return ""
    from resume_fit.api import resolve_catalogue

    return resolve_catalogue(catalogue).version
