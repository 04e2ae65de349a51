"""Fixtures for the extract stage: a toy lexicon, a pipeline built from it, resume builders;
makes the local ``skill_tables`` helper importable."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from spacy.language import Language

from resume_fit.extract.patterns import SkillEntry
from resume_fit.extract.pipeline import build_pipeline, extract_skills, load_pipeline
from resume_fit.extract.settings import ExtractSettings, load_settings
from resume_fit.lexicon import Lexicon, read_lexicon
from resume_fit.parse.resume_text import ResumeText, Section

# The helper sits beside the tests; test modules are not a package (tests/ has no __init__.py).
sys.path.insert(0, str(Path(__file__).parent))

TOY_LEXICON = Path(__file__).resolve().parents[1] / "data" / "extract" / "toy_skills.jsonl"


@pytest.fixture(scope="session")
def toy_lexicon_path() -> Path:
    """Path of the toy lexicon file."""
    return TOY_LEXICON


@pytest.fixture(scope="session")
def toy_lexicon() -> Lexicon:
    """The toy lexicon in tests/data/extract/toy_skills.jsonl."""
    return read_lexicon(TOY_LEXICON)


@pytest.fixture(scope="session")
def settings() -> ExtractSettings:
    """The shipped extractor settings."""
    return load_settings()


@pytest.fixture(scope="session")
def toy_nlp(toy_lexicon: Lexicon, settings: ExtractSettings) -> Language:
    """The skill pipeline built from the toy lexicon."""
    return build_pipeline(toy_lexicon, settings)


def _make_resume(*blocks: tuple[str, str]) -> ResumeText:
    text = ""
    sections = []
    for kind, block in blocks:
        start = len(text)
        text += block.rstrip("\n") + "\n"
        sections.append(Section(kind, "", start, len(text)))
    return ResumeText("<test>", "text", text, tuple(sections))


@pytest.fixture(scope="session")
def make_resume():
    """Build a resume from ``(section kind, text)`` blocks, one section per block."""
    return _make_resume


def _method_entry(name: str) -> SkillEntry:
    return SkillEntry(name.lower().replace(" ", "-"), name, "method", (name,))


@pytest.fixture(scope="session")
def method_entry():
    """Build a method skill from its name: "Data cleaning" is ``data-cleaning``."""
    return _method_entry


@pytest.fixture(scope="session")
def found_ids(make_resume):
    """The ids of the skills the shipped pipeline finds in one section of invented text:
    ``found_ids("experience", "Built dashboards in Tableau.")``."""

    def found(kind: str, text: str) -> set[str]:
        return {m.id for m in extract_skills(make_resume((kind, text)), load_pipeline())}

    return found
