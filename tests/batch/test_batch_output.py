"""Batch tables and summary: formats, all-or-nothing writes, the Markdown a recruiter reads."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from resume_fit import atomic
from resume_fit.batch import records_to_frame, render_summary, skills_frame, write_table
from resume_fit.batch.progress import Progress
from resume_fit.batch.record import error_record
from resume_fit.errors import ResumeFitError, UnsupportedFormatError


def _record(path: str, scores: dict[str, float], skills: list[str], **extra) -> dict:
    ranked = sorted(scores.items(), key=lambda item: (-item[1], item[0]))
    return {
        "path": path,
        "sha256": f"{len(path):064x}",
        "status": "ok",
        "error": "",
        "error_kind": "",
        "top_role": ranked[0][0],
        "top_score": ranked[0][1],
        "roles": scores,
        "role_names": {"ds": "Data Scientist", "mle": "ML Engineer"},
        "skills": skills,
        "evidence": [[s, "skills", 1] for s in skills] + [[skills[0], "experience", 2]],
        "missing": extra.pop("missing", {"ds": ["sql"], "mle": ["docker", "kubernetes"]}),
        "years_experience": 4.5,
        "seniority": "mid",
        "quality": "good",
        **extra,
    }


RECORDS = [
    _record("b/zoe.pdf", {"ds": 40.0, "mle": 82.5}, ["python", "pytorch"]),
    _record("a/ann.docx", {"ds": 90.0, "mle": 30.0}, ["python", "sql"], missing={"ds": []}),
    {"path": "a/bad.pdf", "sha256": "f" * 64, **error_record("corrupt", "corrupt PDF:\n xref")},
    _record("a/amy.txt", {"ds": 82.5, "mle": 10.0}, ["python"]),
]


def test_batch_output_csv_round_trip(tmp_path: Path):
    target = tmp_path / "t.csv"
    write_table(records_to_frame(RECORDS), target)
    table = pd.read_csv(target, keep_default_na=False)
    assert list(table["path"]) == ["a/ann.docx", "a/amy.txt", "b/zoe.pdf", "a/bad.pdf"]
    assert list(table["skills"]) == ["python;sql", "python", "python;pytorch", ""]
    assert list(table["score_mle"]) == ["30.0", "10.0", "82.5", ""]
    assert table.loc[3, "error"] == "corrupt PDF: xref"
    assert table.loc[3, "top_score"] == ""


def test_batch_output_jsonl_has_roles_object(tmp_path: Path):
    target = tmp_path / "t.jsonl"
    write_table(records_to_frame(RECORDS), target)
    rows = [json.loads(line) for line in target.read_text().splitlines()]
    assert rows[0]["roles"] == {"ds": 90.0, "mle": 30.0}
    assert rows[0]["skills"] == ["python", "sql"]
    assert not any(key.startswith("score_") for key in rows[0])
    assert rows[3]["roles"] == {} and rows[3]["top_score"] is None
    assert list(rows[0]) == [
        "path",
        "sha256",
        "status",
        "error",
        "error_kind",
        "top_role",
        "top_score",
        "roles",
        "skills",
        "years_experience",
        "seniority",
        "quality",
    ]


def test_batch_output_parquet_keeps_lists(tmp_path: Path):
    pytest.importorskip("pyarrow")
    target = tmp_path / "t.parquet"
    write_table(records_to_frame(RECORDS), target)
    table = pd.read_parquet(target)
    assert list(table["skills"][0]) == ["python", "sql"]
    assert table["top_score"].isna().tolist() == [False, False, False, True]


def test_batch_output_same_records_give_same_bytes(tmp_path: Path):
    write_table(records_to_frame(RECORDS), tmp_path / "one.csv")
    write_table(records_to_frame(list(reversed(RECORDS))), tmp_path / "two.csv")
    assert (tmp_path / "one.csv").read_bytes() == (tmp_path / "two.csv").read_bytes()


def test_batch_output_crash_mid_write_keeps_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    target = tmp_path / "t.csv"
    target.write_text("previous,table\n")

    def power_cut(fd: int) -> None:
        raise OSError("simulated crash before the data reached the disk")

    monkeypatch.setattr(atomic.os, "fsync", power_cut)
    with pytest.raises(OSError, match="simulated crash"):
        write_table(records_to_frame(RECORDS), target)
    assert target.read_text() == "previous,table\n"
    assert [p.name for p in tmp_path.iterdir()] == ["t.csv"]


def test_batch_output_unknown_suffix_is_refused(tmp_path: Path):
    with pytest.raises(UnsupportedFormatError, match="csv, .parquet or .jsonl"):
        write_table(records_to_frame(RECORDS), tmp_path / "t.xlsx")


def test_batch_output_unknown_role_names_the_known_ones():
    with pytest.raises(ResumeFitError, match="known roles: ds, mle"):
        records_to_frame(RECORDS, role="nurse")


def test_batch_output_skills_table_is_long_format():
    table = skills_frame(RECORDS)
    assert list(table.itertuples(index=False, name=None))[:3] == [
        ("a/amy.txt", "python", "experience", 2),
        ("a/amy.txt", "python", "skills", 1),
        ("a/ann.docx", "python", "experience", 2),
    ]
    assert "a/bad.pdf" not in set(table["path"])


def test_batch_output_summary_lists_shortlists_gaps_and_failures():
    skipped = [("x/notes.xlsx", "not a resume format (.xlsx)")]
    text = render_summary(RECORDS, skipped, top=2)
    assert "| Scored | 3 |" in text and "| Failed | 1 |" in text and "| Skipped" in text
    ds = text.index("### Data Scientist (`ds`)")
    mle = text.index("### ML Engineer (`mle`)")
    assert text.index("| 1 | a/ann.docx | 90.0 |", ds) < text.index("| 2 | a/amy.txt | 82.5 |", ds)
    assert text.index("| 1 | b/zoe.pdf | 82.5 |", mle) > mle
    assert "Most often missing among them: sql (1 of 2)" in text
    gaps = text[text.index("## Most common missing skills") :]
    # zoe's best role is mle (docker, kubernetes), amy's is ds (sql), ann misses nothing.
    assert "| docker | 1 |" in gaps and "| sql | 1 |" in gaps
    failed = text[text.index("## Failed files") :]
    assert "| a/bad.pdf | corrupt | corrupt PDF: xref |" in failed
    assert "| x/notes.xlsx | not a resume format (.xlsx) |" in text
    assert text == render_summary(
        list(reversed(RECORDS)), [("x/notes.xlsx", "not a resume format (.xlsx)")], top=2
    )


def test_batch_output_progress_draws_only_when_asked():
    quiet = io.StringIO()
    bar = Progress(4, quiet)
    bar.advance()
    bar.close()
    assert quiet.getvalue() == ""
    shown = io.StringIO()
    bar = Progress(2, shown, enabled=True)
    bar.advance(failed=True)
    bar.advance()
    bar.close()
    assert "2/2 files" in shown.getvalue() and "1 failed" in shown.getvalue()
    assert shown.getvalue().endswith("\n")


def test_batch_output_parquet_without_pyarrow_says_what_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    import sys

    monkeypatch.setitem(sys.modules, "pyarrow", None)  # makes `import pyarrow` fail
    with pytest.raises(UnsupportedFormatError, match=r"pip install 'resume-fit\[parquet\]'"):
        write_table(records_to_frame(RECORDS), tmp_path / "t.parquet")
    assert not (tmp_path / "t.parquet").exists()
