"""Scoring a folder of resumes: discovery, cache, journal, the worker pool, and the outputs.

``score_folder`` is the library entry point (it returns the ranked DataFrame); ``run_batch_cli`` is
what ``resume-fit batch`` calls (it also writes the table, the skills table and the summary, each
atomically, and removes the journal once they are safe). Both sit on ``run_batch``.

``run_batch`` owns everything around the analysis (discovery, the journal, ``--resume``, the cache,
the records and their order) and hands the files still to do to one of two executors: the local
``WorkerPool`` (with the head start), or, given a Dask scheduler or client, ``resume_fit.dask``'s
executor, imported only then. Both yield ``(key, record)`` per file, so the rows cannot differ by
executor.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import os
import sys
import time
from collections.abc import Generator, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from resume_fit.atomic import write_atomic
from resume_fit.batch.discover import Discovery, discover, is_url
from resume_fit.batch.headstart import HeadStart
from resume_fit.batch.output import (
    check_table_path,
    posting_ids,
    records_to_frame,
    skills_frame,
    write_table,
)
from resume_fit.batch.pool import WorkerPool, default_context, warm_up
from resume_fit.batch.progress import Progress
from resume_fit.batch.record import STATUS_OK, Analyze, Record, analyze_record, error_record
from resume_fit.batch.result import BatchResult, BatchStats
from resume_fit.batch.score import score_file
from resume_fit.batch.store import (
    Journal,
    ResultCache,
    cache_salt,
    file_sha256,
    journal_path,
    read_stamped_journal,
)
from resume_fit.batch.summary import render_summary
from resume_fit.config import Limits
from resume_fit.errors import ResumeFitError
from resume_fit.parse.resume_text import ResumeText

if TYPE_CHECKING:
    import pandas as pd

    from resume_fit.posting import JobPosting


# Replacing a worker now and then bounds slow growth (spaCy's string store keeps every new word);
# with fork a replacement costs milliseconds.
RECYCLE_AFTER_FILES = 250
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
    found, fingerprints = _discover(paths, on_dask)
    limits = limits if limits is not None else Limits.from_env()
    reference_date = reference_date or dt.date.today()
    default_analyze = analyze is None
    if analyze is None:
        analyze = score_file
        if catalogue is not None:
            analyze = functools.partial(score_file, catalogue=str(catalogue))
    jobs = _cpu_count() if jobs is None else max(0, jobs)
    salt = cache_salt(analyze, limits, reference_date, catalogue_version) + _postings_salt(postings)
    cache = ResultCache(cache_dir, salt) if cache_dir else None
    journal_file = Path(journal) if journal is not None else None
    stamp = _postings_salt(postings)
    previous: dict[str, Record] = {}
    if journal_file is not None and resume:
        previous, written_for = read_stamped_journal(journal_file)
        if written_for != stamp and previous:
            # Rows taken from it would lack (or mismatch) the job columns: score those files again.
            _note(
                progress_stream,
                f"{journal_file}: written for {'other postings' if written_for else 'no posting'}"
                f" (--job); its {len(previous)} files are scored again",
            )
            previous = {}
    previous_by_sha = {r["sha256"]: r for r in previous.values() if r.get("sha256")}

    records: dict[str, Record] = {}
    tasks: list[tuple[str, Any]] = []  # (key, path or URL)
    resumed = from_cache = 0
    for path in found.files:
        key = str(path)
        if key in fingerprints:
            # A URL: its bytes are read by a worker, which also hashes them; until then the
            # storage's fingerprint (an ETag, a size and a date) tells whether it changed.
            done = previous.get(key)
            if done is not None and done.get("fingerprint") == fingerprints[key]:
                records[key] = done
                resumed += 1
            else:
                tasks.append((key, key))
                records[key] = {"path": key, "sha256": "", "fingerprint": fingerprints[key]}
            continue
        try:
            sha = file_sha256(Path(path))
        except OSError as error:
            records[key] = {"path": key, "sha256": "", **error_record("unreadable", str(error))}
            continue
        done = previous.get(key)
        if done is None or done.get("sha256") != sha:
            # The same bytes under another spelling of the path (./cvs vs /abs/cvs) count as done.
            done = previous_by_sha.get(sha)
        if done is not None:
            records[key] = {**done, "path": key, "sha256": sha}
            resumed += 1
            continue
        hit = cache.get(sha) if cache is not None else None
        if hit is not None:
            records[key] = {"path": key, "sha256": sha, **hit}
            from_cache += 1
            continue
        tasks.append((key, path))
        records[key] = {"path": key, "sha256": sha}

    pending = {key for key, _ in tasks}
    log = None
    if journal_file is not None:
        log = Journal(
            journal_file,
            keep=[r for k, r in records.items() if k not in pending],
            stamp=stamp,
            sync_seconds=DASK_JOURNAL_SYNC_SECONDS if on_dask else 0.0,
        )
    ready: tuple[JobPosting, ...] = ()
    try:
        bar = Progress(len(tasks), progress_stream, progress)
        warm_up_seconds = 0.0
        parsed_ahead = 0
        pool: WorkerPool | None = None
        executor: Any = None
        if on_dask and tasks:
            from resume_fit.dask.executor import DaskExecutor

            # Read here, once: the workers get the postings' requirements, not their text.
            ready = _requirements_of(postings)
            if default_analyze and ready:
                analyze = functools.partial(analyze, postings=ready)
            executor = DaskExecutor(
                analyze,
                limits,
                reference_date,
                scheduler=scheduler,
                client=client,
                jobs=jobs or _cpu_count(),
                load_stages=default_analyze,
                ship=ship,
            )
            results = executor.imap(tasks)
        elif jobs == 0 or not tasks:
            ready = _requirements_of(postings)
            if default_analyze and ready:
                analyze = functools.partial(analyze, postings=ready)
            results = _in_process(tasks, analyze, limits, reference_date)
        else:
            context = default_context() if start_method is None else _context(start_method)
            ahead: list[tuple[str, Record]] = []
            if default_analyze and context.get_start_method() == "fork":
                loading = time.monotonic()
                # The load below keeps one of the ``jobs`` cores busy; the others parse meanwhile
                # (with --jobs 1 nothing else runs: one process busy at a time, as asked).
                processes = min(jobs, len(tasks)) - 1
                head_start = HeadStart(tasks, limits, context, processes) if processes else None
                try:
                    warm_up()  # loaded once here, inherited by every worker copy-on-write
                finally:
                    parsed = head_start.finish() if head_start is not None else {}
                warm_up_seconds = time.monotonic() - loading
                tasks, ahead = _take_head_start(tasks, parsed)
                parsed_ahead = len(parsed)
            # After the warm-up: reading a posting's requirements needs the pipeline it loaded.
            ready = _requirements_of(postings)
            if default_analyze and ready:
                analyze = functools.partial(analyze, postings=ready)
            pool = WorkerPool(
                min(jobs, len(tasks)),
                analyze,
                limits,
                reference_date,
                context=context,
                load_stages=default_analyze,
                recycle_after=RECYCLE_AFTER_FILES,
            )
            results = _chain(ahead, pool.imap(tasks))
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
        if executor is not None:
            executor.close()

    ordered = tuple(records[str(path)] for path in found.files)
    scored = sum(1 for r in ordered if r["status"] == STATUS_OK)
    runner_stats = executor.stats if executor is not None else pool.stats if pool else None
    workers = executor.jobs if executor is not None else min(jobs, len(tasks)) if pool else 0
    stats = BatchStats(
        files=len(ordered),
        scored=scored,
        failed=len(ordered) - scored,
        skipped=len(found.skipped),
        analysed=len(tasks),
        from_cache=from_cache,
        resumed=resumed,
        timeouts=runner_stats.timeouts if runner_stats else 0,
        crashes=runner_stats.crashes if runner_stats else 0,
        jobs=workers,
        peak_worker_rss_mb=runner_stats.peak_worker_rss_mb if runner_stats else 0.0,
        warm_up_seconds=warm_up_seconds,
        parsed_ahead=parsed_ahead,
        seconds=time.monotonic() - started,
    )
    return BatchResult(
        records=ordered,
        skipped=found.skipped,
        stats=stats,
        postings=ready,
    )


def score_folder(
    paths: str | Path | Iterable[str | Path],
    *,
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    limits: Limits | None = None,
    role: str | None = None,
    top: int | None = None,
    min_score: float | None = None,
    reference_date: dt.date | None = None,
    analyze: Analyze | None = None,
    progress: bool | None = False,
    postings: Sequence[str | Path | JobPosting] = (),
    catalogue: str | Path | None = None,
    scheduler: str | None = None,
    client: Any = None,
    ship: str = "auto",
) -> pd.DataFrame:
    """Score every resume under ``paths`` and return the ranked table.

    Args:
        paths: A file or folder, or several (folders are searched recursively).
        jobs: Worker processes; None uses every core, 0 runs in this process.
        cache_dir: Reuse results of unchanged files from this folder, and store new ones there.
        limits: Safety limits and per-file time budget; ``Limits.from_env()`` when None.
        role: Rank by this role's score and keep only scored files.
        top: Keep only the best ``top`` files.
        min_score: Keep only files scoring at least this (for ``role``, else their top role).
        reference_date: What "present" means in experience dates; today when None.
        analyze: Replacement for ``score_file`` (tests).
        progress: Draw a progress bar on stderr (None: only on a terminal).
        postings: Job postings (files, texts or ``JobPosting``s), each read once; adds
            ``job_score`` and per-posting columns, and ranks by ``job_score`` (unless ``role``).
        catalogue: A TOML file of the user's roles (added to, or overriding, the shipped ones).
        scheduler: Run on Dask: ``"local"`` or a scheduler address (see ``run_batch``).
        client: A ``distributed.Client`` to run on instead.
        ship: How files reach Dask workers (``"auto"``, ``"paths"``, ``"bytes"``).

    Returns:
        The DataFrame documented in ``resume_fit.batch.output``: one row per file (a shortlist
        when ``role``, ``top`` or ``min_score`` is given), best first.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    jobs_read = read_postings(postings, limits)
    result = run_batch(
        paths,
        jobs=jobs,
        cache_dir=cache_dir,
        limits=limits,
        reference_date=reference_date,
        analyze=analyze,
        progress=progress,
        postings=jobs_read,
        catalogue=catalogue,
        scheduler=scheduler,
        client=client,
        ship=ship,
    )
    return records_to_frame(
        result.records,
        role=role,
        top=top,
        min_score=min_score,
        jobs=posting_ids(result.postings),
    )


def run_batch_cli(
    paths: Sequence[str | Path],
    out: str | Path,
    *,
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    resume: bool = False,
    role: str | None = None,
    top: int | None = None,
    min_score: float | None = None,
    skills_table: str | Path | None = None,
    summary: str | Path | None = None,
    limits: Limits | None = None,
    reference_date: dt.date | None = None,
    progress: bool | None = None,
    analyze: Analyze | None = None,
    postings: Sequence[str | Path | JobPosting] = (),
    catalogue: str | Path | None = None,
    redact: bool = False,
    key_file: str | Path | None = None,
    scheduler: str | None = None,
    client: Any = None,
    ship: str = "auto",
) -> BatchResult:
    """Run ``resume-fit batch``: score, then write every requested output atomically.

    Output names are checked before any work. Finished files are journaled next to ``out``
    (``OUT.partial.jsonl``) as they complete; ``resume=True`` continues from that journal. The
    journal is removed only after every output is written, so an interrupted run (Ctrl-C, kill,
    power cut) can always be resumed and the final table has exactly one row per file.

    Args:
        paths: Files and folders to score.
        out: The table, as ``.csv``, ``.parquet`` or ``.jsonl``.
        skills_table: Also write the long-format skills table here (same suffixes).
        summary: Also write the summary here: HTML when the name ends in ``.html`` or ``.htm``,
            Markdown otherwise; either has a section per posting.
        postings: Job postings (``--job``), read once before any resume; see ``score_folder``.
        redact: Replace every path by a pseudonym in every output (``resume_fit.batch.redact``);
            the returned records carry the pseudonyms too.
        key_file: With ``redact``, also write the key (pseudonym -> path) here as CSV.
        Other arguments: as for ``run_batch`` and ``records_to_frame``.

    Returns:
        The result, with ``table`` and ``written`` set.

    Raises:
        ResumeFitError: A bad output name, an unknown role, a missing input path, or workers
            that cannot start. ``KeyboardInterrupt`` propagates with the journal intact.
    """
    out = check_table_path(out)
    if skills_table is not None:
        skills_table = check_table_path(skills_table)
    if role is not None and analyze is None:
        _check_role(role, catalogue)
    jobs_read = read_postings(postings, limits)
    out.parent.mkdir(parents=True, exist_ok=True)
    journal = journal_path(out)
    result = run_batch(
        paths,
        jobs=jobs,
        cache_dir=cache_dir,
        limits=limits,
        reference_date=reference_date,
        journal=journal,
        resume=resume,
        analyze=analyze,
        progress=progress,
        postings=jobs_read,
        catalogue=catalogue,
        scheduler=scheduler,
        client=client,
        ship=ship,
    )
    records, skipped = result.records, result.skipped
    key: tuple[tuple[str, str], ...] = ()
    # Imported here: they bring the report stage (and Jinja2) that a plain batch does not need.
    from resume_fit.batch.redact import redact_records, write_key
    from resume_fit.batch.summary_html import render_summary_html

    if redact:
        hidden = redact_records(records, skipped)
        records, skipped, key = hidden.records, hidden.skipped, hidden.key
    job_ids = posting_ids(result.postings)
    table = records_to_frame(records, role=role, top=top, min_score=min_score, jobs=job_ids)
    written = [out]
    write_table(table, out)
    if skills_table is not None:
        write_table(skills_frame(records, list(table["path"])), skills_table)
        written.append(Path(skills_table))
    if summary is not None:
        render = render_summary_html if _is_html(summary) else render_summary
        text = render(records, skipped, top=top, role=role, jobs=job_ids, postings=result.postings)
        write_atomic(summary, text)
        written.append(Path(summary))
    if redact and key_file is not None:
        write_key(key, key_file)
        written.append(Path(key_file))
    journal.unlink(missing_ok=True)
    return BatchResult(
        records=records,
        skipped=skipped,
        stats=result.stats,
        table=table,
        written=tuple(written),
        postings=result.postings,
    )


def read_postings(
    postings: Sequence[str | Path | JobPosting], limits: Limits | None = None
) -> tuple[JobPosting | ResumeText, ...]:
    """Read each posting's text once (files, ``"-"``, texts; ``JobPosting``s pass through).

    Only the parse stage runs here (no spaCy), so a missing or broken posting file is refused
    before any resume is read; ``run_batch`` reads the requirements once the pipeline is loaded.

    Raises:
        ResumeFitError: A posting file cannot be read (it names the file).
    """
    from resume_fit.api import read_job_text

    return tuple(read_job_text(p, limits) for p in postings)


def _requirements_of(postings: Sequence[JobPosting | ResumeText]) -> tuple[JobPosting, ...]:
    from resume_fit.posting import parse_posting

    return tuple(parse_posting(p) if isinstance(p, ResumeText) else p for p in postings)


def _note(stream: TextIO | None, line: str) -> None:
    """Tell the user one line on ``stream`` (stderr when None)."""
    print(line, file=stream if stream is not None else sys.stderr, flush=True)


def _postings_salt(postings: Sequence[JobPosting | ResumeText]) -> str:
    if not postings:
        return ""
    digest = hashlib.sha256()
    for posting in postings:
        digest.update(repr(posting).encode())
    return f"\npostings={digest.hexdigest()}"


def _is_html(path: str | Path) -> bool:
    return Path(path).suffix.lower() in (".html", ".htm")


def _discover(paths: Iterable[str | Path], on_dask: bool) -> tuple[Discovery, dict[str, str]]:
    """Find the files to score; URLs (``s3://...``) are listed through fsspec.

    Returns:
        The discovery (URLs kept as strings among the paths, all sorted by their text), and
        each URL's storage fingerprint.

    Raises:
        ResumeFitError: A URL without a Dask scheduler (only workers read URLs).
    """
    given = list(paths)
    urls = [str(p) for p in given if is_url(p)]
    found = discover([p for p in given if not is_url(p)])
    if not urls:
        return found, {}
    if not on_dask:
        raise ResumeFitError(
            urls[0],
            "URLs are read by Dask workers: add --scheduler local (or a scheduler address) "
            "and pip install 'resume-fit[dask]'",
        )
    from resume_fit.dask.sources import discover_urls

    remote, fingerprints = discover_urls(urls)
    files = sorted([*found.files, *remote.files], key=str)
    skipped = sorted([*found.skipped, *remote.skipped])
    return Discovery(files=tuple(files), skipped=tuple(skipped)), fingerprints


def _take_head_start(
    tasks: list[tuple[str, Path]], parsed: dict[str, Any]
) -> tuple[list[tuple[str, Any]], list[tuple[str, Record]]]:
    """Split the head start's results into tasks for the workers and finished records.

    Returns:
        The tasks, those with a parsed text first (each now carries the text instead of its
        path), and ``(key, record)`` for the files parsing refused.
    """
    ready = [(key, parsed[key]) for key, _ in tasks if isinstance(parsed.get(key), ResumeText)]
    refused = [(key, parsed[key]) for key, _ in tasks if isinstance(parsed.get(key), dict)]
    rest = [(key, path) for key, path in tasks if key not in parsed]
    return ready + rest, refused


def _chain(
    first: list[tuple[str, Record]], then: Generator[tuple[str, Record], None, None]
) -> Generator[tuple[str, Record], None, None]:
    """``first``, then ``then``; closing it closes ``then`` (which stops the workers)."""
    try:
        yield from first
        yield from then
    finally:
        then.close()


def _in_process(
    tasks: list[tuple[str, Path]],
    analyze: Analyze,
    limits: Limits,
    reference_date: dt.date,
) -> Generator[tuple[str, Record], None, None]:
    for key, path in tasks:
        yield key, analyze_record(path, analyze, limits, reference_date)


def _check_catalogue(catalogue: str | Path | None) -> str:
    """Read the user's catalogue once before any work (a bad one fails fast); its version."""
    if catalogue is None:
        return ""
    from resume_fit.api import resolve_catalogue

    return resolve_catalogue(catalogue).version


def _check_role(role: str, catalogue: str | Path | None = None) -> None:
    """Refuse an unknown ``--role`` before hours of work, naming the roles there are."""
    from resume_fit.api import resolve_catalogue

    roles = resolve_catalogue(catalogue)
    if role not in roles:
        known = ", ".join(sorted(roles))
        raise ResumeFitError("--role", f"unknown role {role!r}; known roles: {known}")


def _cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _context(start_method: str) -> Any:
    import multiprocessing

    return multiprocessing.get_context(start_method)
