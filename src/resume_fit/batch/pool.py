"""A small pool of worker processes that outlives its workers.

``concurrent.futures.ProcessPoolExecutor`` breaks as a whole when one worker dies, and cannot stop a
single task that hangs. This pool feeds each worker one file at a time over its own pipe, so the
parent always knows which file each worker holds: a worker past its per-file deadline is killed and
replaced and its file gets a ``timeout`` row; a worker that dies (segfault, ``os._exit``, the OOM
killer) is replaced and its file gets a ``crash`` row; every other file goes on.

Workers are started with ``fork`` on Linux: the parent loads the spaCy pipeline, lexicon and
catalogue once, and every worker (each replacement too) starts with them already in memory, shared
copy-on-write, in milliseconds. ``spawn`` and ``forkserver`` work too (each worker then loads the
stages itself, in ``warm_up``), at the cost of a pipeline load per worker and per replacement:
measured on 2 cores, 2 workers scoring 4 files took 15.2 s with fork, 20.5 s with spawn and 22.8 s
with forkserver, at 208 MiB against 239 MiB peak memory per worker.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import multiprocessing
import resource
import signal
import sys
import time
from collections import deque
from collections.abc import Generator, Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resume_fit import errors
from resume_fit.batch.record import (
    KIND_CRASH,
    Analyze,
    Record,
    analyze_record,
    error_record,
    timeout_record,
)
from resume_fit.config import Limits

if TYPE_CHECKING:
    from multiprocessing.context import (
        DefaultContext,
        ForkContext,
        ForkServerContext,
        SpawnContext,
    )

    # A context that can start processes (typeshed's BaseContext has no ``Process``); fork
    # contexts do not exist on Windows, so the names are for the type checker only.
    ProcessContext = DefaultContext | ForkContext | ForkServerContext | SpawnContext

# A worker that cannot even start this many times in a row means the installation is broken.
_MAX_START_FAILURES = 3
_INIT_TIMEOUT_SECONDS = 600.0


def warm_up() -> None:
    """Load the spaCy pipeline, lexicon and catalogue into this process (each loader caches).

    Raises:
        ResumeFitError: A shipped data file is broken.
    """
    # The readers' libraries too (pdfminer, python-docx: about 0.3 s), so that no worker, and no
    # replacement of a worker, imports them again.
    import docx  # noqa: F401

    import resume_fit.parse.pdf  # noqa: F401
    from resume_fit.extract import warm_pipeline
    from resume_fit.lexicon import load_lexicon
    from resume_fit.roles import load_catalogue

    warm_pipeline()  # the pipeline and its fuzzy resolver, built on first use otherwise
    load_lexicon()
    load_catalogue()


def peak_rss_mb() -> float:
    """Peak resident memory of this process so far, in MiB (``VmHWM``)."""
    # ru_maxrss is in KiB on Linux (bytes on macOS, where this is only a rough figure).
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def default_context() -> ProcessContext:
    """``fork`` on Linux; the platform default elsewhere (fork is unsafe on macOS, absent on
    Windows)."""
    if sys.platform.startswith("linux"):
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context(None)


def _worker_main(
    conn: Connection,
    analyze: Analyze,
    limits: Limits | None,
    reference_date: dt.date | None,
    load_stages: bool,
) -> None:
    # Ctrl-C reaches the whole process group; the parent decides, and stops the workers itself.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        if load_stages:
            warm_up()
    except errors.ResumeFitError as error:
        conn.send(("init-error", type(error).__name__, error.path, error.reason))
        return
    except Exception as error:
        conn.send(("init-error", "ResumeFitError", "<worker>", f"{type(error).__name__}: {error}"))
        return
    # Everything alive now (the pipeline, lexicon, catalogue) lives as long as the worker; taking it
    # out of the collector's view stops each collection from writing to, and so copying, the pages
    # shared with the parent after fork.
    gc.freeze()
    conn.send(("ready", peak_rss_mb()))
    while True:
        try:
            message = conn.recv()
        except (EOFError, OSError):
            return
        if message is None:
            return
        task_id, payload = message
        # A path, or the text a head start already parsed (see ``headstart``).
        source = Path(payload) if isinstance(payload, str) else payload
        record = analyze_record(source, analyze, limits, reference_date)
        try:
            conn.send(("done", task_id, record, peak_rss_mb()))
        except OSError:  # the parent is gone (killed): nobody is waiting for the result
            return


@dataclass
class _Worker:
    process: BaseProcess
    conn: Connection
    started: float
    ready: bool = False
    task: tuple[Any, float | None] | None = None  # (task key, deadline)
    done: int = 0


@dataclass
class PoolStats:
    """What the pool observed: replacements and the peak memory of any one worker.

    Attributes:
        workers_started: Worker processes started, replacements included.
        timeouts: Tasks stopped by the time budget.
        crashes: Tasks whose worker died.
        peak_worker_rss_mb: Largest peak resident memory reported by one worker, in MiB.
    """

    workers_started: int = 0
    timeouts: int = 0
    crashes: int = 0
    peak_worker_rss_mb: float = 0.0
    start_failures: int = field(default=0, repr=False)


class WorkerPool:
    """Run ``analyze`` on files in ``jobs`` worker processes, one file per worker at a time.

    Args:
        jobs: Number of worker processes (at least 1).
        analyze: ``analyze(path, limits=..., reference_date=...)`` returning a ``GapReport`` or
            a ``FileScore``; with ``fork`` any callable works, other start methods need a
            picklable one.
        limits: Passed to ``analyze``; ``limits.timeout_seconds`` is also the hard per-file
            deadline (0 disables it).
        reference_date: Passed to ``analyze``.
        context: A multiprocessing context; ``default_context()`` when None.
        load_stages: Load the spaCy pipeline, lexicon and catalogue in each worker before its
            first file (a no-op when a forked worker inherited them); False for a fake analyze.
        recycle_after: Replace a worker after this many files, bounding any slow growth in
            memory (spaCy's string store grows with every new word); 0 never replaces.
    """

    def __init__(
        self,
        jobs: int,
        analyze: Analyze,
        limits: Limits | None,
        reference_date: dt.date | None,
        *,
        context: ProcessContext | None = None,
        load_stages: bool = True,
        recycle_after: int = 0,
    ) -> None:
        self.jobs = max(1, jobs)
        self.analyze = analyze
        self.limits = limits
        self.reference_date = reference_date
        self.context = context or default_context()
        self.recycle_after = recycle_after
        self.load_stages = load_stages
        budget = limits.timeout_seconds if limits is not None else 0.0
        self.budget = budget if budget and budget > 0 else None
        self.stats = PoolStats()
        self._workers: list[_Worker] = []

    def imap(self, tasks: Iterable[tuple[Any, Any]]) -> Generator[tuple[Any, Record], None, None]:
        """Yield ``(key, record)`` for every ``(key, source)`` task, in completion order.

        A source is a file's path, or anything else ``analyze`` accepts in its place (the batch
        passes texts parsed ahead of time); it must be picklable.

        Every task yields exactly one record, an error record when its worker timed out or died.
        The workers are stopped when the iteration ends, is closed early, or raises.
        """
        pending = deque(tasks)
        try:
            while pending or any(w.task is not None for w in self._workers):
                busy = sum(1 for w in self._workers if w.task is not None)
                while len(self._workers) < min(self.jobs, busy + len(pending)):
                    self._start()
                for worker in list(self._workers):
                    if worker.ready and worker.task is None and pending:
                        task = pending.popleft()
                        if not self._assign(worker, *task):
                            pending.appendleft(task)
                yield from self._collect()
        except BaseException:
            self._stop(kill=True)
            raise
        self._stop(kill=False)

    def _start(self) -> None:
        parent_conn, child_conn = self.context.Pipe(duplex=True)
        process = self.context.Process(
            target=_worker_main,
            args=(child_conn, self.analyze, self.limits, self.reference_date, self.load_stages),
            daemon=True,
            name="resume-fit-worker",
        )
        process.start()
        child_conn.close()
        self.stats.workers_started += 1
        self._workers.append(_Worker(process, parent_conn, time.monotonic()))

    def _assign(self, worker: _Worker, key: Any, source: Any) -> bool:
        try:
            worker.conn.send((key, str(source) if isinstance(source, Path) else source))
        except OSError:
            # The worker died while idle (killed from outside): the file was never given to it.
            self._retire(worker, kill=True)
            return False
        deadline = time.monotonic() + self.budget if self.budget is not None else None
        worker.task = (key, deadline)
        return True

    def _collect(self) -> Iterator[tuple[Any, Record]]:
        now = time.monotonic()
        deadlines = [w.task[1] for w in self._workers if w.task is not None and w.task[1]]
        deadlines += [w.started + _INIT_TIMEOUT_SECONDS for w in self._workers if not w.ready]
        timeout = max(0.0, min(deadlines) - now) if deadlines else None
        handles: list[Any] = [w.conn for w in self._workers]
        handles += [w.process.sentinel for w in self._workers]
        ready = set(wait(handles, timeout))
        for worker in list(self._workers):
            if worker.conn in ready or worker.process.sentinel in ready:
                yield from self._drain(worker)
        now = time.monotonic()
        for worker in list(self._workers):
            if worker.task is not None and worker.task[1] is not None and now >= worker.task[1]:
                key = worker.task[0]
                self._retire(worker, kill=True)
                self.stats.timeouts += 1
                yield key, timeout_record(self.budget or 0.0)
            elif not worker.ready and now >= worker.started + _INIT_TIMEOUT_SECONDS:
                self._retire(worker, kill=True)
                self._start_failed(f"a worker took over {_INIT_TIMEOUT_SECONDS:g} s to start")

    def _drain(self, worker: _Worker) -> Iterator[tuple[Any, Record]]:
        try:
            while worker.conn.poll():
                message = worker.conn.recv()
                kind = message[0]
                if kind == "ready":
                    worker.ready = True
                    self.stats.start_failures = 0
                    self._note_rss(message[1])
                elif kind == "done":
                    _, key, record, rss = message
                    worker.task = None
                    worker.done += 1
                    self._note_rss(rss)
                    yield key, record
                    if self.recycle_after and worker.done >= self.recycle_after:
                        self._retire(worker, kill=False)
                        return
                elif kind == "init-error":
                    _, class_name, path, reason = message
                    error_class = getattr(errors, class_name, errors.ResumeFitError)
                    raise error_class(path, reason)
        except (EOFError, OSError):
            pass
        if worker.process.is_alive():
            return
        # The worker is gone: reap it, then give its file (if any) a row of its own.
        worker.process.join(timeout=5)
        exit_code = worker.process.exitcode
        task = worker.task
        was_ready = worker.ready
        self._retire(worker, kill=True)
        if task is not None:
            self.stats.crashes += 1
            reason = (
                f"the worker reading this file died ({_describe_exit(exit_code)}); "
                "the file may be malformed or too large to read"
            )
            yield task[0], error_record(KIND_CRASH, reason)
        elif not was_ready:
            self._start_failed(f"a worker died while starting ({_describe_exit(exit_code)})")

    def _start_failed(self, reason: str) -> None:
        self.stats.start_failures += 1
        if self.stats.start_failures >= _MAX_START_FAILURES:
            raise errors.ResumeFitError(
                "<batch>", f"{reason}, {_MAX_START_FAILURES} times in a row; check the installation"
            )

    def _note_rss(self, rss_mb: float) -> None:
        self.stats.peak_worker_rss_mb = max(self.stats.peak_worker_rss_mb, float(rss_mb))

    def _retire(self, worker: _Worker, *, kill: bool) -> None:
        if worker in self._workers:
            self._workers.remove(worker)
        if not kill:
            with contextlib.suppress(OSError):
                worker.conn.send(None)
            worker.process.join(timeout=5)
        if worker.process.is_alive():
            worker.process.kill()
            worker.process.join()
        worker.conn.close()
        with contextlib.suppress(ValueError):
            worker.process.close()

    def _stop(self, *, kill: bool) -> None:
        for worker in list(self._workers):
            self._retire(worker, kill=kill)


def _describe_exit(exit_code: int | None) -> str:
    if exit_code is None:
        return "no exit status"
    if exit_code < 0:
        try:
            return f"killed by {signal.Signals(-exit_code).name}"
        except ValueError:
            return f"killed by signal {-exit_code}"
    return f"exit code {exit_code}"
