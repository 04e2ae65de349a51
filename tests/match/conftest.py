"""Fixtures for scoring tests: the toy lexicon and catalogue in tests/data, hand-made profiles."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from resume_fit.extract.mention import Evidence, SkillMention
from resume_fit.lexicon import read_lexicon
from resume_fit.profile import Education, Profile
from resume_fit.roles import read_catalogue

DATA = Path(__file__).parents[1] / "data"


@pytest.fixture(scope="session")
def toy_lexicon():
    return read_lexicon(DATA / "toy_skills.jsonl")


@pytest.fixture(scope="session")
def toy_catalogue():
    return read_catalogue(DATA / "toy_roles.toml")


def make_profile(years: float | None = None, highest: str = "none", publications: int = 0):
    education = Education(highest, "", (), publications, 0, "test")
    return Profile(dt.date(2024, 6, 1), (), years, "test", (), education, "mid", "test")


def mention(skill_id: str, usage: str = "listed") -> SkillMention:
    section = "experience" if usage == "demonstrated" else "skills"
    evidence = Evidence(section, skill_id, 0, len(skill_id), "exact", 1.0)
    return SkillMention(skill_id, skill_id, "tool", (evidence,))


@pytest.fixture
def profile_of():
    return make_profile


@pytest.fixture
def mention_of():
    return mention
