"""Blind batches with names in file and folder names: no output, cache or leftover names them.

The journal is local working state (``--resume`` finds finished files by their path): it holds
real paths while a run is in progress and is deleted once every output is written.
"""

from __future__ import annotations

import json
from pathlib import Path

from resume_fit.batch import run_batch_cli
from resume_fit.batch.redact import redact_records
from resume_fit.batch.store import journal_path

# Invented people, named only by their files and folders.
FILES = {
    "Tobias_Wexford_CV.txt": "Skills: python sql statistics pandas\n",
    "WexfordTobiasResume.txt": "python docker kubernetes pytorch\n",
    "Amara Okonkwo-Reyes/cv.txt": "python sql docker\n",
    "siobhanOneil.txt": "python statistics\n",
    "Ingrid Halvorsen-Vik.pdf": "not a pdf at all",
}
NAMES = ("tobias", "wexford", "amara", "okonkwo", "reyes", "siobhan", "oneil", "ingrid",
         "halvorsen", "vik")  # fmt: skip


def _folder(tmp_path: Path) -> Path:
    root = tmp_path / "inbox"
    for name, text in FILES.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    return root


def _named(text: str) -> list[str]:
    folded = text.casefold()
    return [n for n in NAMES if n in folded]


def test_batch_redact_names_in_file_and_folder_names_leave_no_trace(tmp_path, fake_analyze):
    inbox = _folder(tmp_path)
    out = tmp_path / "shared"
    cache = tmp_path / "cache"
    result = run_batch_cli(
        [inbox], out / "ranked.csv", jobs=0, analyze=fake_analyze, cache_dir=cache,
        skills_table=out / "skills.csv", summary=out / "summary.md", redact=True,
        key_file=tmp_path / "private" / "key.csv",
    )  # fmt: skip
    assert _named((tmp_path / "private" / "key.csv").read_text(encoding="utf-8"))
    assert not journal_path(out / "ranked.csv").exists()
    # Every file a blind run leaves in the output folder, and every cache entry, is blind.
    for path in [*out.rglob("*"), *cache.rglob("*")]:
        if path.is_file():
            assert _named(path.read_text(encoding="utf-8")) == [], path.name
    rows = {r["path"]: r for r in result.records}
    assert all(p.startswith("cand-") for p in rows)
    assert any(r["status"] == "error" for r in rows.values())


def test_batch_redact_error_message_naming_the_folder_is_masked():
    record = {
        "path": "inbox/Amara Okonkwo-Reyes/cv.pdf",
        "sha256": "b" * 64,
        "status": "error",
        "error": "could not read Amara Okonkwo-Reyes/cv.pdf (cv.pdf): no text",
    }
    hidden = redact_records([record])
    assert _named(hidden.records[0]["error"]) == []
    assert "no text" in hidden.records[0]["error"]


def test_batch_redact_journal_keeps_real_paths_only_while_running(tmp_path, fake_analyze):
    """An interrupted blind run keeps its journal (real paths, for --resume); resuming drops it."""
    inbox = _folder(tmp_path)
    out = tmp_path / "shared" / "ranked.csv"
    journal = journal_path(out)
    journal.parent.mkdir(parents=True)
    first = inbox / "Tobias_Wexford_CV.txt"
    row = {
        "path": str(first), "sha256": "", "status": "ok", "error": "", "error_kind": "",
        "top_role": "", "top_score": None, "roles": {}, "role_names": {}, "skills": [],
        "evidence": [], "missing": {}, "years_experience": None, "seniority": "",
        "quality": "", "jobs": [],
    }  # fmt: skip
    journal.write_text(
        json.dumps(row) + "\n",
        encoding="utf-8",
    )
    assert _named(journal.read_text(encoding="utf-8"))  # local working state names the file
    run_batch_cli([inbox], out, jobs=0, analyze=fake_analyze, resume=True, redact=True)
    assert not journal.exists()
    assert _named(out.read_text(encoding="utf-8")) == []
