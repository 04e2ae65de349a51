"""What runs inside a Dask worker: a chunk of files as one task, the stage loader, the watchdog.

A task gets a few ``Source``s (a path the worker can read, an fsspec URL, or the file's bytes sent
by the client) and returns their records in order, each built by the same ``analyze_record`` the
local pool uses, so a row cannot depend on where it was computed. Several files per task, because
each task costs scheduler round trips and a task description to unpack (see ``executor``). Bytes
are written to a private temporary folder under the file's own name (the parser looks at the
content; the name keeps error messages and Markdown detection the same) and removed afterwards.

The spaCy pipeline, lexicon and catalogue load once per worker process: ``StagesPlugin`` loads them
when the worker starts (and again in a worker that replaces a dead one), and each loader caches,
so a task only finds them loaded.

A thread cannot be stopped from outside, so the per-file time budget is kept by a watchdog thread:
when a file runs past its budget, the watchdog reports the task's key and the file's position in
the task to the scheduler (an event on ``TIMEOUT_TOPIC``) and ends the worker process. The nanny
starts a fresh worker, the scheduler gives the task that worker held to another one, and the
client turns a task that killed its workers into rows (``executor``): a timeout row for a file an
event names, each other file tried again alone.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import hashlib
import os
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from distributed import WorkerPlugin

from resume_fit.batch.pool import peak_rss_mb, warm_up
from resume_fit.batch.record import Analyze, Record, analyze_record, error_record
from resume_fit.config import Limits
from resume_fit.errors import ResumeFitError

TIMEOUT_TOPIC = "resume-fit-timeout"
# How often the watchdog looks, and how long at most it waits for the scheduler to confirm the
# timeout event before the process ends (a busy machine answers in milliseconds to seconds).
_WATCH_SECONDS = 0.1
_REPORT_SECONDS = 10.0
_TIMEOUT_EXIT_CODE = 75


@dataclass(frozen=True)
class Source:
    """One file as a worker receives it: exactly one of ``path``, ``url`` and ``data`` is set.

    Attributes:
        name: The file's base name (``cv.pdf``).
        path: A path the worker reads (a shared or the same file system).
        url: An fsspec URL the worker reads (``s3://bucket/cv.pdf``).
        data: The file's bytes, read by the client.
    """

    name: str
    path: str | None = None
    url: str | None = None
    data: bytes | None = None


class StagesPlugin(WorkerPlugin):
    """Load the pipeline, lexicon and catalogue when a worker starts (once per process).

    Args:
        load_stages: False for a replacement ``analyze`` that needs none of them (tests).
    """

    name = "resume-fit-stages"

    def __init__(self, load_stages: bool = True) -> None:
        self.load_stages = load_stages

    def setup(self, worker: Any) -> None:
        """Called by Dask in each worker process, before its first task."""
        if self.load_stages:
            warm_up()
            # As in the local pool: what is loaded now lives as long as the process, and taking
            # it out of the collector's view spares every full collection a walk through it.
            gc.freeze()


def score_chunk(
    sources: tuple[Source, ...],
    analyze: Analyze,
    limits: Limits,
    reference_date: dt.date,
    load_stages: bool,
) -> tuple[list[Record], float]:
    """The task: analyse files one after another; their records in order, and this worker's
    peak memory (MiB).

    Each file has its own time budget (``limits.timeout_seconds``). A URL's record carries the
    ``sha256`` of the bytes read, which only the worker knows.
    """
    if load_stages:
        warm_up()  # a no-op once the plugin (or an earlier task) has loaded the stages
    records = []
    for position, source in enumerate(sources):
        with _watched(limits.timeout_seconds, position):
            if source.path is not None:
                record = analyze_record(Path(source.path), analyze, limits, reference_date)
            else:
                record = _score_bytes(source, analyze, limits, reference_date)
        records.append(record)
    return records, peak_rss_mb()


def _score_bytes(
    source: Source, analyze: Analyze, limits: Limits, reference_date: dt.date
) -> Record:
    data = source.data
    sha = ""
    if source.url is not None:
        from resume_fit.dask.sources import read_url

        try:
            data = read_url(source.url, limits)
        except ResumeFitError as error:
            return error_record(error.kind, error.reason)
        sha = hashlib.sha256(data).hexdigest()
    with tempfile.TemporaryDirectory(prefix="resume-fit-") as folder:
        file = Path(folder) / source.name
        file.write_bytes(data or b"")
        record = analyze_record(file, analyze, limits, reference_date)
    return {**record, "sha256": sha} if source.url is not None else record


_lock = threading.Lock()
# thread -> (task key, the file's position in the task, deadline, budget)
_running: dict[int, tuple[str, int, float, float]] = {}
_watchdog: threading.Thread | None = None


@contextlib.contextmanager
def _watched(budget: float, position: int) -> Iterator[None]:
    """Put the current task's file at ``position`` under the watchdog for ``budget`` seconds
    (0: no budget)."""
    worker = _current_worker()
    if not budget or budget <= 0 or worker is None:
        yield
        return
    key = str(worker.get_current_task())
    _start_watchdog(worker)
    ident = threading.get_ident()
    with _lock:
        _running[ident] = (key, position, time.monotonic() + budget, budget)
    try:
        yield
    finally:
        with _lock:
            _running.pop(ident, None)


def _current_worker() -> Any:
    from distributed import get_worker

    try:
        return get_worker()
    except ValueError:  # not inside a Dask worker (a local scheduler): nothing to watch with
        return None


def _start_watchdog(worker: Any) -> None:
    global _watchdog
    with _lock:
        if _watchdog is None or not _watchdog.is_alive():
            _watchdog = threading.Thread(
                target=_watch, args=(worker,), name="resume-fit-watchdog", daemon=True
            )
            _watchdog.start()


def _watch(worker: Any) -> None:
    while True:
        time.sleep(_WATCH_SECONDS)
        now = time.monotonic()
        with _lock:
            late = [
                (key, position, budget)
                for key, position, deadline, budget in _running.values()
                if now >= deadline
            ]
        if not late:
            continue
        reported = threading.Event()
        # The worker's event loop owns its connections; add_callback is the thread-safe door.
        worker.loop.add_callback(_report, worker, late, reported)
        reported.wait(_REPORT_SECONDS)
        os._exit(_TIMEOUT_EXIT_CODE)  # the only way to stop a thread stuck in a file


async def _report(
    worker: Any, late: list[tuple[str, int, float]], reported: threading.Event
) -> None:
    # A call the scheduler answers once the event is stored, rather than the worker's batched
    # stream, which the exit could cut before it is sent (a crash row instead of a timeout row).
    try:
        for key, position, budget in late:
            message = {"key": key, "file": position, "budget": budget}
            await worker.scheduler.log_event(topic=TIMEOUT_TOPIC, msg=message)
    finally:
        reported.set()
