"""Fixtures for report tests: a hand-sectioned resume scored with the toy lexicon and catalogue."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import pytest

from resume_fit.extract.mention import Evidence, SkillMention
from resume_fit.lexicon import read_lexicon
from resume_fit.match import match_roles
from resume_fit.parse.resume_text import ParseQuality, ResumeText, Section
from resume_fit.profile import build_profile
from resume_fit.report import build_report
from resume_fit.roles import read_catalogue

DATA = Path(__file__).parents[1] / "data"
REF = dt.date(2024, 6, 1)
HEADINGS = {"experience": "experience", "education": "education", "skills": "skills"}

TOY_RESUME = """Sam Rivera
sam@example.com

Experience
Machine Learning Engineer | Orbit Labs | Mar 2021 - Present
- Trained PyTorch models in Python and served them on AWS
- Wrote SQL for feature pipelines

Software Developer, Nimbus Inc.
2018 - 2021
- Python services; some Docker

Education
BSc in Computer Science, University of Leeds, 2018

Skills
Python, SQL, Docker, Kubernetes, Excel
"""


def sectioned(text: str, source: str = "toy.txt") -> ResumeText:
    starts = [(0, "contact", "")]
    for match in re.finditer(r"^(.+)$", text, re.MULTILINE):
        kind = HEADINGS.get(match[1].strip().lower())
        if kind:
            starts.append((match.start(), kind, match[1].strip()))
    sections = tuple(
        Section(kind, heading, start, starts[i + 1][0] if i + 1 < len(starts) else len(text))
        for i, (start, kind, heading) in enumerate(starts)
    )
    quality = ParseQuality("text", 1, len(text), notes=("toy note: text input",))
    return ResumeText(source, "text", text, sections, (), quality)


def toy_extract(resume: ResumeText, lexicon) -> tuple[SkillMention, ...]:
    found = []
    for skill in lexicon.values():
        evidence = []
        for form in skill.surface_forms:
            for m in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", resume.text, re.IGNORECASE):
                kind = resume.section_kind_at(m.start())
                evidence.append(Evidence(kind, m[0], m.start(), m.end(), "exact", 1.0))
        if evidence:
            evidence.sort(key=lambda e: e.start)
            found.append(SkillMention(skill.id, skill.name, skill.category, tuple(evidence)))
    return tuple(sorted(found, key=lambda s: s.id))


@pytest.fixture(scope="session")
def toy_report():
    lexicon = read_lexicon(DATA / "toy_skills.jsonl")
    catalogue = read_catalogue(DATA / "toy_roles.toml")
    resume = sectioned(TOY_RESUME)
    skills = toy_extract(resume, lexicon)
    profile = build_profile(resume, skills, reference_date=REF)
    fits = match_roles(skills, profile, catalogue, lexicon)
    return build_report(resume, skills, profile, fits, lexicon, catalogue)


@pytest.fixture(scope="session")
def toy_text() -> str:
    return TOY_RESUME


@pytest.fixture(scope="session")
def toy_analyse():
    """Score ``(text, source)`` with the toy lexicon and catalogue: returns (resume, report)."""
    lexicon = read_lexicon(DATA / "toy_skills.jsonl")
    catalogue = read_catalogue(DATA / "toy_roles.toml")

    def analyse(text: str, source: str = "toy.txt"):
        resume = sectioned(text, source)
        skills = toy_extract(resume, lexicon)
        profile = build_profile(resume, skills, reference_date=REF)
        fits = match_roles(skills, profile, catalogue, lexicon)
        return resume, build_report(resume, skills, profile, fits, lexicon, catalogue)

    return analyse
