"""Shorthands the phrase index alone misses: coordinated modifiers sharing one head ("supervised
and unsupervised learning") and version numbers glued to a name ("Python3"). The sentences are
invented; the ordinary cases around them stay unmatched."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline
from resume_fit.extract.patterns import FormInfo
from resume_fit.extract.shorthand import coordinated, versioned

# (section kind, text, skill id, expected)
CASES = [
    # modifiers before a shared head, joined by slashes, ampersands, commas, "and", "or"
    (
        "experience",
        "Compared supervised / unsupervised / reinforcement learning setups.",
        "supervised-learning",
        True,
    ),
    (
        "experience",
        "Compared supervised / unsupervised / reinforcement learning setups.",
        "unsupervised-learning",
        True,
    ),
    (
        "experience",
        "Taught supervised and unsupervised learning to new analysts.",
        "supervised-learning",
        True,
    ),
    ("skills", "Statistical & Predictive Analysis: SPSS, Stata", "statistical-analysis", True),
    (
        "experience",
        "Wrote unit and integration testing suites for the billing API.",
        "testing",
        True,
    ),
    (
        "experience",
        "Applied machine, deep, and reinforcement learning to routing.",
        "machine-learning",
        True,
    ),
    # the head first, one modifier after it closing the list
    (
        "experience",
        "Owned data analysis and visualization for the growth team.",
        "data-visualization",
        True,
    ),
    # a word after the phrase that does not close the list is not a coordinated modifier
    ("experience", "Owned data analysis and governance.", "data-governance", True),
    ("experience", "Owned data analysis and governance reviews weekly.", "data-governance", False),
    # a modifier that makes no lexicon phrase names nothing
    ("experience", "Mentored interns and machine learning engineers.", "machine-learning", True),
    # multi-word names written joined
    ("skills", "Tools: MS Access, Alteryx, PowerAutomate", "microsoft-power-automate", True),
    ("experience", "Tracked campaigns in GoogleAnalytics every week.", "google-analytics", True),
    ("experience", "Posted weekly clips on our YouTube channel.", "youtube", False),
    # versions glued to a name
    ("skills", "Languages: Python3, Java, Bash", "python", True),
    ("skills", "Web: HTML5, CSS3, TypeScript", "html", True),
    ("skills", "Web: HTML5, CSS3, TypeScript", "css", True),
]


@pytest.mark.parametrize(("section", "text", "skill_id", "expected"), CASES)
def test_shorthand(make_resume, section, text, skill_id, expected):
    found = {m.id for m in extract_skills(make_resume((section, text)), load_pipeline())}
    assert (skill_id in found) is expected, sorted(found)


def test_shorthand_coordinated_evidence_runs_to_the_shared_head(make_resume):
    resume = make_resume(("experience", "Taught supervised and unsupervised learning."))
    mentions = {m.id: m for m in extract_skills(resume, load_pipeline())}
    (evidence,) = mentions["supervised-learning"].evidence
    assert resume.text[evidence.start : evidence.end] == "supervised and unsupervised learning"
    assert evidence.method == "coordination"
    assert "unsupervised-learning" in mentions


def test_shorthand_modifier_that_is_no_phrase_names_nothing(make_resume):
    resume = make_resume(("experience", "Reviewed budgets and machine learning plans."))
    found = {m.id for m in extract_skills(resume, load_pipeline())}
    assert not any(skill.startswith("budget") and skill.endswith("learning") for skill in found)


_INFO = FormInfo(True, "plain", frozenset({("base",)}), True)


def _lookup(key):
    return (("base-tool", _INFO),) if key == ("base",) else ()


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("base3", True),
        ("base12", True),
        ("base2.1", True),
        ("basev4", True),
        ("base64", False),
        ("base365", False),
        ("bas3", False),
    ],
)
def test_shorthand_versioned_small_versions_only(token, expected):
    found = versioned([token], [token], lambda t: False, _lookup)
    assert bool(found) is expected


def test_shorthand_versioned_leaves_known_tokens_alone():
    assert versioned(["base3"], ["base3"], lambda t: True, _lookup) == []


def test_shorthand_coordinated_stops_at_a_non_phrase():
    lowers = ["alpha", "/", "beta", "/", "gamma", "head"]
    phrases = {
        ("beta", "head"): "beta-head",
        ("gamma", "head"): "gamma-head",
        ("alpha", "head"): "alpha-head",
    }

    def lookup(key):
        return ((phrases[key], _INFO),) if key in phrases else ()

    found = coordinated(lowers, [(4, 6, "gamma-head", _INFO)], lookup)
    assert [(m.first, m.skill_id) for m in found] == [(0, "alpha-head"), (2, "beta-head")]
    del phrases[("beta", "head")]
    found = coordinated(lowers, [(4, 6, "gamma-head", _INFO)], lookup)
    assert found == []
