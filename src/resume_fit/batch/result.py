"""What a batch run gives back: one record per file, the skipped files, and its statistics."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from resume_fit.batch.record import STATUS_OK, Record


@dataclass(frozen=True)
class BatchStats:
    """Counts and measurements of one batch run.

    Attributes:
        files: Resume files found (one row each).
        scored: Files with status ``"ok"``.
        failed: Files with status ``"error"``.
        skipped: Other files found and not scored.
        analysed: Files analysed in this run (not taken from the journal or the cache).
        from_cache: Files whose result came from the cache.
        resumed: Files whose result came from the journal of an interrupted run.
        timeouts: Files stopped by the per-file time budget.
        crashes: Files whose worker process died.
        jobs: Worker processes used (0: analysed in this process).
        peak_worker_rss_mb: Largest peak resident memory of one worker, in MiB.
        warm_up_seconds: Time spent loading the pipeline, lexicon and catalogue before the
            workers started (0 when the workers or the analysis load them themselves).
        parsed_ahead: Files the head start parsed while the pipeline loaded (``headstart``).
        seconds: Wall-clock duration of the run.
    """

    files: int
    scored: int
    failed: int
    skipped: int
    analysed: int
    from_cache: int
    resumed: int
    timeouts: int
    crashes: int
    jobs: int
    peak_worker_rss_mb: float
    warm_up_seconds: float
    parsed_ahead: int
    seconds: float


@dataclass(frozen=True)
class BatchResult:
    """The outcome of a batch: one record per file, the skipped files, and what was written.

    Attributes:
        records: One record per resume file, sorted by path (see ``resume_fit.batch.record``).
        skipped: ``(path, reason)`` for files found but not scored.
        stats: Counts and measurements.
        table: The ranked table (``records_to_frame``), shortlisted when a role/top/min-score
            was asked for.
        written: Files written, in the order written (empty for ``run_batch``).
        postings: The job postings every file was also scored against, parsed, in order.
    """

    records: tuple[Record, ...]
    skipped: tuple[tuple[str, str], ...]
    stats: BatchStats
    table: Any = None
    written: tuple[Path, ...] = ()
    postings: tuple[Any, ...] = ()

    @property
    def failures(self) -> tuple[tuple[str, str], ...]:
        """``(path, reason)`` of every file that got an error row."""
        return tuple(
            (r["path"], f"{r['error_kind']}: {r['error']}")
            for r in self.records
            if r["status"] != STATUS_OK
        )
