"""score_folder and run_batch: one row per file, workers that hang or die, jobs that agree."""

from __future__ import annotations

import math
import os
from pathlib import Path

import pytest

from resume_fit.batch import run_batch, score_column, score_folder
from resume_fit.batch.record import KIND_CRASH, KIND_TIMEOUT
from resume_fit.config import Limits

FAST = Limits(timeout_seconds=30)
RESUMES = ["alice.txt", "bob.md", "carol.txt", "dave.txt", "empty.txt", "corrupt.pdf", "photo.pdf"]


def _names(frame) -> list[str]:
    return [Path(p).name for p in frame["path"]]


@pytest.mark.parametrize("jobs", [0, 1, 2])
def test_batch_runner_rows_for_every_file_including_bad_ones(
    fake_analyze, resume_folder: Path, jobs: int
):
    frame = score_folder(resume_folder, jobs=jobs, limits=FAST, analyze=fake_analyze)
    assert sorted(_names(frame)) == sorted(RESUMES)
    by_name = frame.set_index(frame["path"].map(lambda p: Path(p).name))
    assert by_name.loc["alice.txt", "status"] == "ok"
    assert by_name.loc["alice.txt", "top_role"] == "data-scientist"
    assert by_name.loc["alice.txt", "top_score"] == 100.0
    assert by_name.loc["alice.txt", "skills"] == ["docker", "pandas", "python", "sql", "statistics"]
    assert by_name.loc["empty.txt", "error_kind"] == "no text"
    assert by_name.loc["corrupt.pdf", "error_kind"] == "corrupt"
    assert by_name.loc["photo.pdf", "error_kind"] == "not a resume format"
    for name in ("empty.txt", "corrupt.pdf", "photo.pdf"):
        assert by_name.loc[name, "status"] == "error"
        assert by_name.loc[name, "error"] and "\n" not in by_name.loc[name, "error"]
        assert math.isnan(by_name.loc[name, "top_score"])
    assert by_name.loc["bob.md", "error"] == ""


def test_batch_runner_order_is_by_score_then_path(fake_analyze, resume_folder: Path):
    frame = score_folder(resume_folder, jobs=0, analyze=fake_analyze)
    assert _names(frame) == [
        "alice.txt",  # 100 data scientist
        "bob.md",  # 100 ml engineer, path after alice
        "carol.txt",  # 50
        "dave.txt",  # 25
        "corrupt.pdf",  # errors last, by path
        "empty.txt",
        "photo.pdf",
    ]
    assert list(frame.columns) == [
        "path",
        "sha256",
        "status",
        "error",
        "error_kind",
        "top_role",
        "top_score",
        score_column("data-scientist"),
        score_column("ml-engineer"),
        "skills",
        "years_experience",
        "seniority",
        "quality",
    ]


def test_batch_runner_role_top_and_min_score_shortlist(fake_analyze, resume_folder: Path):
    frame = score_folder(resume_folder, jobs=0, analyze=fake_analyze, role="ml-engineer", top=2)
    assert _names(frame) == ["bob.md", "alice.txt"]
    assert list(frame[score_column("ml-engineer")]) == [100.0, 50.0]
    frame = score_folder(resume_folder, jobs=0, analyze=fake_analyze, min_score=50)
    assert _names(frame) == ["alice.txt", "bob.md", "carol.txt"]


def test_batch_runner_jobs_two_gives_the_same_table_as_jobs_one(fake_analyze, resume_folder: Path):
    one = score_folder(resume_folder, jobs=1, limits=FAST, analyze=fake_analyze)
    two = score_folder(resume_folder, jobs=2, limits=FAST, analyze=fake_analyze)
    assert one.fillna(-1).to_dict(orient="list") == two.fillna(-1).to_dict(orient="list")


def test_batch_runner_timeout_kills_a_hanging_file_and_the_rest_finish(
    fake_analyze, resume_folder: Path
):
    (resume_folder / "hangs.txt").write_text("python HANG", encoding="utf-8")
    result = run_batch(
        [resume_folder], jobs=2, limits=Limits(timeout_seconds=0.5), analyze=fake_analyze
    )
    rows = {Path(r["path"]).name: r for r in result.records}
    assert rows["hangs.txt"]["status"] == "error"
    assert rows["hangs.txt"]["error_kind"] == KIND_TIMEOUT
    assert rows["hangs.txt"]["error"].startswith("timeout after 0.5 s")
    assert rows["alice.txt"]["status"] == rows["dave.txt"]["status"] == "ok"
    assert len(result.records) == len(RESUMES) + 1
    assert result.stats.timeouts == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_batch_runner_dead_worker_gets_an_error_row_and_batch_goes_on(
    fake_analyze, resume_folder: Path, jobs: int
):
    (resume_folder / "a-crash.txt").write_text("python CRASH", encoding="utf-8")
    (resume_folder / "z-crash.txt").write_text("sql CRASH", encoding="utf-8")
    result = run_batch([resume_folder], jobs=jobs, limits=FAST, analyze=fake_analyze)
    rows = {Path(r["path"]).name: r for r in result.records}
    for name in ("a-crash.txt", "z-crash.txt"):
        assert rows[name]["error_kind"] == KIND_CRASH
        assert "exit code 3" in rows[name]["error"]
    assert sum(r["status"] == "ok" for r in result.records) == 4
    assert result.stats.crashes == 2


def test_batch_runner_discovery_skips_other_files_and_survives_symlink_loops(
    fake_analyze,
    resume_folder: Path,
):
    os.symlink(resume_folder, resume_folder / "team-a" / "loop")
    os.symlink(resume_folder / "team-a" / "alice.txt", resume_folder / "alice-link.txt")
    result = run_batch([resume_folder], jobs=0, analyze=fake_analyze)
    assert sorted(Path(r["path"]).name for r in result.records) == sorted(RESUMES)
    skipped = dict(result.skipped)
    assert any(
        p.endswith("notes.xlsx") and "not a resume format" in why for p, why in skipped.items()
    )
    assert any(p.endswith(".hidden.txt") for p in skipped)


def test_batch_runner_missing_path_raises_not_found(fake_analyze, tmp_path: Path):
    from resume_fit.errors import InputNotFoundError

    with pytest.raises(InputNotFoundError, match="no such file"):
        run_batch([tmp_path / "nope"], jobs=0, analyze=fake_analyze)


def test_batch_runner_cache_hit_skips_analysis(
    fake_analyze, resume_folder: Path, tmp_path: Path, calls_file
):
    cache = tmp_path / "cache"
    first = score_folder(resume_folder, jobs=0, cache_dir=cache, analyze=fake_analyze)
    assert len(calls_file.read_text().splitlines()) == len(RESUMES)
    (resume_folder / "team-b" / "carol.txt").write_text("Carol: python sql pandas\n")
    second = run_batch([resume_folder], jobs=2, cache_dir=cache, limits=FAST, analyze=fake_analyze)
    calls = calls_file.read_text().splitlines()
    assert calls[len(RESUMES) :] == ["carol.txt"]  # only the changed file is analysed again
    assert second.stats.from_cache == len(RESUMES) - 1
    rows = {Path(r["path"]).name: r for r in second.records}
    assert rows["carol.txt"]["roles"]["data-scientist"] == 75.0
    assert list(first["path"]) != [] and rows["alice.txt"]["top_score"] == 100.0


def test_batch_runner_files_named_directly_are_scored_or_skipped_by_suffix(
    fake_analyze, resume_folder: Path
):
    alice = resume_folder / "team-a" / "alice.txt"
    notes = resume_folder / "notes.xlsx"
    result = run_batch([alice, notes, alice], jobs=0, analyze=fake_analyze)
    assert [r["path"] for r in result.records] == [str(alice)]
    assert result.skipped == ((str(notes), "not a resume format (.xlsx)"),)
