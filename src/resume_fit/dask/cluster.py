"""Reaching a Dask cluster: a scheduler address, or a LocalCluster of worker processes here.

The batch wants three settings, which a ``LocalCluster`` started here gets from
``LOCAL_CONFIG``; a cluster you run yourself should set them too (``README``, "Scaling out"):

- ``distributed.scheduler.allowed-failures: 1``: a file whose worker died is tried once more
  elsewhere, and if that worker dies too the file gets an error row (Dask's default, 3, tries it
  four times).
- ``distributed.scheduler.worker-saturation: 1.0``: a one-thread worker holds only the task it
  is working on (a chunk of a few files, see ``executor``), so a file that kills its worker costs
  only its own chunk a try (with Dask's default, 1.1, the worker holds a second chunk, which
  would share the death). The price is a scheduler round trip between chunks, not between files.
- ``distributed.worker.profile.enabled: false``: the statistical profiler samples every thread's
  stack every 10 ms, which costs CPU on deep spaCy stacks and shows nothing the batch needs.

A local cluster also keeps a worker whose restart is slow: Dask's ``LocalCluster`` closes, for
good, the nanny of a worker that has not come back ``distributed.deploy.lost-worker-timeout``
after it left (15 s). A worker the watchdog ended, restarting on busy cores, can take longer, and
with both workers of a 2-worker cluster closed the run had nothing left to run on (it waited
``executor.WORKERLESS_SECONDS``, which looked like a hang). Here the wait is
``LOST_WORKER_SECONDS``.

A local cluster also wakes up less often (``TIMERS_CONFIG``: event-loop health ticks, system
monitor, work stealing, which has nothing to steal when each worker holds one file): measured on
2 busy cores, an idle cluster of 2 workers then burns 0.036 instead of 0.093 CPU seconds per second
(``benchmarks/dask_throughput.py`` compares the batch's CPU seconds with the local pool's).
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import socket
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from resume_fit.errors import ResumeFitError

LOCAL = "local"
LOCAL_CONFIG: dict[str, Any] = {
    "distributed.scheduler.allowed-failures": 1,
    "distributed.scheduler.worker-saturation": 1.0,
    "distributed.worker.profile.enabled": False,
}
TIMERS_CONFIG: dict[str, Any] = {
    "distributed.admin.tick.interval": "500ms",
    "distributed.admin.system-monitor.interval": "2s",
    "distributed.admin.system-monitor.disk": False,
    "distributed.scheduler.work-stealing": False,
}
# Loopback only: a LocalCluster started by resume-fit is never reachable from the network.
LOCAL_HOST = "127.0.0.1"
CONNECT_TIMEOUT_SECONDS = 30
WORKERS_TIMEOUT_SECONDS = 120
# Closing waits this long for the client, then for the cluster; a local cluster's worker
# processes still alive after that are killed, so closing never hangs (a nanny restarting a
# worker while the cluster closes can wait for it forever).
CLOSE_TIMEOUT_SECONDS = 30
# How long a local cluster waits for a worker to come back before closing its nanny.
LOST_WORKER_SECONDS = 600


@dataclass
class Connection:
    """A client, and the cluster this module started for it (None when it connected to one).

    Attributes:
        client: The ``distributed.Client``.
        cluster: The ``LocalCluster`` started here, closed with the client.
    """

    client: Any
    cluster: Any = None

    def close(self) -> None:
        """Close the client, and the cluster when it was started here, in bounded time."""
        pids = _worker_pids(self.cluster) if self.cluster is not None else []
        with contextlib.suppress(TimeoutError, OSError):
            self.client.close(timeout=CLOSE_TIMEOUT_SECONDS)
        if self.cluster is None:
            return
        try:
            self.cluster.close(timeout=CLOSE_TIMEOUT_SECONDS)
        except (TimeoutError, OSError):
            for pid in pids + _worker_pids(self.cluster):
                with contextlib.suppress(OSError):
                    os.kill(pid, signal.SIGKILL)


def _patient(local_cluster: type) -> type:
    """``LocalCluster`` waiting ``LOST_WORKER_SECONDS`` for a worker to come back.

    ``SpecCluster`` reads the timeout from the config each time a worker leaves, on the event
    loop, so it is set around that call (the config set while creating the cluster is gone by
    then).
    """
    import dask

    class PatientCluster(local_cluster):  # type: ignore[misc, valid-type]
        def _update_worker_status(self, op: str, msg: Any) -> None:
            timeout = {"distributed.deploy.lost-worker-timeout": f"{LOST_WORKER_SECONDS}s"}
            with dask.config.set(timeout):
                super()._update_worker_status(op, msg)

    return PatientCluster


def _worker_pids(cluster: Any) -> list[int]:
    """The process ids of a local cluster's workers (each nanny's child), as far as known."""
    pids = []
    for nanny in list(getattr(cluster, "workers", {}).values()):
        pid = getattr(nanny, "pid", None)
        if isinstance(pid, int) and pid > 0:
            pids.append(pid)
    return pids


def connect(
    scheduler: str,
    jobs: int,
    *,
    memory_limit: str | int | None = None,
) -> Connection:
    """Connect to ``scheduler``, or start a LocalCluster when it is ``"local"``.

    Args:
        scheduler: ``"local"`` or a scheduler address (``tcp://host:8786``).
        jobs: Worker processes of a local cluster (one thread each).
        memory_limit: Per-worker memory limit of a local cluster (Dask's default: a share of
            the machine's memory).

    Raises:
        ResumeFitError: dask[distributed] is not installed, or the scheduler cannot be reached.
    """
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError:
        raise ResumeFitError(
            "--scheduler", "running on Dask needs pip install 'resume-fit[dask]'"
        ) from None
    if scheduler == LOCAL:
        with dask.config.set({**LOCAL_CONFIG, **TIMERS_CONFIG}):
            cluster = _patient(LocalCluster)(
                n_workers=max(1, jobs),
                threads_per_worker=1,
                processes=True,
                host=LOCAL_HOST,
                dashboard_address=f"{LOCAL_HOST}:0",  # a free port, never a fixed one
                memory_limit=memory_limit if memory_limit is not None else "auto",
                silence_logs=logging.CRITICAL,  # each failure becomes a row, not a log line
            )
            try:
                client = Client(cluster)
            except BaseException:
                cluster.close()
                raise
        return Connection(client, cluster)
    try:
        client = Client(scheduler, timeout=CONNECT_TIMEOUT_SECONDS)
    except (OSError, TimeoutError, ValueError) as error:
        raise ResumeFitError(
            scheduler,
            f"cannot reach the Dask scheduler ({type(error).__name__}: {error}); "
            "check the address and that `dask scheduler` runs there",
        ) from None
    try:
        client.wait_for_workers(1, timeout=WORKERS_TIMEOUT_SECONDS)
    except TimeoutError:
        client.close()
        raise ResumeFitError(
            scheduler,
            f"the scheduler has no worker after {WORKERS_TIMEOUT_SECONDS} s; start some with "
            f"`dask worker {scheduler}`",
        ) from None
    return Connection(client)


def workers_are_local(client: Any) -> bool:
    """True when every worker of ``client``'s cluster runs on this machine (so sees its files)."""
    own = {"localhost", socket.gethostname(), socket.getfqdn()}
    with contextlib.suppress(OSError):  # a host name that does not resolve: names only
        own.update(socket.gethostbyname_ex(socket.gethostname())[2])
    workers = client.scheduler_info(n_workers=-1).get("workers", {})
    hosts = {urlsplit(address).hostname or "" for address in workers}
    return bool(hosts) and all(
        host in own or host.startswith("127.") or host == "::1" for host in hosts
    )
