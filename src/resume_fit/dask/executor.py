"""The batch's second executor: the files still to score, as Dask tasks of a few files each.

``resume_fit.batch.run_batch`` owns discovery, the journal, ``--resume``, the cache and the outputs,
and hands the files still to do to an executor that yields ``(key, record)`` per file. The local
``WorkerPool`` is one; ``DaskExecutor`` is the other.

A task is a chunk of files, not one file: each task costs a scheduler round trip between a
worker's files (a one-thread worker holds one task, see ``cluster``), a task description to build,
send and unpack, and a result to gather. Measured on 2 busy cores (300 files, every process of
the cluster counted, ``benchmarks/dask_throughput.py``): 0.062 CPU seconds a file with one task
per file, 0.045 with chunks, against 0.043 to 0.054 for the local pool.

Chunks are sized by guided self-scheduling (``chunk_size``): a share of the files not yet sent,
so the first are large (up to ``MAX_CHUNK_FILES``) and the last are single files, and no worker
is left with a long chunk while the other idles at the end. A bounded window of chunks is in
flight (so a run of millions of files never floods the scheduler, nor, when bytes travel, the
client's memory). Every file gets exactly one record:

- the task's own records (an ``ok`` row or the file's error row, built on the worker by the same
  ``analyze_record`` as the local pool);
- a task whose workers died (``KilledWorker``: the scheduler already gave it a second try, see
  ``cluster``) costs at most its own files: a file a timeout event names gets a ``timeout`` row
  (as the local pool gives after one timeout), every other file is sent again alone; a single
  file whose workers died gets a ``timeout`` row when an event names it, else a ``crash`` row;
- any other task failure: each file again alone, then an ``internal error`` row (a worker without
  resume-fit installed stops the run instead, with a message saying so).
"""

from __future__ import annotations

import datetime as dt
import math
import time
import uuid
from collections import deque
from collections.abc import Generator, Iterable
from pathlib import Path
from typing import Any

from resume_fit.batch.discover import is_url
from resume_fit.batch.pool import PoolStats
from resume_fit.batch.record import (
    KIND_CRASH,
    KIND_INTERNAL,
    Analyze,
    Record,
    error_record,
    one_line,
    timeout_record,
)
from resume_fit.config import Limits
from resume_fit.dask.cluster import Connection, connect, workers_are_local
from resume_fit.dask.worker import TIMEOUT_TOPIC, Source, StagesPlugin, score_chunk
from resume_fit.errors import InputNotFoundError, ResumeFitError

SHIP_CHOICES = ("auto", "paths", "bytes")
_CRASH_REASON = (
    "the Dask worker reading this file died, and so did the one that tried again; "
    "the file may be malformed or too large to read"
)
# A run waits this long for a cluster left without workers (restarts take seconds) before it
# stops with the journal kept.
WORKERLESS_SECONDS = 300.0
# The client waits this long between looks at finished tasks: the scheduler holds the next chunks,
# so no worker waits for the client meanwhile.
_POLL_SECONDS = 0.02
_HEALTH_SECONDS = 5.0
# Chunks in flight per worker thread: enough that the scheduler always has the next one for a
# worker (topped up once half have finished), few enough that sent bytes stay little memory.
WINDOW_PER_THREAD = 4
# Guided self-scheduling: a chunk is this share of the files not yet sent, per worker thread ...
CHUNKS_PER_THREAD = 4
# ... and at most this many files: about a second of work, so the round trip between chunks is
# a few per mille of the run and a chunk whose worker dies costs little to redo.
MAX_CHUNK_FILES = 16


def chunk_size(remaining: int, threads: int) -> int:
    """Files in the next chunk when ``remaining`` files are not yet sent to ``threads`` threads.

    Guided self-scheduling: ``remaining / (CHUNKS_PER_THREAD * threads)``, between 1 and
    ``MAX_CHUNK_FILES``, so chunks shrink to single files as the run ends.
    """
    share = math.ceil(remaining / (CHUNKS_PER_THREAD * max(1, threads)))
    return max(1, min(MAX_CHUNK_FILES, share))


class DaskExecutor:
    """Score files on a Dask cluster, in tasks of a few files each.

    Args:
        analyze: As for ``run_batch``; must be picklable (importable, or registered with
            cloudpickle by value).
        limits: Safety limits; ``timeout_seconds`` is each task's time budget (watchdog).
        reference_date: What "present" means.
        scheduler: ``"local"`` or a scheduler address; ignored when ``client`` is given.
        client: A ``distributed.Client`` to use (left open by ``close``).
        jobs: Worker processes of a ``"local"`` cluster.
        load_stages: Load the pipeline, lexicon and catalogue in each worker at start.
        ship: ``"paths"``, ``"bytes"`` or ``"auto"`` (see ``run_batch``).
        memory_limit: Per-worker memory limit of a ``"local"`` cluster.

    Attributes:
        jobs: Worker threads in the cluster when the run started.
        ships_bytes: Whether this run sends file bytes to the workers.
        stats: Timeouts, crashes and the peak memory of a worker.
    """

    def __init__(
        self,
        analyze: Analyze,
        limits: Limits,
        reference_date: dt.date,
        *,
        scheduler: str | None = None,
        client: Any = None,
        jobs: int = 1,
        load_stages: bool = True,
        ship: str = "auto",
        memory_limit: str | int | None = None,
    ) -> None:
        if ship not in SHIP_CHOICES:
            choices = ", ".join(SHIP_CHOICES)
            raise ResumeFitError("--ship", f"expected one of {choices}, got {ship!r}")
        self.analyze = analyze
        self.limits = limits
        self.reference_date = reference_date
        self.load_stages = load_stages
        self._own: Connection | None = None
        if client is None:
            self._own = connect(scheduler or "local", jobs, memory_limit=memory_limit)
            client = self._own.client
        self.client = client
        started_here = self._own is not None and self._own.cluster is not None
        if ship == "auto":
            self.ships_bytes = not (started_here or workers_are_local(client))
        else:
            self.ships_bytes = ship == "bytes"
        self.client.register_plugin(StagesPlugin(load_stages), name=StagesPlugin.name)
        self.jobs = sum(self.client.nthreads().values())
        self.stats = PoolStats()
        self._run = uuid.uuid4().hex[:8]

    def imap(self, tasks: Iterable[tuple[str, Any]]) -> Generator[tuple[str, Record], None, None]:
        """Yield ``(key, record)`` for every ``(key, path or URL)`` task, in completion order.

        Every task yields exactly one record. Tasks still in flight are cancelled when the
        iteration is closed early or raises.
        """
        from distributed import as_completed

        todo = deque(tasks)
        window = WINDOW_PER_THREAD * max(1, self.jobs)
        # Task key -> the (file key, source) pairs it holds, in order; and its future, to cancel.
        chunks: dict[str, list[tuple[str, Source]]] = {}
        futures: dict[str, Any] = {}
        again: deque[tuple[str, Source]] = deque()  # files of a failed chunk, to send alone
        answered: deque[tuple[str, Record]] = deque()
        # Results come back in batches, gathered on the client's event loop: one blocking call
        # per batch of finished tasks rather than one per task.
        running = as_completed(with_results=True, raise_errors=False)
        number = 0

        def refill() -> None:
            nonlocal number
            batch: list[list[tuple[str, Source]]] = [[(key, s)] for key, s in again]
            again.clear()
            while len(chunks) + len(batch) < window and todo:
                size = chunk_size(len(todo), self.jobs)
                chunk: list[tuple[str, Source]] = []
                while todo and len(chunk) < size:
                    key, payload = todo.popleft()
                    source = self._source(key, payload)
                    if isinstance(source, dict):  # refused before sending (unreadable, too large)
                        answered.append((key, source))
                    else:
                        chunk.append((key, source))
                if chunk:
                    batch.append(chunk)
            if not batch:
                return
            task_keys = [f"resume-fit-{self._run}-{number + i}" for i in range(len(batch))]
            number += len(batch)
            submitted = self.client.map(
                score_chunk,
                [tuple(source for _, source in chunk) for chunk in batch],
                key=task_keys,
                retries=0,
                analyze=self.analyze,
                limits=self.limits,
                reference_date=self.reference_date,
                load_stages=self.load_stages,
            )
            chunks.update(zip(task_keys, batch, strict=True))
            futures.update((future.key, future) for future in submitted)
            running.update(submitted)

        try:
            refill()
            while chunks or answered or again:
                while answered:
                    yield answered.popleft()
                if not chunks:
                    refill()
                    continue
                done = self._next_done(running)
                outcomes: list[tuple[str, Record]] = []
                for future, result in done:
                    futures.pop(future.key, None)
                    chunk = chunks.pop(future.key)
                    outcomes += self._outcomes(future, result, chunk, again)
                    future.release()
                if len(chunks) <= window // 2 or again:  # in batches: a submission has a cost
                    refill()
                yield from outcomes
        finally:
            if futures:
                running.clear()
                self.client.cancel(list(futures.values()))

    def _next_done(self, running: Any) -> list[tuple[Any, Any]]:
        """Wait for finished tasks; give up when the cluster has had no worker for too long
        (their files stay unjournaled, so ``--resume`` scores them later)."""
        no_worker_since: float | None = None
        checked = time.monotonic()
        while not running.has_ready():
            time.sleep(_POLL_SECONDS)
            now = time.monotonic()
            if now - checked < _HEALTH_SECONDS:
                continue
            checked = now
            if self.client.nthreads():
                no_worker_since = None
                continue
            no_worker_since = no_worker_since or now
            if now - no_worker_since >= WORKERLESS_SECONDS:
                raise ResumeFitError(
                    "--scheduler",
                    f"the cluster has had no worker for {WORKERLESS_SECONDS:g} s; start workers "
                    "and rerun with --resume to finish the files not yet scored",
                )
        return list(running.next_batch(block=False))

    def close(self) -> None:
        """Close the client and cluster this executor started (a given client stays open)."""
        if self._own is not None:
            self._own.close()
            self._own = None

    def _source(self, key: str, payload: Any) -> Source | Record:
        name = Path(str(payload)).name
        if is_url(payload):
            return Source(name=name.rsplit("/", 1)[-1], url=str(payload))
        if not self.ships_bytes:
            return Source(name=name, path=str(Path(payload).resolve()))
        from resume_fit.parse.document import check_size

        path = Path(payload)
        try:
            size = path.stat().st_size
            if size > self.limits.max_bytes:  # refused here rather than sent: same row
                check_size(path, size, self.limits)
            return Source(name=name, data=path.read_bytes())
        except ResumeFitError as error:
            return error_record(error.kind, error.reason)
        except OSError as error:
            reason = f"cannot read the file ({error.strerror})"
            return error_record(InputNotFoundError.kind, reason)

    def _outcomes(
        self,
        future: Any,
        result: Any,
        chunk: list[tuple[str, Source]],
        again: deque[tuple[str, Source]],
    ) -> list[tuple[str, Record]]:
        """The records of a finished task, or its files put in ``again`` to be sent alone.

        ``result`` is the task's value, or for a failed task the ``(type, exception,
        traceback)`` of its error.
        """
        from distributed.scheduler import KilledWorker

        error = _task_error(result)
        if error is None:
            records, rss = result
            self.stats.peak_worker_rss_mb = max(self.stats.peak_worker_rss_mb, float(rss))
            return [(key, dict(record)) for (key, _), record in zip(chunk, records, strict=True)]
        if isinstance(error, ImportError):
            raise ResumeFitError(
                "--scheduler",
                f"a Dask worker cannot run resume-fit ({type(error).__name__}: {error}); "
                "install the same resume-fit version on every worker",
            )
        late = self._timed_out(future.key) if isinstance(error, KilledWorker) else set()
        outcomes: list[tuple[str, Record]] = []
        for position, (key, source) in enumerate(chunk):
            if position in late:
                self.stats.timeouts += 1
                outcomes.append((key, timeout_record(self.limits.timeout_seconds)))
            elif len(chunk) > 1:
                again.append((key, source))  # it may be innocent: alone, it is judged alone
            elif isinstance(error, KilledWorker):
                self.stats.crashes += 1
                outcomes.append((key, error_record(KIND_CRASH, _CRASH_REASON)))
            else:
                detail = one_line(str(error))
                reason = f"internal error ({type(error).__name__}{': ' + detail if detail else ''})"
                outcomes.append((key, error_record(KIND_INTERNAL, reason)))
        return outcomes

    def _timed_out(self, task_key: str) -> set[int]:
        """The positions, in the task ``task_key``, of the files a watchdog reported late."""
        events = self.client.get_events(TIMEOUT_TOPIC)
        return {int(m.get("file", 0)) for _, m in events if m.get("key") == task_key}


def _task_error(result: Any) -> BaseException | None:
    """The error of a failed task's result (the exception, or ``(type, exception, traceback)``),
    None for a finished task's ``(records, rss)``.

    The future's status cannot tell: a task that finished on a worker that died afterwards is
    back to "lost" or "pending" by the time its result, already received, is read.
    """
    if isinstance(result, BaseException):
        return result
    if isinstance(result, tuple) and len(result) == 3 and isinstance(result[1], BaseException):
        return result[1]
    return None
