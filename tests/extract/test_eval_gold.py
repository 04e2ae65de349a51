"""eval/skills: the labelled resumes and their gold file stay consistent with the lexicon."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from resume_fit.config import lexicon_files
from resume_fit.lexicon import load_lexicon

EVAL = Path(__file__).resolve().parents[2] / "eval" / "skills"


@pytest.fixture(scope="module")
def gold() -> dict[str, list[str]]:
    if not (EVAL / "gold.json").is_file():
        pytest.skip("eval/skills/gold.json not present")
    return json.loads((EVAL / "gold.json").read_text(encoding="utf-8"))


def test_eval_gold_has_at_least_25_resumes_that_exist(gold) -> None:
    assert len(gold) >= 25
    for name in gold:
        assert (EVAL / name).is_file(), f"gold.json names {name}, which is not in eval/skills/"
    resumes = {p.name for p in EVAL.iterdir() if p.suffix in {".txt", ".md"} and p.stem != "README"}
    assert resumes == set(gold), "every resume in eval/skills needs a gold entry"


def test_eval_gold_ids_exist_in_lexicon(gold) -> None:
    if not (lexicon_files() / "skills.jsonl").is_file():
        pytest.skip("lexicons/skills.jsonl has not been generated yet")
    lexicon = load_lexicon()
    unknown = {name: sorted(set(ids) - set(lexicon)) for name, ids in gold.items()}
    unknown = {name: ids for name, ids in unknown.items() if ids}
    assert not unknown, f"gold ids missing from lexicons/skills.jsonl: {unknown}"


def test_eval_gold_lists_are_sorted_and_unique(gold) -> None:
    for name, ids in gold.items():
        assert ids == sorted(set(ids)), name
