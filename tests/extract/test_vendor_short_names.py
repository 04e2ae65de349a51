"""Vendor products written without their vendor ("Sqoop" for Apache Sqoop, "DataStage" for IBM
DataStage): the build rule as it shows in the shipped lexicon, and the extractor on invented
text."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline
from resume_fit.lexicon import load_lexicon


def _forms(skill_id: str) -> set[str]:
    skill = load_lexicon()[skill_id]
    return {form.casefold() for form in (skill.name, *skill.aliases)}


@pytest.mark.parametrize(
    ("skill_id", "short"),
    [
        ("apache-sqoop", "sqoop"),
        ("apache-nifi", "nifi"),
        ("apache-zookeeper", "zookeeper"),
        ("ibm-datastage", "datastage"),
        ("sap-businessobjects", "businessobjects"),
        ("microsoft-dynamics-365", "dynamics 365"),
    ],
)
def test_vendor_products_have_their_short_name(skill_id, short):
    assert short in _forms(skill_id)


@pytest.mark.parametrize(
    ("skill_id", "left_out"),
    [
        ("adobe-analytics", "analytics"),  # a word other skills' names are made of
        ("adobe-creative-cloud", "creative cloud"),  # only common words
        ("amazon-ebs", "ebs"),  # a short acronym
        ("aws-solutions-architect-associate", "certified solutions architect - associate"),
    ],
)
def test_vendor_short_names_leave_out_ordinary_remainders(skill_id, left_out):
    assert left_out not in _forms(skill_id)


def test_short_names_in_a_tool_list(make_resume):
    resume = make_resume(("skills", "Big data: Hive, Sqoop, NiFi, ZooKeeper, HBase"))
    found = {m.id for m in extract_skills(resume, load_pipeline())}
    assert {"apache-sqoop", "apache-nifi", "apache-zookeeper"} <= found


def test_a_guarded_short_name_in_prose_is_a_word(make_resume):
    # "Polly" alone is guarded (a person's name as often as Amazon Polly)
    resume = make_resume(("experience", "Covered shifts with Polly at the front desk."))
    found = {m.id for m in extract_skills(resume, load_pipeline())}
    assert "amazon-polly" not in found
