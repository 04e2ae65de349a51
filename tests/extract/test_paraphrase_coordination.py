"""Verbs coordinated before one object share it (paraphrase class): "cleaned and merged survey
data" is data cleaning although "merged" is no verb of the table. Invented sentences."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline
from resume_fit.extract.paraphrase import ParaphraseIndex


@pytest.fixture(scope="module")
def index(settings, method_entry):
    names = ("Data cleaning", "Data visualization", "Model deployment", "Network monitoring")
    return ParaphraseIndex(tuple(method_entry(name) for name in names), settings)


def _found(index, nlp, text: str) -> set[str]:
    return {m.skill_id for m in index.find([t.lower_ for t in nlp.make_doc(text)])}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a verb of the table, then other verbs of the same form, then the object
        ("Cleaned and merged survey data from three sources.", {"data-cleaning"}),
        ("Cleaned, merged and deduplicated survey data.", {"data-cleaning"}),
        ("Cleaned, merged, and deduplicated survey data.", {"data-cleaning"}),
        ("Cleaned & merged the survey data.", {"data-cleaning"}),
        ("Cleaning and merging survey data for the panel.", {"data-cleaning"}),
        ("Cleaned and carefully merged survey data.", {"data-cleaning"}),
        (
            "Collected, cleaned and visualised sales data.",
            {"data-cleaning", "data-visualization"},
        ),
        (
            "Cleaned, merged, and visualised sales data.",
            {"data-cleaning", "data-visualization"},
        ),
        ("Designed, trained and deployed models for churn.", {"model-deployment"}),
        ("Deployed and retrained the ranking models.", {"model-deployment"}),
        ("Monitored and maintained network infrastructure.", {"network-monitoring"}),
    ],
)
def test_paraphrase_verb_run_shares_the_object(index, toy_nlp, text, expected):
    assert _found(index, toy_nlp, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # no verb of the table in the run
        "Mentored and supported data analysts.",
        "Planned and led the migration.",
        "Collected and merged survey data.",
        # a noun phrase between ends the run: the kitchen was cleaned, not the data
        "Cleaned the kitchen and merged survey data.",
        "Cleaned the team and data.",
        # a list of nouns, not of verbs
        "Skills: testing, cleaning and data",
        # conjuncts of another form are not the same coordination
        "Cleaning and merged survey data.",
        "Cleaned and merging survey data.",
        # "clean", "test", "monitor" as a base form stay nouns or adjectives inside a run too
        "Merged and clean data.",
        "Cleaned and test data.",
        "Merged and monitor networks.",
        # the object is a modifier of another head
        "Cleaned and merged data dictionaries.",
        # a line break ends the clause
        "Cleaned and merged\nsurvey data",
    ],
)
def test_paraphrase_verb_run_precision(index, toy_nlp, text):
    assert _found(index, toy_nlp, text) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Survey data merged and cleaned before analysis.", {"data-cleaning"}),
        (
            "Sales data collected, cleaned and visualised weekly.",
            {"data-cleaning", "data-visualization"},
        ),
        ("Churn models trained, tested, and deployed on AWS.", {"model-deployment"}),
        ("Survey data cleaned and merged by hand.", {"data-cleaning"}),
        # the noun before the run is not the object
        ("Data analysts hired and trained.", set()),
        ("Loaded the survey data and cleaned the rest.", set()),
        ("Loaded the survey data, and cleaned the rest.", set()),
    ],
)
def test_paraphrase_object_before_participle_run(index, toy_nlp, text, expected):
    assert _found(index, toy_nlp, text) == expected


def test_paraphrase_head_run_with_oxford_comma(settings, toy_nlp, method_entry):
    entries = (method_entry("Network monitoring"), method_entry("Network administration"))
    index = ParaphraseIndex(entries, settings)
    text = "Shared the design, administration, and monitoring of networks."
    assert _found(index, toy_nlp, text) == {"network-monitoring", "network-administration"}


# Shipped pipeline: (text, skill id)
SHIPPED = [
    ("Cleaned and merged survey data from three sources.", "data-cleaning"),
    ("Collected, cleaned and visualised sales data.", "data-visualization"),
    ("Designed, trained and deployed models for churn.", "model-deployment"),
    ("Churn models trained, tested, and deployed on AWS.", "model-deployment"),
]


@pytest.mark.parametrize(("text", "skill_id"), SHIPPED)
def test_paraphrase_verb_run_shipped(make_resume, text, skill_id):
    found = {m.id for m in extract_skills(make_resume(("experience", text)), load_pipeline())}
    assert skill_id in found, sorted(found)


@pytest.mark.parametrize(
    "text",
    [
        "Mentored and supported data analysts.",
        "Planned and led the migration.",
        "Built and monitored ETL pipelines.",
        "Merged and test data for the audit.",
    ],
)
def test_paraphrase_verb_run_shipped_adds_nothing(make_resume, text):
    mentions = extract_skills(make_resume(("experience", text)), load_pipeline())
    read = sorted(m.id for m in mentions if any(e.method == "paraphrase" for e in m.evidence))
    assert read == []


def test_paraphrase_verb_run_evidence_spans_verb_to_object(make_resume):
    text = "Cleaned and merged survey data from three sources."
    mentions = extract_skills(make_resume(("experience", text)), load_pipeline())
    cleaning = next(m for m in mentions if m.id == "data-cleaning")
    assert [e.text for e in cleaning.evidence] == ["Cleaned and merged survey data"]
