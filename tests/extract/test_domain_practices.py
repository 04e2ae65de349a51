"""Practices and software of non-technical trades (the curated tables for sales, retail and
hospitality, libraries and teaching, economics and policy, HR, trades and logistics, healthcare,
and creative, legal and finance work): found where those resumes write them, and left alone in a
software resume's ordinary sentences. Invented text."""

from __future__ import annotations

import pytest


def _ids(*names: str) -> set[str]:
    from resume_fit.lexicon import load_lexicon

    lexicon = load_lexicon()
    by_name = {skill.name.casefold(): skill.id for skill in lexicon.values()}
    return {by_name[name.casefold()] for name in names}


@pytest.mark.parametrize(
    ("kind", "text", "names"),
    [
        (
            "experience",
            "Catalogued 3,000 new titles in MARC 21 under RDA and ran interlibrary loan requests.",
            ("Interlibrary loan",),
        ),
        (
            "experience",
            "Built a CGE model and ran cost-benefit analysis for the transport ministry.",
            ("Cost-benefit analysis",),
        ),
        (
            "experience",
            "Handled cash handling, loss prevention and visual merchandising for a busy store.",
            ("Loss prevention", "Cash handling"),
        ),
        (
            "experience",
            "Ran full-cycle recruiting in Greenhouse and benefits administration in Workday.",
            ("Greenhouse", "Benefits administration"),
        ),
        (
            "experience",
            "Prepared quantity take-offs and scheduled the job in Primavera P6.",
            ("Primavera P6",),
        ),
        (
            "experience",
            "Drafted patent filings, ran due diligence reviews and organised trial binders.",
            ("Intellectual property law", "Due diligence", "Paralegal practice"),
        ),
        (
            "experience",
            "Managed Google Ads PPC campaigns and lead nurturing in Marketo.",
            ("Pay-per-click advertising", "Marketing automation"),
        ),
        (
            "experience",
            "Shot product photography and cut motion graphics for the spring catalogue.",
            ("Photography", "Motion graphics"),
        ),
        (
            "experience",
            "Prepared monthly variance analysis and processed expense reports for three teams.",
            ("Variance analysis", "Expense management"),
        ),
    ],
)
def test_trade_practices_are_found(found_ids, kind, text, names):
    found = found_ids(kind, text)
    assert _ids(*names) <= found, sorted(found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Ran bug triage for the payments team and fixed flaky tests.", "Triage assessment"),
        ("Built 3D mesh processing for CAD models in PyTorch.", "Medical Subject Headings"),
        ("Wrote the API docs in Word and kept a positive outlook.", "Microsoft Word"),
        ("Integrated a quoting tool into Salesforce CRM.", "Sales prospecting"),
        (
            "Added a check-in/check-out flow with QR codes to the hotel app.",
            "Front desk operations",
        ),
    ],
)
def test_software_sentences_stay_software(found_ids, text, name):
    assert not _ids(name) & found_ids("experience", text)


def test_audio_and_stage_practices(found_ids):
    text = "Mixed front-of-house live sound on a DiGiCo console and cut dialogue in Pro Tools."
    found = found_ids("experience", text)
    assert {"pro-tools", "live-sound", "digico-consoles"} <= found, sorted(found)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Set design-review standards for the data platform team.", "Scenic design"),
        ("Reviewed a book on new media composition and rhetoric.", "Music composition"),
    ],
)
def test_words_of_the_stage_in_other_senses(found_ids, text, name):
    assert not _ids(name) & found_ids("summary", text)
