"""The batch on Dask: the same rows as the local pool, no row lost when a worker dies or hangs.

One LocalCluster for the module (2 worker processes, one thread each, loopback only, 1 GiB per
worker), started through ``resume_fit.dask.cluster.connect`` so it has the batch's scheduler
settings. The fake ``analyze`` of ``conftest`` travels to the workers by value (cloudpickle), since
the workers cannot import a test module.

Nothing here can hang a test run: every test starts with both workers up (waited for, bounded),
the cluster is closed with a time limit (and its processes killed past it), and a test still
running after ``TEST_SECONDS`` ends the run with every thread's stack on stderr, so CI fails in
minutes with the place it stopped rather than at its time limit.
"""

from __future__ import annotations

import faulthandler
import json
import os
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

pytest.importorskip("distributed")
pytest.importorskip("dask.dataframe")

import cloudpickle  # noqa: E402  (after the skip: comes with dask)
import dask.dataframe as dd  # noqa: E402
from click.testing import CliRunner  # noqa: E402

from resume_fit.batch import journal_path, run_batch, run_batch_cli, score_folder  # noqa: E402
from resume_fit.batch.record import KIND_CRASH, KIND_TIMEOUT  # noqa: E402
from resume_fit.batch.store import read_journal  # noqa: E402
from resume_fit.cli import main  # noqa: E402
from resume_fit.config import Limits  # noqa: E402
from resume_fit.dask import score_files, score_texts  # noqa: E402
from resume_fit.dask.cluster import connect  # noqa: E402

FAST = Limits(timeout_seconds=30)
WORKER_MEMORY = "1GiB"
# Generous on 2 cores shared with other jobs (a test takes seconds to a minute there), far below
# CI's limit.
TEST_SECONDS = 240
WORKERS_SECONDS = 120


@pytest.fixture(scope="module")
def cluster() -> Iterator[Any]:
    """A LocalCluster of two worker processes on 127.0.0.1, closed after the module."""
    connection = connect("local", 2, memory_limit=WORKER_MEMORY)
    scheduler = connection.client.scheduler_info()["address"]
    assert scheduler.startswith("tcp://127.0.0.1:")
    try:
        yield connection
    finally:
        connection.close()


@pytest.fixture
def client(cluster: Any) -> Iterator[Any]:
    """The module's client, once both workers are up (a test that killed one waits here for the
    nanny's replacement, rather than the next test finding one worker)."""
    cluster.client.wait_for_workers(2, timeout=WORKERS_SECONDS)
    yield cluster.client


@pytest.fixture(autouse=True)
def bounded(request: pytest.FixtureRequest) -> Iterator[None]:
    """End the run, printing every thread's stack, if a test runs past ``TEST_SECONDS``."""
    from _pytest.faulthandler import fault_handler_stderr_fd_key

    # pytest's own copy of stderr: the test's stderr is captured, and lost when the run ends.
    stream = request.config.stash.get(fault_handler_stderr_fd_key, None) or sys.__stderr__
    faulthandler.dump_traceback_later(TEST_SECONDS, exit=True, file=stream)
    try:
        yield
    finally:
        faulthandler.cancel_dump_traceback_later()


@pytest.fixture
def by_value(fake_analyze: Callable[..., Any]) -> Callable[[Any], Any]:
    """Register the modules of the given fakes for pickling by value; return the fake."""

    def register(function: Any) -> Any:
        module = getattr(function, "__module__", None) or type(function).__module__
        cloudpickle.register_pickle_by_value(sys.modules[module])
        return function

    register(fake_analyze)
    return register


@dataclass(frozen=True)
class DiesOnce:
    """The fake ``analyze``, except that a file saying DIE-ONCE kills its worker on first read."""

    inner: Callable[..., Any]

    def __call__(self, path: Path, limits: Any = None, reference_date: Any = None) -> Any:
        path = Path(path)
        if b"DIE-ONCE" in path.read_bytes():
            marker = path.with_name(path.name + ".died")
            if not marker.exists():
                marker.touch()
                os._exit(9)
        return self.inner(path, limits=limits, reference_date=reference_date)


def _table(frame: pd.DataFrame) -> dict[str, list[Any]]:
    return frame.fillna(-1).to_dict(orient="list")


def test_batch_dask_rows_identical_to_the_local_pool(
    client, by_value, fake_analyze, resume_folder: Path
):
    local = score_folder(resume_folder, jobs=2, limits=FAST, analyze=fake_analyze)
    on_paths = score_folder(resume_folder, client=client, limits=FAST, analyze=fake_analyze)
    as_bytes = score_folder(
        resume_folder, client=client, ship="bytes", limits=FAST, analyze=fake_analyze
    )
    assert len(local) == 7 and set(local["status"]) == {"ok", "error"}
    assert _table(on_paths) == _table(local)
    assert _table(as_bytes) == _table(local)


def test_batch_dask_urls_are_read_by_the_workers(
    client, by_value, fake_analyze, resume_folder: Path
):
    local = score_folder(resume_folder, jobs=0, analyze=fake_analyze)
    url = "file://" + str(resume_folder.resolve())
    remote = score_folder(url, client=client, limits=FAST, analyze=fake_analyze)
    assert list(remote["path"]) == ["file://" + str(Path(p).resolve()) for p in local["path"]]
    for column in local.columns.drop("path"):
        assert remote[column].fillna(-1).tolist() == local[column].fillna(-1).tolist(), column
    with pytest.raises(Exception, match="Dask workers"):
        score_folder(url, jobs=0, analyze=fake_analyze)


def test_batch_dask_dead_and_hanging_workers_lose_no_row(
    client, by_value, fake_analyze, resume_folder: Path, tmp_path: Path
):
    (resume_folder / "dies-once.txt").write_text("python sql DIE-ONCE", encoding="utf-8")
    (resume_folder / "crash.txt").write_text("python CRASH", encoding="utf-8")
    (resume_folder / "hangs.txt").write_text("python HANG", encoding="utf-8")
    out = tmp_path / "ranked.jsonl"
    result = run_batch_cli(
        [resume_folder],
        out,
        client=client,
        limits=Limits(timeout_seconds=1),
        analyze=by_value(DiesOnce(fake_analyze)),
    )
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    names = sorted(Path(row["path"]).name for row in rows)
    assert names == sorted(
        ["alice.txt", "bob.md", "carol.txt", "dave.txt", "empty.txt", "corrupt.pdf", "photo.pdf"]
        + ["dies-once.txt", "crash.txt", "hangs.txt"]
    )
    by_name = {Path(row["path"]).name: row for row in rows}
    assert by_name["dies-once.txt"]["status"] == "ok"  # its worker died; the retry scored it
    assert by_name["dies-once.txt"]["top_score"] == 50.0
    assert by_name["crash.txt"]["error_kind"] == KIND_CRASH
    assert by_name["hangs.txt"]["error_kind"] == KIND_TIMEOUT
    assert by_name["hangs.txt"]["error"].startswith("timeout after 1 s")
    assert by_name["alice.txt"]["status"] == "ok"
    assert result.stats.crashes == 1 and result.stats.timeouts == 1
    assert not journal_path(out).exists()


def test_batch_dask_interrupt_keeps_journal_and_resume_finishes(
    client, by_value, fake_analyze, resume_folder: Path, tmp_path: Path, monkeypatch
):
    from resume_fit.batch import store

    out = tmp_path / "ranked.csv"
    real_append = store.Journal.append
    appended: list[str] = []

    def append_then_interrupt(self, record):
        real_append(self, record)
        appended.append(record["path"])
        if len(appended) == 3:
            raise KeyboardInterrupt

    monkeypatch.setattr(store.Journal, "append", append_then_interrupt)
    with pytest.raises(KeyboardInterrupt):
        run_batch_cli([resume_folder], out, client=client, analyze=fake_analyze)
    assert sorted(read_journal(journal_path(out))) == sorted(appended)
    monkeypatch.undo()
    result = run_batch_cli([resume_folder], out, client=client, resume=True, analyze=fake_analyze)
    table = pd.read_csv(out)
    assert result.stats.resumed == 3 and len(table) == 7 and table["path"].is_unique


def test_batch_dask_cache_serves_unchanged_files(
    client, by_value, fake_analyze, resume_folder: Path, tmp_path: Path
):
    cache = tmp_path / "cache"
    first = run_batch([resume_folder], client=client, cache_dir=cache, analyze=fake_analyze)
    again = run_batch([resume_folder], client=client, cache_dir=cache, analyze=fake_analyze)
    assert first.stats.analysed == 7 and again.stats.from_cache == 7
    assert again.records == first.records


def _write_resumes(folder: Path) -> dict[str, str]:
    texts = {
        "ml.txt": (
            "Rosa Varga\nMachine Learning Engineer\n\nExperience\n"
            "Machine Learning Engineer, Northwind Health, 2019 - 2024\n"
            "- Built PyTorch models and served them with Docker and Kubernetes on AWS.\n"
            "- Tracked experiments in MLflow and scheduled retraining with Airflow.\n\n"
            "Skills\nPython, PyTorch, Docker, Kubernetes, MLflow, SQL\n"
        ),
        "analyst.txt": (
            "Omar Berg\nData Analyst\n\nExperience\nData Analyst, Globex Bank, 2020 - 2023\n"
            "- Built Tableau dashboards from SQL queries for the finance team.\n\n"
            "Skills\nSQL, Excel, Tableau, Power BI, statistics\n"
        ),
        "nurse.md": (
            "# Hana Costa\n\n## Experience\n\nRegistered Nurse, St. Mary Clinic, 2015 - 2022\n\n"
            "- Patient care and triage in a busy emergency ward.\n"
            "- Medication administration, wound care and patient education for families.\n"
        ),
    }
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in texts.items():
        (folder / name).write_text(text, encoding="utf-8")
    return texts


def test_batch_dask_dataframe_paths_equal_score_folder(client, tmp_path: Path):
    import datetime as dt

    folder = tmp_path / "texts"
    texts = _write_resumes(folder)
    as_of = dt.date(2026, 1, 31)
    expected = score_folder(folder, jobs=0, reference_date=as_of)
    files = score_files([folder], client=client, reference_date=as_of)
    assert _table(files) == _table(expected)

    ids = [str(folder / name) for name in texts]
    frame = pd.DataFrame({"id": ids, "text": list(texts.values()), "other": 1})
    lazy = score_texts(dd.from_pandas(frame, npartitions=2), reference_date=as_of)
    assert list(lazy.columns) == list(expected.columns)
    scored = lazy.compute().sort_values("path").reset_index(drop=True)
    wanted = expected.sort_values("path").reset_index(drop=True)
    assert _table(scored) == _table(wanted)


def test_batch_dask_cli_on_a_scheduler_address_matches_jobs_two(client, tmp_path: Path):
    folder = tmp_path / "mixed"
    _write_resumes(folder)
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<\n")
    (folder / "image.pdf").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    address = client.scheduler_info()["address"]
    runner = CliRunner()
    common = ["batch", str(folder), "--as-of", "2026-01-31"]
    pool = runner.invoke(main, [*common, "-o", str(tmp_path / "pool.csv"), "--jobs", "2"])
    dask = runner.invoke(main, [*common, "-o", str(tmp_path / "dask.csv"), "--scheduler", address])
    assert pool.exit_code == 0, pool.output
    assert dask.exit_code == 0, dask.output
    assert "scored 3 of 6 files (3 failed" in dask.output
    pool_rows = (tmp_path / "pool.csv").read_bytes()
    assert (tmp_path / "dask.csv").read_bytes() == pool_rows


def test_batch_dask_chunks_shrink_to_single_files_as_the_run_ends():
    from resume_fit.dask.executor import MAX_CHUNK_FILES, chunk_size

    assert chunk_size(1_000_000, 2) == MAX_CHUNK_FILES
    assert chunk_size(300, 2) == MAX_CHUNK_FILES
    assert chunk_size(40, 2) == 5
    assert chunk_size(10, 2) == 2
    assert chunk_size(1, 8) == 1
    # Sent one after another, the chunks of 300 files on 2 threads cover every file once and
    # end with single files.
    sizes, remaining = [], 300
    while remaining:
        sizes.append(chunk_size(remaining, 2))
        remaining -= sizes[-1]
    assert sum(sizes) == 300 and sizes == sorted(sizes, reverse=True) and sizes[-8:] == [1] * 8


def test_batch_dask_a_crash_costs_its_chunk_mates_a_retry_not_their_rows(
    client, by_value, fake_analyze, tmp_path: Path
):
    folder = tmp_path / "many"
    folder.mkdir()
    for n in range(24):
        (folder / f"cv-{n:02}.txt").write_text(f"python sql docker {n}", encoding="utf-8")
    (folder / "cv-05-crash.txt").write_text("python CRASH", encoding="utf-8")
    result = run_batch([folder], client=client, limits=FAST, analyze=fake_analyze)
    by_name = {Path(r["path"]).name: r for r in result.records}
    assert len(by_name) == 25
    assert by_name["cv-05-crash.txt"]["error_kind"] == KIND_CRASH
    failed = {
        name: (r["status"], r["error_kind"], r["error"])
        for name, r in by_name.items()
        if "crash" not in name and r["status"] != "ok"
    }
    assert failed == {}
    assert result.stats.crashes == 1 and result.stats.timeouts == 0


def _write_posting(folder: Path) -> Path:
    posting = folder / "ml-engineer-posting.txt"
    posting.write_text(
        "Machine Learning Engineer\n\nRequirements\n"
        "- 3+ years of Python and PyTorch\n- Docker and Kubernetes in production\n"
        "- Experience with MLflow or Airflow\n\nNice to have\n- AWS, SQL\n",
        encoding="utf-8",
    )
    return posting


def test_batch_dask_dataframe_paths_take_postings_as_score_folder(client, tmp_path: Path):
    import datetime as dt

    folder = tmp_path / "texts"
    texts = _write_resumes(folder)
    posting = _write_posting(tmp_path)
    as_of = dt.date(2026, 1, 31)
    expected = score_folder(folder, jobs=0, reference_date=as_of, postings=[posting])
    assert "job_score" in expected.columns and expected["job_score"].notna().all()
    files = score_files([folder], client=client, reference_date=as_of, postings=[posting])
    assert _table(files) == _table(expected)

    ids = [str(folder / name) for name in texts]
    frame = pd.DataFrame({"id": ids, "text": list(texts.values())})
    lazy = score_texts(
        dd.from_pandas(frame, npartitions=2), reference_date=as_of, postings=[posting]
    )
    assert list(lazy.columns) == list(expected.columns)
    scored = lazy.compute().sort_values("path").reset_index(drop=True)
    wanted = expected.sort_values("path").reset_index(drop=True)
    assert _table(scored) == _table(wanted)


def test_batch_dask_a_result_received_is_kept_whatever_the_future_says_later():
    # A chunk that finished on a worker killed afterwards reads "lost" on its future while its
    # (records, rss) is already here: the result's shape decides, never the future's status.
    from resume_fit.dask.executor import _task_error

    finished = ([{"path": "a.txt", "status": "ok"}], 313.3125)
    assert _task_error(finished) is None
    crash = RuntimeError("worker died")
    assert _task_error(crash) is crash
    assert _task_error((RuntimeError, crash, None)) is crash
