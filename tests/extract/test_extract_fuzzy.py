"""Near-miss matching: misspellings and spacing variants, never short or ordinary words."""

from __future__ import annotations

import dataclasses

import pytest

from resume_fit.extract import extract_skills
from resume_fit.extract.fuzzy import normalise
from resume_fit.extract.pipeline import build_pipeline


def _found(nlp, make_resume, section, text):
    return {
        (e.text, m.id, e.method)
        for m in extract_skills(make_resume((section, text)), nlp)
        for e in m.evidence
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deployed on Kubernates and Docker.", ("Kubernates", "kubernetes")),
        ("Data in Postgress behind the API.", ("Postgress", "postgresql")),
        ("Trained nets with Tensor flow.", ("Tensor flow", "tensorflow")),
        ("Models in scikit learn.", ("scikit learn", "scikit-learn")),
        ("Trained with Pytorch Lightning.", ("Pytorch", "pytorch")),
        ("Serving through NodeJs.", ("NodeJs", "node-js")),
        ("Pipelines in Tensorflw and Keras.", ("Tensorflw", "tensorflow")),
        # two neighbouring letters swapped: two edits to fuzz.ratio, one slip of the fingers
        ("Wrote the ETL jobs in Pyhton.", ("Pyhton", "python")),
        ("Ran the services on Kuberentes.", ("Kuberentes", "kubernetes")),
    ],
)
def test_fuzzy_resolves_near_misses(toy_nlp, make_resume, text, expected) -> None:
    found = {(t, skill) for t, skill, _ in _found(toy_nlp, make_resume, "experience", text)}
    assert expected in found


@pytest.mark.parametrize(
    ("section", "text"),
    [
        ("experience", "Managed the pandemic response."),  # lower-case English, not "pandas"
        ("experience", "Deployed the new dockers at the port."),  # ordinary lower-case word
        ("experience", "Dockr"),  # shorter than the minimum length
        ("experience", "Pytho and Dockr"),  # short tokens are never fuzzy
        ("experience", "Developed reports for the Kubernetics team."),  # too far off (cutoff)
        ("contact", "Kubernates Street 5, Berlin"),  # no fuzzy matching in contact lines
        ("summary", "Pythonic thinking"),  # capitalised first word of a line
        ("experience", "Spoke at the Linux Foundation summit."),  # a word, not "FoundationDB"
        ("experience", "Worked as SUMMARY writer"),  # all capitals: a heading, not a misspelling
    ],
)
def test_fuzzy_never_fires_on_ordinary_or_short_words(toy_nlp, make_resume, section, text) -> None:
    assert {m for m in _found(toy_nlp, make_resume, section, text) if m[2] == "fuzzy"} == set()


def test_fuzzy_cutoff_comes_from_settings(toy_lexicon, settings, make_resume) -> None:
    strict = build_pipeline(toy_lexicon, dataclasses.replace(settings, fuzzy_cutoff=99.0))
    loose = build_pipeline(toy_lexicon, dataclasses.replace(settings, fuzzy_cutoff=80.0))
    text = "Deployed on Kubernates clusters."
    assert not any(m[1] == "kubernetes" for m in _found(strict, make_resume, "experience", text))
    assert any(m[1] == "kubernetes" for m in _found(loose, make_resume, "experience", text))


def test_fuzzy_min_length_comes_from_settings(toy_lexicon, settings, make_resume) -> None:
    long_only = build_pipeline(toy_lexicon, dataclasses.replace(settings, fuzzy_min_length=12))
    text = "Deployed on Kubernates clusters."
    assert _found(long_only, make_resume, "experience", text) == set()


def test_fuzzy_lowercase_allowed_in_skills_lists(toy_nlp, make_resume) -> None:
    found = _found(toy_nlp, make_resume, "skills", "python, kubernates, docker")
    assert ("kubernates", "kubernetes", "fuzzy") in found


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Tensor flow", "tensorflow"), ("scikit-learn", "scikitlearn"), ("Node.js", "nodejs")],
)
def test_fuzzy_normalise(text, expected) -> None:
    assert normalise(text) == expected
