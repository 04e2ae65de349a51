"""Postings are told from resumes by their cue phrases, and read by their blocks."""

from __future__ import annotations

import pytest

from resume_fit.errors import DataFileError
from resume_fit.profile.document_kind import is_posting, parse_posting_cues

POSTING = """Senior Data Engineer

About us
Brightwave Logistics moves parcels for 2,000 shops. We value teamwork and communication.

What you'll do
- Build batch and streaming pipelines with Spark and Airflow.
- Model our warehouse in Snowflake with dbt.

Requirements
- 4+ years of Python and SQL.
- Experience with Kafka.
- Flink experience is a plus.

Nice to have
- Terraform, Kubernetes.

Benefits
- Private health insurance, 30 days of leave, a Tableau licence for every team.

Brightwave is an equal opportunity employer and values leadership at every level.
"""

RESUME = """Dana Whitfield
Data Engineer

Experience
Data Engineer, Harbourline Freight (2021 - Present)
- Built Spark and Airflow pipelines; responsibilities included on-call for the team.
- Modelled the warehouse in Snowflake with dbt.

Skills
Python, SQL, Kafka, Terraform
"""


def test_document_kind_posting_is_recognised_with_its_cues():
    signal = is_posting(POSTING)
    assert signal.is_posting
    assert "what you'll do" in signal.cues
    assert "heading: requirements" in signal.cues
    assert signal.weight >= signal.threshold
    assert signal.title == "Senior Data Engineer"
    assert "job posting" in signal.describe()


def test_document_kind_resume_is_not_a_posting():
    signal = is_posting(RESUME)
    assert not signal.is_posting
    assert signal.blocks == ()
    assert signal.title == ""


@pytest.mark.parametrize(
    ("words", "kind"),
    [
        ("Build batch and streaming", "duties"),
        ("4+ years of Python", "required"),
        ("Terraform, Kubernetes", "preferred"),
        ("Flink experience", "preferred"),
        ("Experience with Kafka", "required"),
        ("Private health insurance", "boilerplate"),
        ("We value teamwork", "boilerplate"),
        ("equal opportunity employer", "boilerplate"),
    ],
)
def test_document_kind_blocks_say_what_each_part_is(words, kind):
    signal = is_posting(POSTING)
    assert signal.block_at(POSTING.index(words)) == kind


def test_document_kind_bad_cue_file_names_the_table():
    with pytest.raises(DataFileError, match=r"\[detect\]"):
        parse_posting_cues("[blocks]\nmax_heading_words = 3\n", "posting.toml")


def test_document_kind_resume_words_shared_with_postings_stay_a_resume():
    cv = """Rhys Allard
PhD candidate, remote part-time tutor

Qualifications
BSc Physics; A-levels

Experience
Research Assistant (2022 - Present): responsibilities included our team's requirements review.
"""
    signal = is_posting(cv)
    assert not signal.is_posting, signal.cues
