"""Coordinated names sharing a head or a modifier ("supervised and unsupervised learning",
"Social Media & Digital Marketing", "Data Analysis & Visualization") and typographic apostrophes
in names ("women\u2019s health"). The sentences are invented; the ordinary cases around them stay
unmatched."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline
from resume_fit.extract.mention import MATCH_METHODS
from resume_fit.extract.patterns import FormInfo
from resume_fit.extract.shorthand import coordinated
from resume_fit.lexicon import load_lexicon

# (text, skill id, evidence text of the coordination)
POSITIVE = [
    (
        "Applied machine & deep learning to churn prediction.",
        "machine-learning",
        "machine & deep learning",
    ),
    (
        "Taught supervised and unsupervised learning to new analysts.",
        "supervised-learning",
        "supervised and unsupervised learning",
    ),
    # a two-word conjunct
    (
        "Ran social media & digital marketing for two retail brands.",
        "social-media-marketing",
        "social media & digital marketing",
    ),
    # hyphenated conjuncts count as one word
    (
        "Wrote object-oriented and functional programming exercises.",
        "object-oriented-programming",
        "object-oriented and functional programming",
    ),
    (
        "Built statistical and predictive modeling pipelines.",
        "statistical-modeling",
        "statistical and predictive modeling",
    ),
    # a plain form written in another case than the lexicon's
    (
        "Designed relational and NoSQL databases for a clinic.",
        "relational-databases",
        "relational and NoSQL databases",
    ),
    # a plural conjunct after a comma with nothing before it still shares the head
    (
        "Experience: logistics, inventory management and budgeting.",
        "logistics-coordination",
        "logistics, inventory management",
    ),
    # two words that are no name themselves share their modifier with the conjuncts after them
    (
        "Owned model development, evaluation, and deployment.",
        "model-evaluation",
        "model development, evaluation",
    ),
    (
        "Owned model development, evaluation, and deployment.",
        "model-deployment",
        "model development, evaluation, and deployment",
    ),
    # a preposition after the conjunct ends the noun phrase as well as a full stop does
    (
        "Led data collection/labeling for the vision team.",
        "data-labeling",
        "data collection/labeling",
    ),
    # words after the slash that are no name: the word before it shares their head
    (
        "Worked on image/video classification for a retailer.",
        "image-classification",
        "image/video classification",
    ),
]


@pytest.mark.parametrize(("text", "skill_id", "evidence"), POSITIVE)
def test_coordination_names_the_conjunct(make_resume, text, skill_id, evidence):
    mentions = {m.id: m for m in extract_skills(make_resume(("experience", text)), load_pipeline())}
    assert skill_id in mentions, sorted(mentions)
    (found,) = mentions[skill_id].evidence
    assert found.text == evidence
    assert found.method == "coordination"
    assert 0.0 < found.confidence < 1.0


# (text, skill id that must not be found)
NEGATIVE = [
    # no ellipsis: both conjuncts are whole names, nothing is shared
    ("Researched natural language and computer vision models.", "natural-language-vision"),
    # a line break ends the item: the conjunct does not reach the next line
    ("Repaired the vending machine &\ndeep learning rigs.", "machine-learning"),
    # a conjunct that makes no lexicon name names nothing
    ("Reviewed budgets and machine learning plans.", "budgets-learning"),
    # a conjunct that is a name of its own keeps its own skill
    ("Wrote modules for Cloud SQL and IAM policies.", "google-cloud-iam"),
    # a word after the conjunct means the list goes on: not a shared modifier
    ("Owned data analysis and governance reviews weekly.", "data-governance"),
    # a plural noun after another word, before a comma, ends a list item of its own
    ("Topics covered vendor contracts, change management and audits.", "contract-management"),
    # ... only when the conjunct ends the list: "deployment scripts" is no model deployment
    ("Owned model development and deployment scripts.", "model-deployment"),
    # ... and only from the two words right before the connector
    ("Trained a model on GPUs, evaluation and deployment.", "model-deployment"),
    # a code's prefix repeated names no skill made of the prefix twice
    ("Checked bar schedules against IS 456:2000, IS 2502 and the drawings.", "is-is"),
]


@pytest.mark.parametrize(("text", "skill_id"), NEGATIVE)
def test_coordination_leaves_ordinary_text(make_resume, text, skill_id):
    found = {m.id for m in extract_skills(make_resume(("experience", text)), load_pipeline())}
    assert skill_id not in found, sorted(found)


def test_coordination_natural_language_computer_vision_adds_nothing(make_resume):
    resume = make_resume(("skills", "Natural Language and Computer Vision"))
    mentions = extract_skills(resume, load_pipeline())
    assert "computer-vision" in {m.id for m in mentions}
    assert not [e for m in mentions for e in m.evidence if e.method == "coordination"]


def test_coordination_is_a_match_method():
    assert "coordination" in MATCH_METHODS


def test_coordination_passes_the_usage_filter(make_resume):
    # A field in a degree line is the degree's subject, coordinated or not.
    resume = make_resume(("education", "B.Sc. Machine & Deep Learning, 2019"))
    found = {m.id for m in extract_skills(resume, load_pipeline())}
    assert "machine-learning" not in found


_INFO = FormInfo(True, "plain", frozenset({("x",)}), True)


def _lookup(phrases):
    def lookup(key):
        return ((phrases[key], _INFO),) if key in phrases else ()

    return lookup


def test_coordination_shared_modifier_span_runs_from_the_modifier():
    lowers = ["data", "analysis", "&", "visualization", "."]
    lookup = _lookup({("data", "analysis"): "da", ("data", "visualization"): "dv"})
    (match,) = coordinated(lowers, [(0, 2, "da", _INFO)], lookup)
    assert (match.skill_id, match.first, match.last) == ("dv", 3, 4)
    assert (match.span_first, match.span_last) == (0, 4)


def test_coordination_two_word_conjunct_after_one_word_fails():
    lowers = ["led", "social", "media", "&", "digital", "marketing"]
    phrases = {("digital", "marketing"): "dm", ("social", "media", "marketing"): "smm"}
    (match,) = coordinated(lowers, [(4, 6, "dm", _INFO)], _lookup(phrases))
    assert (match.skill_id, match.first, match.span_first, match.span_last) == ("smm", 1, 1, 6)


def test_coordination_three_word_conjunct_is_too_long():
    lowers = ["big", "social", "media", "&", "digital", "marketing"]
    phrases = {("digital", "marketing"): "dm", ("big", "social", "media", "marketing"): "x"}
    assert coordinated(lowers, [(4, 6, "dm", _INFO)], _lookup(phrases)) == []


def test_coordination_shares_the_head_of_words_that_are_no_phrase():
    lowers = ["image", "/", "video", "classification", "for", "retail"]
    phrases = {("image", "classification"): "ic"}
    (match,) = coordinated(lowers, [], _lookup(phrases), frozenset({"for"}))
    assert (match.skill_id, match.first, match.last) == ("ic", 0, 1)
    assert (match.span_first, match.span_last) == (0, 4)


def test_coordination_head_must_end_the_noun_phrase():
    # "video classification models": the head runs on, nothing is shared
    lowers = ["image", "/", "video", "classification", "models", "."]
    phrases = {("image", "classification"): "ic"}
    assert coordinated(lowers, [], _lookup(phrases), frozenset({"for"})) == []


def test_coordination_same_skill_as_the_phrase_adds_nothing():
    lowers = ["frontend", "&", "backend", "development"]
    phrases = {("backend", "development"): "web", ("frontend", "development"): "web"}
    assert coordinated(lowers, [(2, 4, "web", _INFO)], _lookup(phrases)) == []


# Typographic apostrophes between letters read as "'".
@pytest.mark.parametrize("apostrophe", ["\u2019", "\u2018", "\u02bc", "'"])
def test_apostrophe_variants_match_the_straight_form(make_resume, apostrophe):
    text = f"Ran a women{apostrophe}s health clinic rota and quoted Moody{apostrophe}s RiskCalc."
    resume = make_resume(("experience", text))
    mentions = {m.id: m for m in extract_skills(resume, load_pipeline())}
    assert {"womens-health", "moody-s-riskcalc"} <= set(mentions), sorted(mentions)
    (evidence,) = mentions["womens-health"].evidence
    assert evidence.text == f"women{apostrophe}s health"
    assert evidence.method == "exact"


def test_apostrophe_quotes_stay_quotes(make_resume):
    resume = make_resume(
        ("experience", "Wrote the \u2018Python\u2019 wrapper and \u2018SQL\u2019 views.")
    )
    mentions = {m.id: m for m in extract_skills(resume, load_pipeline())}
    assert {"python", "sql"} <= set(mentions)
    assert mentions["python"].evidence[0].text == "Python"


def test_no_curly_apostrophe_form_in_the_lexicon():
    # The matcher reads typographic apostrophes as "'": a form written with one is redundant.
    forms = [f for s in load_lexicon().values() for f in s.surface_forms if "\u2019" in f]
    assert forms == []
