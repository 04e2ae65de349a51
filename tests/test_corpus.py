"""End to end on the licensed real resumes in ../shared/corpus (skipped where it is absent)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from resume_fit.api import analyze

AS_OF = dt.date(2026, 6, 30)
THEMES = ("Classic", "Engineeringresumes", "Moderncv", "Sb2nov")


@pytest.fixture(scope="module")
def corpus(shared_dir: Path) -> Path:
    return shared_dir / "corpus" / "resumes"


def test_corpus_rendercv_themes_yield_the_same_skills_and_ranking(corpus: Path) -> None:
    reports = [
        analyze(corpus / "rendercv" / f"John_Doe_{theme}Theme_CV.pdf", reference_date=AS_OF)
        for theme in THEMES
    ]
    skill_sets = [{skill.id for skill in report.skills} for report in reports]
    assert len(skill_sets[0]) >= 20
    assert all(skills == skill_sets[0] for skills in skill_sets[1:])
    rankings = [[fit.id for fit in report.roles[:3]] for report in reports]
    assert all(ranking == rankings[0] for ranking in rankings[1:])


def test_corpus_every_resume_is_scored_with_evidence(corpus: Path) -> None:
    for path in sorted(corpus.rglob("*.pdf")):
        report = analyze(path, reference_date=AS_OF)
        assert report.skills, path
        text_checked = 0
        for skill in report.skills:
            for evidence in skill.evidence:
                assert evidence.end > evidence.start
                assert evidence.section
                text_checked += 1
        assert text_checked >= len(report.skills)
        assert 0 <= report.roles[-1].score <= report.roles[0].score <= 100
