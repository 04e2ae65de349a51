"""Names written with the Unicode hyphens U+2010 / U+2011 (some resume templates write every
hyphen as a non-breaking one) match the forms written with "-". Invented text."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline


@pytest.mark.parametrize("hyphen", ["\u2010", "\u2011"])
@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("Compared regression and time{h}series models for rent prices.", "time-series-analysis"),
        ("Ran A/B tests and built a scikit{h}learn churn model.", "scikit-learn"),
    ],
)
def test_unicode_hyphen_matches_hyphen_form(make_resume, hyphen, text, skill_id):
    resume = make_resume(("experience", text.format(h=hyphen)))
    found = {m.id: m for m in extract_skills(resume, load_pipeline())}
    assert skill_id in found, sorted(found)
    # the evidence is the text as written, with its own hyphen
    assert hyphen in found[skill_id].evidence[0].text


def test_unicode_hyphen_inside_a_word_stays_a_word(make_resume):
    resume = make_resume(("experience", "Led weekly check\u2011ins with long\u2011term clients."))
    assert extract_skills(resume, load_pipeline()) == ()
