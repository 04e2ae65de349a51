"""Practice skills written as a verb and its object (issue 10, paraphrase class): "deployed
models" is model deployment. Invented sentences."""

from __future__ import annotations

import dataclasses

import pytest

from resume_fit.extract import extract_skills, load_pipeline
from resume_fit.extract.paraphrase import ParaphraseIndex, verb_forms
from resume_fit.extract.patterns import SkillEntry
from resume_fit.extract.settings import ExtractSettings


@pytest.mark.parametrize(
    ("verb", "forms"),
    [
        ("deploy", {"deploy", "deploys", "deployed", "deploying"}),
        ("scrape", {"scrape", "scrapes", "scraped", "scraping"}),
        ("classify", {"classify", "classifies", "classified", "classifying"}),
        ("label", {"label", "labels", "labeled", "labelled", "labeling", "labelling"}),
        ("process", {"process", "processes", "processed", "processing"}),
    ],
)
def test_verb_forms_regular_inflections(verb, forms):
    assert verb_forms(verb) == forms


def _index(settings: ExtractSettings, *entries: SkillEntry) -> ParaphraseIndex:
    return ParaphraseIndex(entries, settings)


def _lowers(nlp, text: str) -> list[str]:
    return [t.lower_ for t in nlp.make_doc(text)]


MODEL_DEPLOYMENT = SkillEntry(
    "model-deployment", "Model deployment", "method", ("Model deployment",)
)
QUERY_OPT = SkillEntry(
    "query-optimization", "Query optimization", "method", ("Query optimization",)
)
# A product whose name has a practice's shape: never read from a verb.
PRODUCT = SkillEntry(
    "oracle-data-integration", "Oracle Data Integration", "tool", ("Oracle Data Integration",)
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Deployed three trained models to production.", True),
        ("Models deployed behind a REST gateway.", True),
        ("Deployment of ranking models on Kubernetes.", True),
        ("Deploying models and dashboards", True),
        # the object is the head of another noun: a model registry, not a model
        ("Deployed model registries for the platform team.", False),
        # a preposition between: the models are not what was deployed
        ("Deployed the service for models of the risk team.", False),
        # a line break ends the clause
        ("Deployed\nmodels", False),
        # too many words between the verb and the object
        ("Deployed a very large and fast growing set of models", False),
    ],
)
def test_paraphrase_verb_object_in_one_clause(toy_nlp, settings, text, expected):
    index = _index(settings, MODEL_DEPLOYMENT)
    found = {m.skill_id for m in index.find(_lowers(toy_nlp, text))}
    assert ("model-deployment" in found) is expected


def test_paraphrase_object_tail_and_spellings(toy_nlp, settings):
    index = _index(settings, QUERY_OPT)
    for text in ("Optimised query performance by 40%.", "optimizing slow queries", "tuned queries"):
        assert {m.skill_id for m in index.find(_lowers(toy_nlp, text))} == {"query-optimization"}


def test_paraphrase_only_common_noun_categories(toy_nlp, settings):
    index = _index(settings, PRODUCT)
    assert not index.find(_lowers(toy_nlp, "Integrated Oracle data into the warehouse."))


def test_paraphrase_noun_verbs_need_an_inflection(toy_nlp, settings):
    testing = SkillEntry("api-testing", "API testing", "method", ("API testing",))
    index = _index(settings, testing)
    assert not index.find(_lowers(toy_nlp, "Test APIs"))
    assert index.find(_lowers(toy_nlp, "Tested APIs with Postman"))


def test_paraphrase_off_without_verbs(toy_nlp, settings):
    bare = dataclasses.replace(settings, paraphrase_verbs={})
    index = _index(bare, MODEL_DEPLOYMENT)
    assert not index
    assert not index.find(_lowers(toy_nlp, "Deployed models"))


# Shipped pipeline: (section, text, skill id, expected)
CASES = [
    ("experience", "Deployed four churn models to production on AWS.", "model-deployment", True),
    (
        "experience",
        "Helped gather requirements for a vendor-built billing tool.",
        "requirements-gathering",
        True,
    ),
    (
        "experience",
        "Wrote scripts that analyze images and recognize objects.",
        "image-processing",
        True,
    ),
    (
        "experience",
        "Wrote scripts that analyze images and recognize objects.",
        "object-detection",
        True,
    ),
    ("experience", "Cut report load time by tuning slow queries.", "query-optimization", True),
    (
        "projects",
        "Capstone: Predicting Customer Churn for a Regional Telecom",
        "churn-prediction",
        True,
    ),
    (
        "experience",
        "Tuned hyperparameters of the gradient boosting models.",
        "hyperparameter-tuning",
        True,
    ),
    # the verb and the object in different clauses or with another head
    ("experience", "Deployed the app; models were trained elsewhere.", "model-deployment", False),
    ("experience", "Deployed model registries for the platform team.", "model-deployment", False),
    # everyday verbs in a non-technical resume name no technical practice
    (
        "experience",
        "Monitored patients overnight and gathered feedback from families.",
        "requirements-gathering",
        False,
    ),
]


@pytest.mark.parametrize(("section", "text", "skill_id", "expected"), CASES)
def test_paraphrase_shipped(make_resume, section, text, skill_id, expected):
    mentions = extract_skills(make_resume((section, text)), load_pipeline())
    found = {m.id: m for m in mentions}
    assert (skill_id in found) is expected, sorted(found)
    if expected:
        assert any(e.method in {"paraphrase", "exact", "alias"} for e in found[skill_id].evidence)


def test_paraphrase_evidence_method(make_resume):
    mentions = extract_skills(
        make_resume(("experience", "Deployed four churn models to production.")), load_pipeline()
    )
    deployment = next(m for m in mentions if m.id == "model-deployment")
    assert [e.method for e in deployment.evidence] == ["paraphrase"]
    assert deployment.evidence[0].text == "Deployed four churn models"


MODEL_MONITORING = SkillEntry(
    "model-monitoring", "Model monitoring", "method", ("Model monitoring",)
)
NETWORK_MONITORING = SkillEntry(
    "network-monitoring", "Network monitoring", "method", ("Network monitoring",)
)
NETWORK_ADMIN = SkillEntry(
    "network-administration", "Network administration", "method", ("Network administration",)
)


def test_paraphrase_coordinated_verbs_share_the_object(toy_nlp, settings):
    index = _index(settings, MODEL_DEPLOYMENT, MODEL_MONITORING)
    found = index.find(_lowers(toy_nlp, "Trained, deployed and monitored models for fraud."))
    assert {m.skill_id for m in found} == {"model-deployment", "model-monitoring"}


def test_paraphrase_coordinated_heads_share_the_object(toy_nlp, settings):
    admin = dataclasses.replace(
        settings, paraphrase_verbs={**settings.paraphrase_verbs, "administration": ("administer",)}
    )
    index = _index(admin, NETWORK_MONITORING, NETWORK_ADMIN)
    found = index.find(_lowers(toy_nlp, "Shared the administration and monitoring of networks."))
    assert {m.skill_id for m in found} == {"network-monitoring", "network-administration"}


def test_paraphrase_coordination_needs_a_known_verb(toy_nlp, settings):
    index = _index(settings, MODEL_DEPLOYMENT)
    # "and" before a word that is not a verb of the table ends the clause
    assert not index.find(_lowers(toy_nlp, "Deployed dashboards and new models."))


def test_paraphrase_object_singular_in_s(toy_nlp, settings):
    mitigation = SkillEntry("bias-mitigation", "Bias mitigation", "method", ("Bias mitigation",))
    index = _index(settings, mitigation)
    found = index.find(_lowers(toy_nlp, "Thesis: Mitigating Dialect Biases in Speech Models"))
    assert [m.skill_id for m in found] == ["bias-mitigation"]


WEB_SCRAPING = SkillEntry("web-scraping", "Web scraping", "method", ("Web scraping",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a website is what web scraping scrapes ([paraphrase.objects])
        ("Scraped supplier websites for price data.", True),
        # an adverb in -ly ends the noun phrase
        ("Scraped the partner sites weekly", True),
        ("Scraped the web for job ads.", True),
        # a noun after the object makes it a modifier of another head
        ("Scraped website templates into the CMS.", False),
    ],
)
def test_paraphrase_object_words_and_adverbs(toy_nlp, settings, text, expected):
    index = _index(settings, WEB_SCRAPING)
    found = {m.skill_id for m in index.find(_lowers(toy_nlp, text))}
    assert ("web-scraping" in found) is expected


def test_paraphrase_adds_nothing_over_a_phrase_match(make_resume):
    # "design of experiments" is also an alias: one piece of evidence, the alias
    mentions = extract_skills(
        make_resume(("experience", "Ran the design of experiments for a pilot line.")),
        load_pipeline(),
    )
    experimentation = next(m for m in mentions if m.id == "experimentation")
    assert [e.method for e in experimentation.evidence] == ["alias"]


def test_paraphrase_head_without_verbs_reads_only_with_of(make_resume):
    pipeline = load_pipeline()
    nominal = extract_skills(
        make_resume(("experience", "Led the development of dashboards for the sales team.")),
        pipeline,
    )
    verbal = extract_skills(
        make_resume(("experience", "Developed software for the sales team.")), pipeline
    )
    assert "data-visualization" in {m.id for m in nominal}
    assert "software-engineering" not in {m.id for m in verbal}
