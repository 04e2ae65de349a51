"""run_batch_cli: the journal, resuming an interrupted run, and the outputs being all-or-nothing."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from resume_fit.batch import journal_path, run_batch_cli
from resume_fit.batch.store import read_journal
from resume_fit.errors import UnsupportedFormatError

RESUME_COUNT = 7


def test_batch_resume_after_interrupt_gives_one_row_per_file(
    fake_analyze, resume_folder: Path, tmp_path: Path, calls_file: Path
):
    out = tmp_path / "out" / "ranked.csv"

    def interrupted(path, limits=None, reference_date=None):
        if Path(path).name == "dave.txt":
            raise KeyboardInterrupt  # Ctrl-C while this file is being read
        return fake_analyze(path, limits=limits, reference_date=reference_date)

    with pytest.raises(KeyboardInterrupt):
        run_batch_cli([resume_folder], out, jobs=0, analyze=interrupted)
    assert not out.exists()
    journaled = read_journal(journal_path(out))
    # Files are taken in path order; those before team-b/nested/dave.txt are safe in the journal.
    done = ["alice.txt", "bob.md", "carol.txt", "corrupt.pdf", "empty.txt"]
    assert sorted(Path(p).name for p in journaled) == done

    calls_before = len(calls_file.read_text().splitlines())
    result = run_batch_cli([resume_folder], out, jobs=2, resume=True, analyze=fake_analyze)
    calls = calls_file.read_text().splitlines()[calls_before:]
    assert "alice.txt" not in calls and "dave.txt" in calls
    assert sorted(calls) == ["dave.txt", "photo.pdf"]
    table = pd.read_csv(out)
    assert len(table) == RESUME_COUNT and table["path"].is_unique
    assert result.stats.resumed == len(done)
    assert not journal_path(out).exists()


def test_batch_resume_ignores_a_torn_last_line(
    fake_analyze, resume_folder: Path, tmp_path: Path, calls_file: Path
):
    out = tmp_path / "ranked.jsonl"
    run_batch_cli([resume_folder], tmp_path / "full.jsonl", jobs=0, analyze=fake_analyze)
    full = [json.loads(line) for line in (tmp_path / "full.jsonl").read_text().splitlines()]
    assert len(full) == RESUME_COUNT
    # A journal written by a run killed mid-line: two whole records and half of a third.
    first_run = run_batch_cli([resume_folder], tmp_path / "x.csv", jobs=0, analyze=fake_analyze)
    records = list(first_run.records)
    lines = [json.dumps(r) + "\n" for r in records[:2]]
    torn = json.dumps(records[2])[:40]
    journal_path(out).write_text("".join(lines) + torn, encoding="utf-8")

    calls_before = len(calls_file.read_text().splitlines())
    run_batch_cli([resume_folder], out, jobs=0, resume=True, analyze=fake_analyze)
    calls = calls_file.read_text().splitlines()[calls_before:]
    assert len(calls) == RESUME_COUNT - 2
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert sorted(r["path"] for r in rows) == sorted(r["path"] for r in full)
    assert rows == full


def test_batch_resume_without_flag_starts_afresh(
    fake_analyze, resume_folder: Path, tmp_path: Path, calls_file: Path
):
    out = tmp_path / "ranked.csv"
    stale = {"path": str(resume_folder / "team-a" / "alice.txt"), "sha256": "0" * 64}
    journal_path(out).write_text(json.dumps({**stale, "status": "ok"}) + "\n")
    run_batch_cli([resume_folder], out, jobs=0, analyze=fake_analyze)
    assert len(calls_file.read_text().splitlines()) == RESUME_COUNT


def test_batch_resume_changed_file_is_analysed_again(
    fake_analyze, resume_folder: Path, tmp_path: Path, calls_file: Path
):
    out = tmp_path / "ranked.csv"
    run_batch_cli([resume_folder], out, jobs=0, analyze=fake_analyze)
    previous = run_batch_cli([resume_folder], tmp_path / "again.csv", jobs=0, analyze=fake_analyze)
    journal_path(out).write_text("".join(json.dumps(r) + "\n" for r in previous.records))
    (resume_folder / "team-b" / "carol.txt").write_text("Carol: python sql statistics\n")
    calls_before = len(calls_file.read_text().splitlines())
    result = run_batch_cli([resume_folder], out, jobs=0, resume=True, analyze=fake_analyze)
    assert calls_file.read_text().splitlines()[calls_before:] == ["carol.txt"]
    assert {Path(r["path"]).name: r["top_score"] for r in result.records}["carol.txt"] == 75.0


def test_batch_resume_bad_output_suffix_is_refused_before_any_work(
    fake_analyze, resume_folder: Path, tmp_path: Path, calls_file: Path
):
    with pytest.raises(UnsupportedFormatError, match=r"\.xlsx"):
        run_batch_cli([resume_folder], tmp_path / "ranked.xlsx", jobs=0, analyze=fake_analyze)
    assert calls_file.read_text() == ""


def test_batch_resume_writes_every_requested_output(
    fake_analyze, resume_folder: Path, tmp_path: Path
):
    out = tmp_path / "ranked.parquet"
    result = run_batch_cli(
        [resume_folder],
        out,
        jobs=0,
        skills_table=tmp_path / "skills.csv",
        summary=tmp_path / "summary.md",
        analyze=fake_analyze,
    )
    assert result.written == (out, tmp_path / "skills.csv", tmp_path / "summary.md")
    assert len(pd.read_parquet(out)) == RESUME_COUNT
    skills = pd.read_csv(tmp_path / "skills.csv")
    assert list(skills.columns) == ["path", "skill", "section", "evidence"]
    alice = skills[skills["path"].str.endswith("alice.txt")]
    assert sorted(alice["skill"]) == ["docker", "pandas", "python", "sql", "statistics"]
    assert "# Batch summary" in (tmp_path / "summary.md").read_text()
    leftovers = [p.name for p in tmp_path.iterdir() if p.name.endswith((".tmp", ".jsonl"))]
    assert leftovers == []


def test_batch_resume_interrupt_with_workers_stops_them_and_keeps_journal(
    fake_analyze, resume_folder: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import multiprocessing

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
        run_batch_cli([resume_folder], out, jobs=2, analyze=fake_analyze)
    assert multiprocessing.active_children() == []
    assert sorted(read_journal(journal_path(out))) == sorted(appended)
    monkeypatch.undo()
    result = run_batch_cli([resume_folder], out, jobs=2, resume=True, analyze=fake_analyze)
    assert result.stats.resumed == 3 and len(pd.read_csv(out)) == RESUME_COUNT


def test_batch_resume_matches_files_by_content_when_the_path_is_spelled_differently(
    fake_analyze, resume_folder: Path, tmp_path: Path, calls_file: Path, monkeypatch
):
    out = tmp_path / "ranked.csv"
    first = run_batch_cli([resume_folder], tmp_path / "first.csv", jobs=0, analyze=fake_analyze)
    journal_path(out).write_text("".join(json.dumps(r) + "\n" for r in first.records))
    monkeypatch.chdir(resume_folder.parent)
    calls_before = len(calls_file.read_text().splitlines())
    result = run_batch_cli(["resumes"], out, jobs=0, resume=True, analyze=fake_analyze)
    assert len(calls_file.read_text().splitlines()) == calls_before
    assert sorted(r["path"] for r in result.records) == sorted(
        str(Path(r["path"]).relative_to(resume_folder.parent)) for r in first.records
    )


def test_batch_resume_journal_groups_its_syncs_and_keeps_every_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import os

    from resume_fit.batch import store

    syncs: list[int] = []
    real_fsync = os.fsync
    monkeypatch.setattr(store.os, "fsync", lambda fd: (syncs.append(fd), real_fsync(fd)))
    journal = store.Journal(tmp_path / "run.partial.jsonl", sync_seconds=3600)
    syncs.clear()  # creating it wrote the (empty) start atomically
    for number in range(50):
        journal.append({"path": f"cv-{number:02d}.txt", "sha256": "", "status": "ok"})
    assert len(syncs) == 0  # every line flushed, none forced yet
    assert len(read_journal(journal.path)) == 50  # a killed process would lose nothing
    journal.close()
    assert len(syncs) == 1
    every = store.Journal(tmp_path / "each.partial.jsonl")
    syncs.clear()
    every.append({"path": "cv.txt", "sha256": "", "status": "ok"})
    assert len(syncs) == 1
    every.close()
