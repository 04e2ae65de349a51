"""Precomputed scoring lookups: per-role constants and per-resume credit (toy lexicon)."""

from __future__ import annotations

import dataclasses

import pytest

from resume_fit.match import match_roles, score_role
from resume_fit.match.index import SkillCredit, role_index


@pytest.mark.parametrize(
    ("present", "option", "expected"),
    [
        ({"pytorch": "listed"}, "pytorch", (1.0, "pytorch", "exact")),
        # A demonstrated narrower skill beats a listed one; among equals the lower id wins.
        (
            {"pytorch": "listed", "tensorflow": "demonstrated"},
            "deep-learning",
            (0.75, "tensorflow", "narrower"),
        ),
        (
            {"pytorch": "listed", "tensorflow": "listed"},
            "deep-learning",
            (0.75, "pytorch", "narrower"),
        ),
        # The nearest broader skill, not the farthest.
        (
            {"machine-learning": "listed", "deep-learning": "listed"},
            "pytorch",
            (0.25, "deep-learning", "broader"),
        ),
        ({"sql": "listed"}, "docker", (0.0, "", "")),
    ],
)
def test_match_index_option_credit(toy_lexicon, toy_catalogue, present, option, expected):
    credit = SkillCredit(present, toy_lexicon, toy_catalogue.scoring)
    assert credit.option(option) == expected


def test_match_index_best_prefers_demonstrated_then_catalogue_order(toy_lexicon, toy_catalogue):
    present = {"pytorch": "listed", "tensorflow": "demonstrated"}
    credit = SkillCredit(present, toy_lexicon, toy_catalogue.scoring)
    assert credit.best(("pytorch", "tensorflow")) == (
        1.0,
        "tensorflow",
        "exact",
        "demonstrated",
        "tensorflow",
    )
    assert credit.best(("docker", "kubernetes")) == (0.0, "", "", "", "")


def test_match_index_role_index_is_kept_per_objects(toy_lexicon, toy_catalogue):
    role = toy_catalogue["toy-ml-engineer"]
    scoring = toy_catalogue.scoring
    assert role_index(role, toy_lexicon, scoring) is role_index(role, toy_lexicon, scoring)
    other = dataclasses.replace(scoring, soft_skill_weight=0.25)
    assert role_index(role, toy_lexicon, other).scoring is other
    assert round(sum(role_index(role, toy_lexicon, scoring).points.values()), 9) == 100


def test_match_index_shared_credit_matches_scoring_each_role_alone(
    toy_lexicon, toy_catalogue, profile_of, mention_of
):
    # match_roles shares one credit table across roles; score_role builds its own per call.
    usage = {"python": "demonstrated", "pytorch": "listed", "docker": "demonstrated"}
    skills = tuple(mention_of(i, u) for i, u in sorted(usage.items()))
    profile = profile_of(3.0, "bachelor")
    fits = match_roles(skills, profile, toy_catalogue, toy_lexicon)
    for fit in fits:
        alone = score_role(
            toy_catalogue[fit.id], usage, profile, toy_catalogue.scoring, toy_lexicon
        )
        assert alone == fit
