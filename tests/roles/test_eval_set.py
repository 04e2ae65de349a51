"""The role-fit evaluation set is complete and consistent with the catalogue."""

from __future__ import annotations

import json
from pathlib import Path

from resume_fit.roles import load_catalogue

EVAL = Path(__file__).resolve().parents[2] / "eval" / "roles"


def _labels() -> dict:
    return json.loads((EVAL / "labels.json").read_text(encoding="utf-8"))["labels"]


def test_eval_set_has_twenty_resumes_and_twenty_jobs():
    labels = _labels()
    assert sum(name.startswith("resumes/") for name in labels) >= 20
    assert sum(name.startswith("jobs/") for name in labels) >= 20


def test_eval_set_every_file_exists_and_is_labelled():
    labels = _labels()
    on_disk = {str(p.relative_to(EVAL)) for p in EVAL.glob("*/*") if p.suffix in {".txt", ".md"}}
    assert on_disk == set(labels)


def test_eval_set_labels_name_catalogue_roles():
    catalogue = load_catalogue()
    for name, label in _labels().items():
        assert label["expected"], name
        assert all(role in catalogue for role in label["expected"]), name
        assert label.get("split") in {"tuning", "heldout"}, name


def test_eval_set_covers_the_hard_neighbours():
    intended = {label["expected"][0] for label in _labels().values()}
    for role in (
        "ml-engineer",
        "mlops-engineer",
        "ai-engineer",
        "data-scientist-analytics",
        "data-scientist-ml",
        "data-analyst",
    ):
        assert role in intended
