"""The licensed real resumes in ../shared/corpus/resumes (skipped when the folder is absent)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from resume_fit.parse import ResumeText, parse_file

RENDERCV_THEMES = ("Classic", "Engineeringresumes", "Moderncv", "Sb2nov")


@pytest.fixture(scope="module")
def corpus(shared_dir: Path) -> Path:
    folder = shared_dir / "corpus" / "resumes"
    if not folder.is_dir():
        pytest.skip(f"no resume corpus at {folder}")
    return folder


@pytest.fixture(scope="module")
def parsed(corpus: Path) -> dict[str, ResumeText]:
    """Every corpus PDF parsed once, keyed by its path relative to the corpus."""
    return {str(pdf.relative_to(corpus)): parse_file(pdf) for pdf in sorted(corpus.rglob("*.pdf"))}


def test_parse_corpus_every_pdf_has_sections(parsed: dict[str, ResumeText]) -> None:
    assert parsed
    for pdf, resume in parsed.items():
        kinds = {section.kind for section in resume.sections}
        assert len(kinds - {"contact", "other"}) >= 2, pdf
        assert resume.quality.verdict in {"good", "fair"}, pdf
        assert resume.quality.unreadable_ratio < 0.02, pdf
        assert resume.sections[-1].end == len(resume.text)


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower())


def test_parse_corpus_rendercv_themes_agree(parsed: dict[str, ResumeText]) -> None:
    resumes = [parsed[f"rendercv/John_Doe_{theme}Theme_CV.pdf"] for theme in RENDERCV_THEMES]
    kinds = [[s.kind for s in r.sections if s.kind != "contact"] for r in resumes]
    assert all(k == kinds[0] for k in kinds), kinds
    assert {"education", "experience", "projects", "publications", "skills"} <= set(kinds[0])
    vocabularies = [set(_words(r.text)) for r in resumes]
    for vocabulary in vocabularies[1:]:
        overlap = len(vocabulary & vocabularies[0]) / len(vocabulary | vocabularies[0])
        assert overlap > 0.9


def test_parse_corpus_deedy_columns_not_interleaved(parsed: dict[str, ResumeText]) -> None:
    resume = parsed["deedy/deedy_resume-openfont.pdf"]
    assert resume.quality.columns
    text = resume.text
    courses = (
        "Advanced Machine Learning\nOpen Source Software Engineering\nAdvanced Interactive Graphics"
    )
    assert courses in text
    assert "Worked on the YouTube Captions team, in Javascript and Python to plan, to" in text
    assert any(link.url == "https://github.com/deedydas" for link in resume.links)


def test_parse_corpus_sidebar_kept_apart(parsed: dict[str, ResumeText]) -> None:
    resume = parsed["latexcv/latexcv_sidebar.pdf"]
    text = resume.text
    assert "Invent a realtime classroom management using Meteor and React\n" in text
    assert resume.section_kind_at(text.index("MongoDB")) == "skills"
    assert any("github.com/jankapunkt" in link.url for link in resume.links)
