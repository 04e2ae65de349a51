"""A name word an e-mail confirms anchors the written name wherever the document writes it.

Invented people and text. When the name line is not where the finder looks (a side column read
first, the name only in a closing line or a sentence), the surname still comes from the e-mail
(``okafor.w@``), and the word written beside it is the given name: "Will Okafor", "OKAFOR, Will".
A given name that is also a word ("Will", "Grace") is masked where written as a name and kept
as the word. An ordinary word beside the surname is not a name ("Associate Okafor"), and in
"Okafor, Mel Stanfill" the word after the comma begins another person's name.
"""

from __future__ import annotations

import pytest

from resume_fit.parse.resume_text import ResumeText
from resume_fit.report.identity import find_identity
from resume_fit.report.redact import redact_text

SIDE_COLUMN = """CONTACT
{handle}@example.com
London, UK
SKILLS
Python
SQL
Tableau
Airflow
Power BI
LANGUAGES
English
French
INTERESTS
Chess
Running
"""
BODY = """PROFILE
Data analyst with four years of experience in retail pricing and forecasting.
EXPERIENCE
Data Analyst, Contoso Retail, Leeds    Jun 2020 - Present
- Built pricing dashboards in Tableau and automated reports with Python and Airflow.
EDUCATION
BSc Economics, University of Leeds, 2020
"""


def _read(text: str) -> frozenset[str]:
    identity = find_identity(ResumeText("cv.txt", "text", text))
    return identity.name_tokens | identity.capitalised_tokens


@pytest.mark.parametrize(
    ("given", "written"),
    [
        ("Will", "References from {given} Okafor's manager at Contoso on request."),
        ("Grace", "References from {given} Okafor's manager at Contoso on request."),
        ("Chidi", "Signed: {given} Okafor, London, 2026"),
        ("Will", "OKAFOR, {given}\nData Analyst"),
    ],
)
def test_the_word_beside_a_confirmed_surname_is_the_given_name(given, written):
    text = (
        SIDE_COLUMN.format(handle=f"okafor.{given[0].lower()}") + BODY + written.format(given=given)
    )
    assert {"okafor", given.lower()} <= _read(text)


def test_a_word_like_given_name_found_so_is_masked_only_as_a_name():
    text = SIDE_COLUMN.format(handle="okafor.w") + BODY + "References: ask Will Okafor's manager."
    identity = find_identity(ResumeText("cv.txt", "text", text))
    masked = redact_text("Will Okafor said the team will ship the Tableau report.", identity)
    assert "Will" not in masked and "Okafor" not in masked
    assert "team will ship the Tableau report" in masked


@pytest.mark.parametrize(
    ("written", "not_read"),
    [
        ("Promoted to Associate Okafor-Reid's team lead in 2023.", "associate"),
        ("Papers: Okafor, Mel Stanfill and others, 2024.", "mel"),
    ],
)
def test_an_ordinary_word_or_another_persons_name_beside_it_is_not_read(written, not_read):
    handle = "okafor.w" if "Mel" in written else "okafor-reid.w"
    text = SIDE_COLUMN.format(handle=handle) + BODY + written
    assert not_read not in _read(text)
