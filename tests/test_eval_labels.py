"""The blind labels of the real corpus stay labels: skill names and role ids, no document text."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from resume_fit.roles import load_catalogue

LABELS = Path(__file__).resolve().parents[1] / "eval" / "real" / "resumes"
FILES = sorted(LABELS.glob("*.json"))
LISTS = ("skills", "soft_skills", "declared")
MAX_WORDS = 5


def _words(name: str) -> int:
    return len(re.findall(r"[A-Za-z0-9]+", name))


def test_eval_labels_exist():
    assert len(FILES) >= 40


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_eval_labels_are_short_sorted_names(path: Path):
    label = json.loads(path.read_text(encoding="utf-8"))
    assert path.name == label["file"] + ".json"
    for key in LISTS:
        entries = label.get(key, [])
        firsts = [entry[0].casefold() for entry in entries]
        assert firsts == sorted(firsts), f"{key} is not in alphabetical order"
        long = [name for entry in entries for name in entry if _words(name) > MAX_WORDS]
        assert not long, f"{key}: names of more than {MAX_WORDS} words: {long}"
    assert set(label.get("roles") or ()) <= set(load_catalogue()), "unknown role id"
