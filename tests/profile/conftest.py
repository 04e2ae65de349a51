"""Fixtures for the profile tests: resumes built by hand, independent of the parse stage."""

from __future__ import annotations

import re

import pytest

from resume_fit.parse.resume_text import ResumeText, Section

HEADINGS = {
    "experience": "experience",
    "work experience": "experience",
    "professional experience": "experience",
    "education": "education",
    "skills": "skills",
    "projects": "projects",
    "publications": "publications",
    "summary": "summary",
}


def build_resume(text: str) -> ResumeText:
    """Split ``text`` into sections at lines that are exactly a known heading."""
    starts = [(0, "contact", "")]
    for match in re.finditer(r"^(.+)$", text, re.MULTILINE):
        kind = HEADINGS.get(match[1].strip().lower())
        if kind:
            starts.append((match.start(), kind, match[1].strip()))
    sections = []
    for number, (start, kind, heading) in enumerate(starts):
        end = starts[number + 1][0] if number + 1 < len(starts) else len(text)
        if end > start:
            sections.append(Section(kind, heading, start, end))
    return ResumeText("<test>", "text", text, tuple(sections))


@pytest.fixture
def resume_from():
    return build_resume
