"""The shipped lexicon and model on sentences where the ambiguity policy decides."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills
from resume_fit.lexicon import load_lexicon
from resume_fit.parse import parse_text

# (text, skill id, expected). Sibling corroboration: an ambiguous name counts beside an
# unambiguous skill under the same parent, not beside unrelated words.
CASES = [
    ("EXPERIENCE\nLed the migration from Jenkins to GitHub Actions.", "jenkins", True),
    ("EXPERIENCE\nMet Sarah Jenkins to plan the annual offsite.", "jenkins", False),
    ("EXPERIENCE\nCommis Chef, Java Coffee House, Lisbon", "chef", False),
    ("EXPERIENCE\nCommis Chef, Java Coffee House, Lisbon", "java", False),
    ("EXPERIENCE\nI excel at building rapport with customers.", "excel", False),
    ("EXPERIENCE\nHelped the team go to market in six weeks.", "go", False),
    ("EXPERIENCE\nBuilt payment microservices in Go with gRPC.", "go", True),
]


@pytest.mark.parametrize(("text", "skill_id", "expected"), CASES)
def test_extract_shipped_ambiguity(text: str, skill_id: str, expected: bool) -> None:
    found = {mention.id for mention in extract_skills(parse_text(text))}
    assert (skill_id in found) is expected, sorted(found)


def test_extract_shipped_sibling_context_is_data() -> None:
    jenkins = load_lexicon()["jenkins"]
    assert jenkins.ambiguous
    assert "github actions" in jenkins.context


def test_extract_shipped_component_in_a_users_pipeline() -> None:
    import spacy

    nlp = spacy.blank("en")
    nlp.add_pipe("resume_fit_skills")
    nlp.initialize()  # loads the shipped lexicon, as spaCy components load their data
    doc = nlp("Built PyTorch models and deployed them with Docker on AWS; we go to market fast.")
    found = [(span.text, span.id_, span.label_) for span in doc.spans["skills"]]
    assert found == [
        ("PyTorch", "pytorch", "library"),
        ("Docker", "docker", "tool"),
        ("AWS", "aws", "platform"),
    ]
