"""Certification names written without their level ("AWS Certified Security" for "AWS Certified
Security - Specialty"): the build rule, the shipped lexicon and the extractor. Invented text."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from resume_fit.extract import extract_skills, load_pipeline
from resume_fit.lexicon import load_lexicon

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def variants() -> ModuleType:
    """``lexicon_build.variants``, importable once ``scripts/`` is on the path."""
    if str(REPO / "scripts") not in sys.path:
        sys.path.insert(0, str(REPO / "scripts"))
    spec = importlib.util.find_spec("lexicon_build.variants")
    assert spec and spec.loader
    return importlib.import_module("lexicon_build.variants")


def _cert(skill_id: str, name: str):
    """A curated certification row while the lexicon is being built."""
    entry = sys.modules["lexicon_build.merge"].Entry
    return entry(skill_id, name, "certification", "toy.toml", curated=True)


def test_short_certification_names_drop_a_known_level(variants):
    entries = [
        _cert("sec", "Cloud Certified Security - Specialty"),
        _cert("arch-a", "Cloud Certified Architect - Associate"),
        _cert("arch-p", "Cloud Certified Architect - Professional"),
        _cert("intro", "Cloud Certified - Foundational"),  # too short without its level
        _cert("gold", "Cloud Certified Partner - Gold"),  # not a level
        _cert("plain", "Cloud Security Practitioner - Associate"),  # not "Certified"
    ]
    table = {"certification_levels": ["Specialty", "Associate", "Professional", "Foundational"]}
    found = variants.short_certification_names(entries, table)
    # The Associate and the Professional would share a short name: it names neither.
    assert found == {"sec": [("Cloud Certified Security", "Cloud Certified Security - Specialty")]}


def test_short_certification_names_need_the_rule(variants):
    entries = [_cert("sec", "Cloud Certified Security - Specialty")]
    assert variants.short_certification_names(entries, {}) == {}


@pytest.mark.parametrize(
    ("form", "skill_id"),
    [
        ("AWS Certified Security", "aws-security-specialty"),
        ("AWS Certified Data Analytics", "aws-certified-data-analytics-specialty"),
        ("AWS Certified DevOps Engineer", "aws-certified-devops-engineer-professional"),
    ],
)
def test_shipped_lexicon_knows_certifications_without_their_level(form, skill_id):
    folded = form.casefold()
    owners = [s.id for s in load_lexicon().values() if folded in map(str.casefold, s.surface_forms)]
    assert owners == [skill_id]


def test_shipped_lexicon_leaves_a_shared_short_name_to_the_track():
    lexicon = load_lexicon()
    owners = [
        s.id
        for s in lexicon.values()
        if "aws certified solutions architect" in map(str.casefold, s.surface_forms)
    ]
    assert "aws-solutions-architect-associate" not in owners
    assert "aws-solutions-architect-professional" not in owners


def test_extract_finds_a_certification_written_without_its_level(make_resume):
    resume = make_resume(("certifications", "2021  AWS Certified Security, Amazon Web Services"))
    found = {m.id for m in extract_skills(resume, load_pipeline())}
    assert "aws-security-specialty" in found
