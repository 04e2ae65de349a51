"""Running a batch's tasks: in this process, in the local worker pool, or on Dask.

``Execution.start`` chooses: Dask when given a scheduler or client (``resume_fit.dask``'s executor,
imported only then), this process for ``jobs=0`` (or nothing to do), else the local
``WorkerPool``, after a head start that parses files while the pipeline loads. Every way yields
``(key, record)`` per task, so the rows cannot differ by executor.
"""

from __future__ import annotations

import datetime as dt
import functools
import os
import time
from collections.abc import Generator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resume_fit.batch.headstart import HeadStart
from resume_fit.batch.pool import PoolStats, WorkerPool, default_context, warm_up
from resume_fit.batch.postings import requirements_of
from resume_fit.batch.record import Analyze, Record, analyze_record
from resume_fit.config import Limits
from resume_fit.parse.resume_text import ResumeText

if TYPE_CHECKING:
    from resume_fit.posting import JobPosting


# Replacing a worker now and then bounds slow growth (spaCy's string store keeps every new word);
# with fork a replacement costs milliseconds.
RECYCLE_AFTER_FILES = 250


class Execution:
    """How one run's tasks are analysed: chosen and started by ``start``, stopped by ``close``.

    Args:
        analyze: The analysis of one file (see ``run_batch``).
        limits: Safety limits and the per-file time budget.
        reference_date: What "present" means in experience dates.
        jobs: Worker processes; 0 analyses in this process.
        postings: Postings every resume is also scored against, as ``JobPosting``s or texts.
        default_analyze: ``analyze`` is ``score_file``: workers load the pipeline, postings
            are bound to it, and forked workers get a head start.
        start_method: The local pool's ``multiprocessing`` start method; ``fork`` where
            available when None.
        scheduler: A Dask scheduler address or ``"local"``; None for no Dask.
        client: A ``distributed.Client`` to run on (left open).
        ship: How files reach Dask workers (``"auto"``, ``"paths"``, ``"bytes"``).

    Attributes:
        postings: The postings' requirements the resumes were scored against (set by ``start``).
        analysed: Tasks handed to the executor (after the head start, those it parsed).
        warm_up_seconds: Time spent loading the pipeline before the local pool started.
        parsed_ahead: Files the head start parsed while the pipeline loaded.
    """

    def __init__(
        self,
        analyze: Analyze,
        limits: Limits,
        reference_date: dt.date,
        *,
        jobs: int,
        postings: Sequence[JobPosting | ResumeText],
        default_analyze: bool,
        start_method: str | None,
        scheduler: str | None,
        client: Any,
        ship: str,
    ) -> None:
        self.analyze = analyze
        self.limits = limits
        self.reference_date = reference_date
        self.jobs = jobs
        self.default_analyze = default_analyze
        self.start_method = start_method
        self.scheduler = scheduler
        self.client = client
        self.ship = ship
        self.postings: tuple[JobPosting, ...] = ()
        self.analysed = 0
        self.warm_up_seconds = 0.0
        self.parsed_ahead = 0
        self._postings = postings
        self._pool: WorkerPool | None = None
        self._executor: Any = None

    def start(self, tasks: list[tuple[str, Any]]) -> Generator[tuple[str, Record], None, None]:
        """Start analysing ``(key, path or URL)`` tasks; ``(key, record)`` per task.

        Closing the generator stops the local workers; ``close`` stops a Dask executor.
        """
        if (self.scheduler is not None or self.client is not None) and tasks:
            from resume_fit.dask.executor import DaskExecutor

            # Read here, once: the workers get the postings' requirements, not their text.
            analyze = self._with_postings()
            self._executor = DaskExecutor(
                analyze,
                self.limits,
                self.reference_date,
                scheduler=self.scheduler,
                client=self.client,
                jobs=self.jobs or cpu_count(),
                load_stages=self.default_analyze,
                ship=self.ship,
            )
            self.analysed = len(tasks)
            return self._executor.imap(tasks)
        if self.jobs == 0 or not tasks:
            analyze = self._with_postings()
            self.analysed = len(tasks)
            return _in_process(tasks, analyze, self.limits, self.reference_date)
        start_method = self.start_method
        context = default_context() if start_method is None else _context(start_method)
        ahead: list[tuple[str, Record]] = []
        if self.default_analyze and context.get_start_method() == "fork":
            loading = time.monotonic()
            # The load below keeps one of the ``jobs`` cores busy; the others parse meanwhile
            # (with --jobs 1 nothing else runs: one process busy at a time, as asked).
            processes = min(self.jobs, len(tasks)) - 1
            head_start = HeadStart(tasks, self.limits, context, processes) if processes else None
            try:
                warm_up()  # loaded once here, inherited by every worker copy-on-write
            finally:
                parsed = head_start.finish() if head_start is not None else {}
            self.warm_up_seconds = time.monotonic() - loading
            tasks, ahead = _take_head_start(tasks, parsed)
            self.parsed_ahead = len(parsed)
        # After the warm-up: reading a posting's requirements needs the pipeline it loaded.
        analyze = self._with_postings()
        self.analysed = len(tasks)
        self._pool = WorkerPool(
            min(self.jobs, len(tasks)),
            analyze,
            self.limits,
            self.reference_date,
            context=context,
            load_stages=self.default_analyze,
            recycle_after=RECYCLE_AFTER_FILES,
        )
        return _chain(ahead, self._pool.imap(tasks))

    @property
    def stats(self) -> PoolStats | None:
        """Timeouts, crashes and peak worker memory; None when no pool or cluster ran."""
        if self._executor is not None:
            stats: PoolStats = self._executor.stats
            return stats
        return self._pool.stats if self._pool else None

    @property
    def workers(self) -> int:
        """Worker processes (or Dask worker threads) that ran; 0 in this process."""
        if self._executor is not None:
            jobs: int = self._executor.jobs
            return jobs
        return min(self.jobs, self.analysed) if self._pool else 0

    def close(self) -> None:
        """Stop the Dask executor, if one was started (the local pool stops with its generator)."""
        if self._executor is not None:
            self._executor.close()

    def _with_postings(self) -> Analyze:
        """Read the postings' requirements; bind them to the default ``analyze``."""
        self.postings = requirements_of(self._postings)
        if self.default_analyze and self.postings:
            return functools.partial(self.analyze, postings=self.postings)
        return self.analyze


def cpu_count() -> int:
    """The cores this process may run on."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


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


def _context(start_method: str) -> Any:
    import multiprocessing

    return multiprocessing.get_context(start_method)
