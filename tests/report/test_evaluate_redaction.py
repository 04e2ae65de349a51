"""The redaction benchmark's own counting: word-like name tokens judged by how they are written."""

from __future__ import annotations

from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def script(load_script) -> ModuleType:
    return load_script("scripts/evaluate_redaction.py")


def test_evaluate_redaction_word_like_name_tokens_counted_apart(script):
    # An invented person whose surname is a skill and whose first name is a word.
    person = script.Person("cv.pdf", names={"grant", "swift", "okafor"}, read={"okafor"})
    text = "Skills: Swift, Python. Applied for a grant. Okafor and okafor wrote it."
    found = script.count(text, [person], None, frozenset({"Swift", "Python"}))
    assert (found.names, found.wordy_capital, found.wordy_lower, found.in_skills) == (2, 0, 1, 1)
    assert found.unread == 0


@pytest.mark.parametrize(
    ("text", "leaks", "words"),
    [
        ("Grant's team, led by GRANT", 2, 0),  # capitalised, possessive, all caps: the name
        ("see grant.swift and swift_grant", 4, 0),  # joined: a handle or file name
        ("we will apply for a grant in may", 0, 3),  # lower case: the words
        ("May 2021 - June 2022", 0, 2),  # months beside numbers: dates
        ("Will joined in May", 2, 0),  # a capitalised word-like name token is the name
    ],
)
def test_evaluate_redaction_word_like_name_form_is_a_leak(script, text, leaks, words):
    person = script.Person("cv.pdf", names={"grant", "swift", "will", "may", "june"})
    found = script.count(text, [person], None, frozenset({"Python"}))
    assert (found.wordy_capital, found.wordy_lower) == (leaks, words)
    assert found.names == 0


def test_evaluate_redaction_skill_words_are_read_from_the_report(script):
    from resume_fit.extract.mention import Evidence, SkillMention

    evidence = Evidence("skills", "SWIFT", 10, 15, "alias", 0.9)
    skill = SkillMention("swift", "Swift", "language", (evidence,))
    texts = script.report_skill_texts((skill,), (("swift", "Swift"),))
    assert texts == frozenset({"Swift", "SWIFT"})


def test_evaluate_redaction_leak_not_read_by_resume_fit_is_flagged(script):
    person = script.Person("cv.pdf", names={"quenby"}, read=set())
    found = script.count("led by Quenby", [person], None)
    assert (found.names, found.unread) == (1, 1)
