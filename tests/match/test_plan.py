"""Learning-plan arithmetic on the toy catalogue."""

from __future__ import annotations

import pytest

from resume_fit.match import match_roles, score_role, skill_usage
from resume_fit.match.plan import build_plan

CASE_A = {"python": "demonstrated", "pytorch": "demonstrated", "aws": "listed", "sql": "listed"}


@pytest.fixture
def plan_and_fits(toy_catalogue, toy_lexicon, profile_of, mention_of):
    skills = tuple(mention_of(i, u) for i, u in sorted(CASE_A.items()))
    profile = profile_of(2.0, "master")
    fits = match_roles(skills, profile, toy_catalogue, toy_lexicon)
    return build_plan(fits, skill_usage(skills), profile, toy_catalogue, toy_lexicon), fits


def test_plan_gain_of_docker_by_hand(plan_and_fits):
    plan, fits = plan_and_fits
    # toy-ml-engineer with Docker listed: required 3.75/4 -> 46.875, preferred 10, evidence
    # (1 + 0.75 + 0.5 + 0.5)/4 x 10 = 6.875, experience 0.5 x 0.9375 x 10 = 4.6875,
    # education 0.9375 x 10 = 9.375: 77.8125 -> 77.8, a gain of 77.8 - 60.3 = 17.5.
    docker = next(s for s in plan.steps if s.id == "docker")
    assert dict(docker.role_gains)["toy-ml-engineer"] == 17.5
    assert docker.gain == pytest.approx(sum(g for _, g in docker.role_gains))


def test_plan_uplift_is_rescored_combination(plan_and_fits, toy_catalogue, toy_lexicon, profile_of):
    plan, fits = plan_and_fits
    uplift = next(u for u in plan.uplifts if u.role == "toy-ml-engineer")
    assert len(uplift.skills) == 2
    assert uplift.skills[0] == "docker"
    present = {**CASE_A, **dict.fromkeys(uplift.skills, "listed")}
    role = toy_catalogue["toy-ml-engineer"]
    expected = score_role(
        role, present, profile_of(2.0, "master"), toy_catalogue.scoring, toy_lexicon
    )
    assert uplift.after == expected.score
    assert uplift.before == 60.3


def test_plan_steps_sorted_by_gain_then_id(plan_and_fits):
    plan, _ = plan_and_fits
    keys = [(-s.gain, s.id) for s in plan.steps]
    assert keys == sorted(keys)
    assert all(s.gain > 0 for s in plan.steps)


def test_plan_adjacent_when_sibling_present(plan_and_fits):
    plan, _ = plan_and_fits
    by_id = {s.id: s for s in plan.steps}
    # Kubernetes shares the parent "containers" with nothing present -> new; MLflow has no
    # relative present either; GCP would be a sibling of AWS (cloud-computing).
    assert by_id["docker"].kind == "new"
    assert by_id["kubernetes"].kind == "new"


def test_plan_sibling_is_adjacent(toy_catalogue, toy_lexicon, profile_of, mention_of):
    skills = (mention_of("docker", "demonstrated"), mention_of("gcp", "listed"))
    profile = profile_of(3.0, "bachelor")
    fits = match_roles(skills, profile, toy_catalogue, toy_lexicon)
    plan = build_plan(fits, skill_usage(skills), profile, toy_catalogue, toy_lexicon)
    kubernetes = next(s for s in plan.steps if s.id == "kubernetes")
    assert (kubernetes.kind, kubernetes.related) == ("adjacent", "docker")


def test_plan_career_steps_from_catalogue_and_ladder(plan_and_fits):
    plan, fits = plan_and_fits
    names = [c.name for c in plan.career]
    assert fits[0].id == "toy-ml-engineer"
    assert "Toy MLOps Engineer" in names


def test_plan_uplift_fills_one_of_group_once(toy_catalogue, toy_lexicon, profile_of, mention_of):
    import dataclasses

    from resume_fit.roles import Catalogue

    scoring = dataclasses.replace(toy_catalogue.scoring, plan_roles=1, plan_skills_per_role=4)
    catalogue = Catalogue([toy_catalogue["toy-ml-engineer"]], scoring)
    skills = (mention_of("python", "demonstrated"), mention_of("pytorch", "demonstrated"))
    profile = profile_of(2.0, "master")
    fits = match_roles(skills, profile, catalogue, toy_lexicon)
    plan = build_plan(fits, skill_usage(skills), profile, catalogue, toy_lexicon)
    (uplift,) = plan.uplifts
    assert len(set(uplift.skills) & {"aws", "gcp", "azure"}) == 1
    assert uplift.after > uplift.before


def test_plan_background_table_suggests_start_roles(toy_catalogue, toy_lexicon, profile_of):
    import dataclasses

    from resume_fit.roles import Background, Catalogue

    background = Background(
        "software-developer",
        "Software Developer",
        ("toy-mlops",),
        ("seed:000",),
        ("software engineer",),
    )
    catalogue = Catalogue(
        [toy_catalogue[r] for r in toy_catalogue], toy_catalogue.scoring, (), (background,)
    )
    profile = dataclasses.replace(profile_of(3.0), titles=("Senior Software Engineer",))
    fits = match_roles((), profile, catalogue, toy_lexicon)
    plan = build_plan(fits, {}, profile, catalogue, toy_lexicon)
    reasons = {c.role: c.reason for c in plan.career}
    assert "Software Developer background" in reasons.get("toy-mlops", "")


def test_plan_one_of_alternatives_are_one_step(toy_catalogue, toy_lexicon, profile_of):
    skills = {"python": "demonstrated", "deep-learning": "listed", "docker": "listed"}
    profile = profile_of(5.0, "master")
    from resume_fit.extract.mention import Evidence, SkillMention

    mentions = tuple(
        SkillMention(i, i, "tool", (Evidence("skills", i, 0, 1, "exact", 1.0),)) for i in skills
    )
    fits = match_roles(mentions, profile, toy_catalogue, toy_lexicon)
    plan = build_plan(fits, skill_usage(mentions), profile, toy_catalogue, toy_lexicon)
    by_options = {frozenset({s.id, *s.alternatives}): s for s in plan.steps}
    # AWS and GCP fill the same groups in both toy roles for the same gains: one step. Azure only
    # counts for toy-ml-engineer, so it gains less and stays its own step.
    assert by_options[frozenset({"aws", "gcp"})].name == "AWS or GCP"
    assert frozenset({"azure"}) in by_options


@pytest.mark.parametrize(
    ("title", "named"),
    [
        ("Senior Policy Analyst", True),  # a field word with a role noun names the background
        ("Policy Brochure Proofreader", False),  # no role noun: not a job in the field
        ("Compliance Data Entry Clerk", False),  # clerical titles name no background
    ],
)
def test_plan_backgrounds_are_read_as_role_fit_reads_titles(
    toy_catalogue, toy_lexicon, profile_of, title, named
):
    import dataclasses

    from resume_fit.roles import Background, Catalogue

    background = Background(
        "ethics-policy", "Policy or Ethics", ("toy-mlops",), ("seed:000",), ("policy", "compliance")
    )
    catalogue = Catalogue(
        [toy_catalogue[r] for r in toy_catalogue], toy_catalogue.scoring, (), (background,)
    )
    profile = dataclasses.replace(profile_of(3.0), titles=(title,))
    fits = match_roles((), profile, catalogue, toy_lexicon)
    plan = build_plan(fits, {}, profile, catalogue, toy_lexicon)
    reasons = {c.role: c.reason for c in plan.career}
    assert ("Policy or Ethics background" in reasons.get("toy-mlops", "")) is named
