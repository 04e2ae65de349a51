"""Near-miss matching is for misspellings only: an English word is never "corrected" into a
skill name (issue 10, class 3)."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline
from resume_fit.extract.settings import load_settings, read_word_list

# Correctly spelled words that sit within one or two edits of some skill's name.
REAL_WORDS = [
    ("Improved Detection of tampered invoices by 30%.", "detectron2"),
    ("Owned Testing and release sign-off for the web team.", "testng"),
    ("Redesigned the Profile page and the settings flow.", "procfile"),
    ("Built Profiles of customer segments for the sales team.", "profilers"),
    ("Ten years in Supply Chain Management for retail.", "change-management"),
    ("Studied Molecular biology before moving to analytics.", "moleculer"),
    ("Ran Integration Design reviews with partner banks.", "ux-design"),
    # a word two neighbouring letters away from a name is still the word
    ("Serviced the Magneto ignition of vintage engines.", "magento"),
]

MISSPELLINGS = [
    ("Trained detectors in Pytorch on GPUs.", "pytorch"),
    ("Deployed services on Kubernates with Helm.", "kubernetes"),
    ("Prototyped the model in Tensorflwo and exported it.", "tensorflow"),
    ("Prototyped the model in Tensor flow and exported it.", "tensorflow"),
    ("Wrote the scrapers in Pyhton and the API in Djnago.", "python"),
    ("Wrote the scrapers in Pyhton and the API in Djnago.", "django"),
]


def _found(make_resume, text: str) -> set[str]:
    return {m.id for m in extract_skills(make_resume(("experience", text)), load_pipeline())}


@pytest.mark.parametrize(("text", "wrong"), REAL_WORDS)
def test_fuzzy_never_turns_a_real_word_into_a_skill(make_resume, text, wrong):
    assert wrong not in _found(make_resume, text)


@pytest.mark.parametrize(("text", "skill_id"), MISSPELLINGS)
def test_fuzzy_still_corrects_misspellings(make_resume, text, skill_id):
    assert skill_id in _found(make_resume, text)


def test_fuzzy_known_words_ship_as_data():
    settings = load_settings()
    words = read_word_list(settings.known_words)
    assert len(words) > 50_000
    assert {"detection", "testing", "profile", "molecular", "chain"} <= words
    assert not {"kubernates", "tensorflwo", "pytorch"} & words
    # British spellings are English words too ("harbour" is not the Harbour language).
    assert {"colour", "harbour", "organisation", "analyse", "behaviour", "color"} <= words
    assert settings.known_words_digest


def test_fuzzy_read_word_list_skips_the_header():
    text = "# a header line\n# another one\nalpha\nBeta\n\ngamma\n"
    assert read_word_list(text) == frozenset({"alpha", "beta", "gamma"})


@pytest.mark.parametrize(
    "word", ["Detections", "Recognitions", "Perceptions", "Visualisations", "Testings", "PROFILES"]
)
def test_fuzzy_real_words_in_capitals_and_plurals_are_not_fuzzy_names(make_resume, word):
    resume = make_resume(("experience", f"- Reviewed the {word} for the team."))
    assert [m.id for m in extract_skills(resume, load_pipeline())] == []


def test_british_spelling_in_a_skills_list_is_not_a_skill_in_lower_case(make_resume):
    resume = make_resume(("skills", "Python\nharbour crane scheduling\nDocker"))
    assert "harbour" not in {m.id for m in extract_skills(resume, load_pipeline())}
