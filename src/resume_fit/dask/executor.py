"""The batch's second executor: the files still to score, as Dask tasks, one record back per file.

``resume_fit.batch.run_batch`` owns discovery, the journal, ``--resume``, the cache and the outputs,
and hands the files still to do to an executor that yields ``(key, record)`` per file. The local
``WorkerPool`` is one; ``DaskExecutor`` is the other. It keeps a bounded window of tasks in flight
(so a run of millions of files never floods the scheduler, nor, when bytes travel, the client's
memory), one task per file with a key of its own, and turns every outcome into exactly one record:

- the task's own record (an ``ok`` row or the file's error row, built on the worker by the same
  ``analyze_record`` as the local pool);
- ``KilledWorker`` (each worker that tried the file died: the scheduler already gave it a second
  try, see ``cluster``): a ``timeout`` row when the worker's watchdog reported the file past its
  time budget, else a ``crash`` row;
- any other task failure: an ``internal error`` row (a worker without resume-fit installed
  stops the run instead, with a message saying so).
"""

from __future__ import annotations

import datetime as dt
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
from resume_fit.dask.worker import TIMEOUT_TOPIC, Source, StagesPlugin, score_source
from resume_fit.errors import InputNotFoundError, ResumeFitError

SHIP_CHOICES = ("auto", "paths", "bytes")
# A run waits this long for a cluster left without workers (restarts take seconds) before it
# stops with the journal kept.
WORKERLESS_SECONDS = 300.0
_POLL_SECONDS = 0.005
_HEALTH_SECONDS = 5.0
# Tasks in flight per worker thread: enough that no worker waits for the client between files
# (topped up once half have finished), few enough that sent bytes stay a small amount of memory.
WINDOW_PER_THREAD = 8


class DaskExecutor:
    """Score files on a Dask cluster, one task per file.

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

        todo = iter(enumerate(tasks))
        window = WINDOW_PER_THREAD * max(1, self.jobs)
        keys: dict[str, str] = {}  # task key -> file key
        futures: dict[str, Any] = {}  # task key -> future, to cancel on the way out
        answered: deque[tuple[str, Record]] = deque()
        # Results come back in batches, gathered on the client's event loop: one blocking call
        # per batch of finished files rather than one per file.
        running = as_completed(with_results=True, raise_errors=False)

        def refill() -> None:
            sources: list[Source] = []
            task_keys: list[str] = []
            while len(keys) + len(sources) < window:
                item = next(todo, None)
                if item is None:
                    break
                number, (key, payload) = item
                source = self._source(key, payload)
                if isinstance(source, dict):  # refused before sending (unreadable, too large)
                    answered.append((key, source))
                    continue
                task_key = f"resume-fit-{self._run}-{number}"
                keys[task_key] = key
                sources.append(source)
                task_keys.append(task_key)
            if not sources:
                return
            submitted = self.client.map(
                score_source,
                sources,
                key=task_keys,
                retries=0,
                analyze=self.analyze,
                limits=self.limits,
                reference_date=self.reference_date,
                load_stages=self.load_stages,
            )
            futures.update((future.key, future) for future in submitted)
            running.update(submitted)

        try:
            refill()
            while keys or answered:
                while answered:
                    yield answered.popleft()
                if not keys:
                    refill()
                    continue
                done = self._next_done(running)
                for future, _ in done:
                    futures.pop(future.key, None)
                outcomes = [(keys.pop(f.key), self._outcome(f, result)) for f, result in done]
                for future, _ in done:
                    future.release()
                if len(keys) <= window // 2:  # in batches: each submission has a fixed cost
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

    def _outcome(self, future: Any, result: Any) -> Record:
        """The record for a finished task; ``result`` is its value, or for a failed task the
        ``(type, exception, traceback)`` of its error."""
        from distributed.scheduler import KilledWorker

        if future.status != "error":
            record, rss = result
            self.stats.peak_worker_rss_mb = max(self.stats.peak_worker_rss_mb, float(rss))
            return dict(record)
        error = result[1] if isinstance(result, tuple) else result
        if isinstance(error, KilledWorker):
            if self._timed_out(future.key):
                self.stats.timeouts += 1
                return timeout_record(self.limits.timeout_seconds)
            self.stats.crashes += 1
            return error_record(
                KIND_CRASH,
                "the Dask worker reading this file died, and so did the one that tried again; "
                "the file may be malformed or too large to read",
            )
        if isinstance(error, ImportError):
            raise ResumeFitError(
                "--scheduler",
                f"a Dask worker cannot run resume-fit ({type(error).__name__}: {error}); "
                "install the same resume-fit version on every worker",
            )
        detail = one_line(str(error))
        reason = f"internal error ({type(error).__name__}{': ' + detail if detail else ''})"
        return error_record(KIND_INTERNAL, reason)

    def _timed_out(self, task_key: str) -> bool:
        events = self.client.get_events(TIMEOUT_TOPIC)
        return any(message.get("key") == task_key for _, message in events)
