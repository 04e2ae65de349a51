"""Blind batches: pseudonyms instead of paths in every output, a separate key, same scores."""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from resume_fit.batch import run_batch_cli
from resume_fit.batch.record import error_record
from resume_fit.batch.redact import redact_records
from resume_fit.batch.summary_html import render_summary_html

NAMES = ("alice", "bob", "carol", "dave", "photo", "notes", "team-")


def _outputs(tmp_path: Path, resume_folder: Path, fake_analyze, redact: bool, tag: str):
    out = tmp_path / tag
    return out, run_batch_cli(
        [resume_folder],
        out / "ranked.csv",
        jobs=0,
        analyze=fake_analyze,
        skills_table=out / "skills.csv",
        summary=out / "summary.html",
        redact=redact,
        key_file=out / "key.csv" if redact else None,
    )


def test_batch_redact_no_path_or_name_in_any_output(tmp_path, resume_folder, fake_analyze):
    out, result = _outputs(tmp_path, resume_folder, fake_analyze, True, "blind")
    for path in result.written:
        if path.name == "key.csv":
            continue
        text = path.read_text(encoding="utf-8").casefold()
        assert str(resume_folder).casefold() not in text, path.name
        assert not [n for n in NAMES if n in text], path.name
    markdown = run_batch_cli(
        [resume_folder], out / "r.jsonl", jobs=0, analyze=fake_analyze, summary=out / "s.md",
        redact=True,
    )  # fmt: skip
    for path in markdown.written:
        assert not [n for n in NAMES if n in path.read_text(encoding="utf-8").casefold()]


def test_batch_redact_pseudonyms_are_content_hashes_and_key_maps_back(
    tmp_path, resume_folder, fake_analyze
):
    out, result = _outputs(tmp_path, resume_folder, fake_analyze, True, "blind")
    with (out / "key.csv").open(encoding="utf-8") as handle:
        key = {row["pseudonym"]: row["path"] for row in csv.DictReader(handle)}
    alice = resume_folder / "team-a" / "alice.txt"
    digest = hashlib.sha256(alice.read_bytes()).hexdigest()
    assert key[f"cand-{digest[:12]}"] == str(alice)
    assert set(r["path"] for r in result.records) <= set(key)
    assert len(key) == len(result.records) + len(result.skipped)
    # Stable: a second run gives the same pseudonyms and the same bytes.
    out2, _ = _outputs(tmp_path, resume_folder, fake_analyze, True, "again")
    assert (out / "ranked.csv").read_bytes() == (out2 / "ranked.csv").read_bytes()
    assert (out / "key.csv").read_bytes() == (out2 / "key.csv").read_bytes()


def test_batch_redact_keeps_scores_skills_and_order(tmp_path, resume_folder, fake_analyze):
    _, plain = _outputs(tmp_path, resume_folder, fake_analyze, False, "plain")
    _, blind = _outputs(tmp_path, resume_folder, fake_analyze, True, "blind")
    columns = [c for c in plain.table.columns if c != "path"]
    # Same rows; only the order among ties and failures (by path) may differ.
    first = plain.table[columns].sort_values(["top_score", "sha256"]).reset_index(drop=True)
    second = blind.table[columns].sort_values(["top_score", "sha256"]).reset_index(drop=True)
    assert first.equals(second)
    assert list(plain.table["top_score"].dropna()) == list(blind.table["top_score"].dropna())


def test_batch_redact_duplicates_and_unreadable_get_distinct_pseudonyms():
    same = {"sha256": "a" * 64, "status": "ok"}
    records = [
        {"path": "x/zed.txt", **same},
        {"path": "x/amy.txt", **same},
        {
            "path": "x/gone.txt",
            "sha256": "",
            **error_record("unreadable", "x/gone.txt: cannot open"),
        },
    ]
    hidden = redact_records(records)
    assert [r["path"] for r in hidden.records] == [
        "cand-aaaaaaaaaaaa-2",
        "cand-aaaaaaaaaaaa",
        "cand-unreadable-1",
    ]
    assert hidden.records[2]["error"] == "cand-unreadable-1: cannot open"
    assert dict(hidden.key)["cand-aaaaaaaaaaaa"] == "x/amy.txt"


def test_batch_summary_html_charts_and_self_contained(tmp_path, resume_folder, fake_analyze,
                                                      html_problems):  # fmt: skip
    _, result = _outputs(tmp_path, resume_folder, fake_analyze, False, "plain")
    page = (tmp_path / "plain" / "summary.html").read_text(encoding="utf-8")
    assert html_problems(page) == []
    assert "Files by best-fitting role" in page and "Best score per file" in page
    assert page.count("<svg") == 2
    scored = [r for r in result.records if r["status"] == "ok"]
    assert f'<td class="num">{len(scored)}</td>' in page
    assert page == render_summary_html(result.records, result.skipped)


def test_batch_redact_cli_key_file_needs_redact(tmp_path, resume_folder):
    from click.testing import CliRunner

    from resume_fit.cli import main

    runner = CliRunner()
    result = runner.invoke(
        main, ["batch", str(resume_folder), "-o", str(tmp_path / "t.csv"), "--key-file", "k.csv"]
    )
    assert result.exit_code == 2 and "--key-file needs --redact" in result.output
    same = str(tmp_path / "t.csv")
    result = runner.invoke(main, ["batch", str(resume_folder), "-o", same, "--redact",
                                  "--key-file", same])  # fmt: skip
    assert result.exit_code == 2 and "must not be one of the outputs" in result.output


@pytest.mark.parametrize("suffix", [".html", ".HTM"])
def test_batch_summary_suffix_picks_html(tmp_path, resume_folder, fake_analyze, suffix):
    target = tmp_path / f"summary{suffix}"
    run_batch_cli([resume_folder], tmp_path / "t.jsonl", jobs=0, analyze=fake_analyze,
                  summary=target)  # fmt: skip
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    rows = [json.loads(line) for line in (tmp_path / "t.jsonl").read_text().splitlines()]
    assert any(str(resume_folder) in row["path"] for row in rows)
