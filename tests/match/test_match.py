"""Scoring: every component against numbers computed by hand from tests/data/toy_roles.toml."""

from __future__ import annotations

import dataclasses

import pytest

from resume_fit.match import match_roles, score_role
from resume_fit.roles import EducationExpectation

# Case A for toy-ml-engineer (weights 50/20/10/10/10, min 4 years, bachelor..master):
# required  python 1 + deep-learning via PyTorch 0.75 + aws 1 + docker 0 = 2.75/4 = 0.6875 -> 34.375
# preferred sql 1 + kubernetes 0 + mlflow 0 + pytorch 1 = 2/4 = 0.5                       -> 10.0
# evidence  1*1 + 0.75*1 + 1*0.5 (aws listed) + 0 = 2.25/4 = 0.5625                       -> 5.625
# experience min(1, 2/4) = 0.5, gated x 0.6875 = 0.34375                                  -> 3.4375
# education master meets preferred = 1, gated x 0.6875                                    -> 6.875
# total 60.3125 -> 60.3
CASE_A = {"python": "demonstrated", "pytorch": "demonstrated", "aws": "listed", "sql": "listed"}


def _present(mention_of, usage_by_id):
    return tuple(mention_of(i, u) for i, u in sorted(usage_by_id.items()))


@pytest.fixture
def case_a(toy_catalogue, toy_lexicon, profile_of, mention_of):
    fits = match_roles(
        _present(mention_of, CASE_A), profile_of(2.0, "master"), toy_catalogue, toy_lexicon
    )
    return next(f for f in fits if f.id == "toy-ml-engineer")


@pytest.mark.parametrize(
    ("component", "value", "points"),
    [
        ("required", 0.6875, 34.375),
        ("preferred", 0.5, 10.0),
        ("evidence", 0.5625, 5.625),
        ("experience", 0.34375, 3.4375),
        ("education", 0.6875, 6.875),
    ],
)
def test_match_component_values_by_hand(case_a, component, value, points):
    part = case_a.component(component)
    assert part.value == pytest.approx(value, abs=1e-4)
    assert part.contribution == pytest.approx(points, abs=0.01)


def test_match_score_is_sum_of_contributions(case_a):
    assert case_a.score == 60.3
    assert round(sum(c.contribution for c in case_a.components), 1) == case_a.score
    assert sum(c.weight for c in case_a.components) == pytest.approx(100)


def test_match_missing_required_first_then_preferred(case_a):
    assert case_a.missing_required == ("docker",)
    assert case_a.missing_preferred == ("kubernetes", "mlflow")
    assert case_a.missing == ("docker", "kubernetes", "mlflow")
    assert case_a.matched == ("python", "pytorch", "aws", "sql")


def test_match_child_skill_gives_partial_parent_credit(case_a):
    deep = next(r for r in case_a.requirements if r.options == ("deep-learning",))
    assert (deep.credit, deep.met_by, deep.via, deep.met) == (0.75, "pytorch", "narrower", True)


def test_match_parent_skill_gives_low_credit_and_stays_missing(
    toy_catalogue, toy_lexicon, profile_of, mention_of
):
    role = toy_catalogue["toy-mlops"]
    present = {"mlops": "listed"}
    fit = score_role(role, present, profile_of(), toy_catalogue.scoring, toy_lexicon)
    mlflow = next(r for r in fit.requirements if r.options == ("mlflow",))
    assert (mlflow.credit, mlflow.via, mlflow.met) == (0.25, "broader", False)
    assert "mlflow" in fit.missing_required


@pytest.mark.parametrize("cloud", ["aws", "gcp", "azure"])
def test_match_one_of_group_met_by_any_option(toy_catalogue, toy_lexicon, profile_of, cloud):
    role = toy_catalogue["toy-ml-engineer"]
    fit = score_role(role, {cloud: "listed"}, profile_of(), toy_catalogue.scoring, toy_lexicon)
    group = next(r for r in fit.requirements if len(r.options) == 3)
    assert (group.credit, group.met_by) == (1.0, cloud)
    assert "aws" not in fit.missing


def test_match_one_of_group_prefers_demonstrated_option(toy_catalogue, toy_lexicon, profile_of):
    role = toy_catalogue["toy-ml-engineer"]
    present = {"aws": "listed", "gcp": "demonstrated"}
    fit = score_role(role, present, profile_of(), toy_catalogue.scoring, toy_lexicon)
    group = next(r for r in fit.requirements if len(r.options) == 3)
    assert group.met_by == "gcp"


def test_match_demonstrated_beats_listed(toy_catalogue, toy_lexicon, profile_of):
    role = toy_catalogue["toy-analyst"]
    skills = ("sql", "excel", "statistics")
    shown = score_role(
        role,
        dict.fromkeys(skills, "demonstrated"),
        profile_of(),
        toy_catalogue.scoring,
        toy_lexicon,
    )
    listed = score_role(
        role, dict.fromkeys(skills, "listed"), profile_of(), toy_catalogue.scoring, toy_lexicon
    )
    # analyst weights 60/20/20/0/0: evidence is 20 points when shown, 20 x 0.5 when listed.
    assert shown.component("evidence").contribution == 20.0
    assert listed.component("evidence").contribution == 10.0
    assert shown.score - listed.score == pytest.approx(10.0)


@pytest.mark.parametrize(
    ("years", "expected"),
    [(None, 0.5), (0.0, 0.0), (1.0, 0.25), (4.0, 1.0), (12.0, 1.0)],
)
def test_match_experience_value(toy_catalogue, toy_lexicon, profile_of, years, expected):
    role = toy_catalogue["toy-ml-engineer"]
    present = {"python": "listed", "deep-learning": "listed", "aws": "listed", "docker": "listed"}
    fit = score_role(role, present, profile_of(years), toy_catalogue.scoring, toy_lexicon)
    assert fit.component("experience").value == pytest.approx(expected)


@pytest.mark.parametrize(
    ("highest", "expected"),
    [("none", 0.2), ("certificate", 0.0), ("bachelor", 0.5), ("master", 1.0), ("phd", 1.0)],
)
def test_match_education_value(toy_catalogue, toy_lexicon, profile_of, highest, expected):
    role = toy_catalogue["toy-ml-engineer"]
    present = {"python": "listed", "deep-learning": "listed", "aws": "listed", "docker": "listed"}
    fit = score_role(role, present, profile_of(3, highest), toy_catalogue.scoring, toy_lexicon)
    assert fit.component("education").value == pytest.approx(expected)


def test_match_publications_average_with_degree(toy_catalogue, toy_lexicon, profile_of):
    role = dataclasses.replace(
        toy_catalogue["toy-ml-engineer"], education=EducationExpectation("master", "phd", 4)
    )
    present = {"python": "listed", "deep-learning": "listed", "aws": "listed", "docker": "listed"}
    fit = score_role(role, present, profile_of(3, "master", 1), toy_catalogue.scoring, toy_lexicon)
    # master meets the minimum (0.5), 1 of 4 publications (0.25): (0.5 + 0.25) / 2
    assert fit.component("education").value == pytest.approx(0.375)


def test_match_gate_scales_years_by_required(toy_catalogue, toy_lexicon, profile_of):
    role = toy_catalogue["toy-ml-engineer"]
    fit = score_role(role, {}, profile_of(20, "phd"), toy_catalogue.scoring, toy_lexicon)
    assert fit.score == 0.0


def test_match_sorted_by_score_then_id(toy_catalogue, toy_lexicon, profile_of):
    fits = match_roles((), profile_of(), toy_catalogue, toy_lexicon)
    assert [f.score for f in fits] == [0.0, 0.0, 0.0]
    assert [f.id for f in fits] == sorted(f.id for f in fits)


def test_match_is_deterministic(toy_catalogue, toy_lexicon, profile_of, mention_of):
    skills = _present(mention_of, CASE_A)
    first = match_roles(skills, profile_of(2.0, "master"), toy_catalogue, toy_lexicon)
    second = match_roles(skills, profile_of(2.0, "master"), toy_catalogue, toy_lexicon)
    assert first == second


def _with_title_weight(role, titles=("toy engineer",)):
    weights = {**role.weights, "title": 10.0}
    return dataclasses.replace(role, weights=weights, titles=titles)


@pytest.mark.parametrize(
    ("titles", "expected"),
    [
        (("Senior Toy Engineer", "Intern"), 1.0),
        (("Chef", "Toy Engineer II"), 0.5),
        (("Chef",), 0.0),
        ((), 0.0),
    ],
)
def test_match_title_component(toy_catalogue, toy_lexicon, profile_of, titles, expected):
    role = _with_title_weight(toy_catalogue["toy-analyst"])
    profile = dataclasses.replace(profile_of(), titles=titles)
    present = {"sql": "listed", "excel": "listed", "statistics": "listed"}
    fit = score_role(role, present, profile, toy_catalogue.scoring, toy_lexicon)
    # analyst weights 60/20/20/0/0 + title 10 -> 110, normalised: title is worth 10/110*100 points.
    assert fit.component("title").weight == pytest.approx(100 * 10 / 110, abs=0.01)
    assert fit.component("title").value == pytest.approx(expected)


def test_match_title_needs_whole_words(toy_catalogue, toy_lexicon, profile_of):
    role = _with_title_weight(toy_catalogue["toy-analyst"], titles=("ml engineer",))
    profile = dataclasses.replace(profile_of(), titles=("HTML Engineer",))
    fit = score_role(role, {"sql": "listed"}, profile, toy_catalogue.scoring, toy_lexicon)
    assert fit.component("title").value == 0.0


def test_match_soft_skill_items_weigh_less(toy_catalogue, toy_lexicon, profile_of):
    from resume_fit.roles import Requirement

    scoring = dataclasses.replace(toy_catalogue.scoring, soft_skill_weight=0.5)
    role = dataclasses.replace(
        toy_catalogue["toy-analyst"],
        required=(Requirement(("sql",)), Requirement(("communication",))),
    )
    fit = score_role(role, {"communication": "listed"}, profile_of(), scoring, toy_lexicon)
    # communication is a soft skill: credit 1 x 0.5 over weights 1 + 0.5 -> 1/3.
    assert fit.component("required").value == pytest.approx(1 / 3, abs=1e-4)
    assert "soft-skill items weigh 0.5" in fit.component("required").detail


@pytest.mark.parametrize(("years", "expected"), [(3.0, 1.0), (6.0, 1.0), (9.0, 0.5), (15.0, 0.0)])
def test_match_over_qualified_for_entry_role(
    toy_catalogue, toy_lexicon, profile_of, years, expected
):
    role = dataclasses.replace(
        toy_catalogue["toy-ml-engineer"], min_years=0, max_years=6, weights={"experience": 1.0}
    )
    present = {"python": "listed", "deep-learning": "listed", "aws": "listed", "docker": "listed"}
    fit = score_role(role, present, profile_of(years), toy_catalogue.scoring, toy_lexicon)
    assert fit.component("experience").value == pytest.approx(expected)


def test_match_listed_requirement_shown_through_a_narrower_skill(
    toy_catalogue, toy_lexicon, profile_of
):
    # "statistics" only listed, "A/B testing" (narrower) used in a job: the item is shown at
    # descendant credit 0.75 x 1, not at the listed word's 1 x 0.5; credit stays 1 (exact).
    role = toy_catalogue["toy-analyst"]
    present = {"sql": "demonstrated", "excel": "demonstrated", "statistics": "listed"}
    alone = score_role(role, present, profile_of(), toy_catalogue.scoring, toy_lexicon)
    present["a-b-testing"] = "demonstrated"
    shown = score_role(role, present, profile_of(), toy_catalogue.scoring, toy_lexicon)
    # analyst evidence is 20 points over 3 items: (1 + 1 + 0.5) / 3 vs (1 + 1 + 0.75) / 3.
    assert alone.component("evidence").contribution == pytest.approx(20 * 2.5 / 3, abs=0.01)
    assert shown.component("evidence").contribution == pytest.approx(20 * 2.75 / 3, abs=0.01)
    statistics = next(r for r in shown.requirements if r.options == ("statistics",))
    assert (statistics.credit, statistics.via) == (1.0, "exact")


def test_match_unknown_years_are_no_evidence_for_any_role(toy_catalogue, toy_lexicon, profile_of):
    # A role with no minimum earns no more for unknown years than one that expects some.
    scoring = toy_catalogue.scoring
    present = {"sql": "listed", "excel": "listed", "statistics": "listed"}
    analyst = toy_catalogue["toy-analyst"]
    undated = score_role(analyst, present, profile_of(None), scoring, toy_lexicon)
    dated = score_role(analyst, present, profile_of(3.0), scoring, toy_lexicon)
    assert undated.component("experience").value == scoring.unknown_years_value
    assert dated.component("experience").value == 1.0
