"""Posting fit on the toy lexicon: credit, statuses, components that recompute the score, advice."""

from __future__ import annotations

import dataclasses

import pytest

from resume_fit.match.credit import SkillCredit, credit_items, evidence_strength, item_weight
from resume_fit.match.posting_fit import MET, MISSING, PARTLY_MET, posting_scoring, score_posting
from resume_fit.posting import AskedEvidence, JobPosting, PostingRequirement


def requirement(kind: str, *options: str, years: float | None = None) -> PostingRequirement:
    label = "one of " + " / ".join(options) if len(options) > 1 else options[0]
    evidence = (AskedEvidence("requirements", options[0], 0, len(options[0]), options[0]),)
    return PostingRequirement(kind, options, label, years, evidence, "requirements section")


def make_posting(*items: PostingRequirement, **changes) -> JobPosting:
    posting = JobPosting(
        source="toy.txt",
        title="Machine Learning Engineer",
        seniority="mid",
        text="",
        sections=(),
        requirements=items,
        years=None,
        years_text="",
        degree=None,
        degree_preferred=None,
    )
    return dataclasses.replace(posting, **changes)


@pytest.fixture
def fit(toy_lexicon, toy_catalogue, profile_of, mention_of):
    def run(skills, posting, profile=None, settings=None, scoring=None):
        profile = profile if profile is not None else profile_of(4.0, "bachelor")
        scoring = scoring if scoring is not None else toy_catalogue.scoring
        return score_posting(tuple(skills), profile, posting, toy_lexicon, scoring, settings)

    return run


def test_posting_fit_score_recomputes_from_components(fit, mention_of) -> None:
    posting = make_posting(
        requirement("required", "python"),
        requirement("required", "pytorch", "tensorflow"),
        requirement("required", "sql"),
        requirement("preferred", "docker"),
        years=3,
        degree="bachelor",
    )
    result = fit([mention_of("python", "demonstrated"), mention_of("tensorflow")], posting)
    assert result.score == round(sum(c.contribution for c in result.components), 1)
    for c in result.components:
        assert c.contribution == round(c.weight * c.value, 2)
    assert [c.name for c in result.components] == [
        "required",
        "preferred",
        "evidence",
        "experience",
        "education",
        "title",
    ]
    assert sum(c.weight for c in result.components) == pytest.approx(100)


def test_posting_fit_statuses_exact_narrower_broader_missing(fit, mention_of) -> None:
    posting = make_posting(
        requirement("required", "python"),
        requirement("required", "deep-learning"),
        requirement("required", "pytorch"),
        requirement("required", "sql"),
    )
    result = fit(
        [mention_of("python"), mention_of("tensorflow"), mention_of("machine-learning")],
        posting,
    )
    status = {m.requirement.label: m.status for m in result.requirements}
    assert status == {
        "python": MET,
        "deep-learning": PARTLY_MET,  # TensorFlow is narrower
        "pytorch": PARTLY_MET,  # deep learning, not found, so machine learning (broader)
        "sql": MISSING,
    }
    assert result.missing_required == ("sql",)
    by_label = {m.requirement.label: m for m in result.requirements}
    assert by_label["deep-learning"].result.met_by == "tensorflow"
    assert by_label["python"].evidence[0].section == "skills"


def test_posting_fit_one_of_group_takes_the_best_option(fit, mention_of) -> None:
    posting = make_posting(requirement("required", "aws", "gcp", "azure"))
    result = fit([mention_of("gcp", "demonstrated")], posting)
    match = result.requirements[0]
    assert match.status == MET and match.result.met_by == "gcp"


def test_posting_fit_demonstrated_beats_listed_in_evidence(fit, mention_of) -> None:
    posting = make_posting(*(requirement("required", s) for s in ("python", "sql", "excel")))
    shown = fit([mention_of(s, "demonstrated") for s in ("python", "sql", "excel")], posting)
    listed = fit([mention_of(s) for s in ("python", "sql", "excel")], posting)
    assert shown.component("evidence").value > listed.component("evidence").value
    assert shown.component("required").value == listed.component("required").value


def test_posting_fit_few_requirements_are_not_a_full_fit(fit, mention_of) -> None:
    one = make_posting(requirement("required", "excel"))
    result = fit([mention_of("excel", "demonstrated")], one)
    floor = posting_scoring().min_required_items
    assert result.component("required").value == pytest.approx(1 / floor)
    assert "at least" in result.component("required").detail


def test_posting_fit_no_known_requirement_scores_zero_required(fit, mention_of) -> None:
    result = fit([mention_of("python")], make_posting())
    assert result.component("required").value == 0
    assert result.score == round(sum(c.contribution for c in result.components), 1)


def test_posting_fit_years_overall_and_per_skill(fit, mention_of, profile_of) -> None:
    posting = make_posting(
        requirement("required", "python", years=4),
        *(requirement("required", s) for s in ("sql", "docker", "excel", "tableau")),
        years=8,
    )
    skills = [mention_of(s) for s in ("python", "sql", "docker", "excel", "tableau")]
    short = fit(skills, posting, profile_of(2.0))
    long = fit(skills, posting, profile_of(8.0))
    assert short.component("experience").value < long.component("experience").value
    assert "2 of 8 years asked" in short.component("experience").detail
    assert "python ?/4y" in short.component("experience").detail


def test_posting_fit_degree_vs_asked(fit, mention_of, profile_of, toy_catalogue) -> None:
    posting = make_posting(
        *(requirement("required", s) for s in ("python", "sql", "docker", "excel", "tableau")),
        degree="bachelor",
        degree_preferred="master",
    )
    skills = [mention_of(s) for s in ("python", "sql", "docker", "excel", "tableau")]
    assert fit(skills, posting, profile_of(3, "master")).component("education").value == 1
    minimum = toy_catalogue.scoring.minimum_education_value
    assert fit(skills, posting, profile_of(3, "bachelor")).component("education").value == minimum
    assert fit(skills, posting, profile_of(3, "associate")).component("education").value == 0


def test_posting_fit_title_words_and_seniority(fit, mention_of, profile_of) -> None:
    posting = make_posting(requirement("required", "python"))
    same = dataclasses.replace(profile_of(4), titles=("Machine Learning Engineer",))
    other = dataclasses.replace(profile_of(4), titles=("Pastry Chef",))
    skills = [mention_of("python")]
    assert (
        fit(skills, posting, same).component("title").value
        > fit(skills, posting, other).component("title").value
    )


def test_posting_fit_advice_adjacent_new_and_listed_only(fit, mention_of) -> None:
    posting = make_posting(
        requirement("required", "kubernetes"),
        requirement("required", "python"),
        requirement("preferred", "statistics"),
    )
    result = fit([mention_of("docker", "demonstrated"), mention_of("python")], posting)
    advice = {(a.kind, a.skill, a.related) for a in result.advice}
    assert ("adjacent", "kubernetes", "docker") in advice  # a sibling under containers
    assert ("show", "python", "python") in advice  # only listed
    assert ("new", "statistics", "") in advice


def test_credit_is_shared_with_role_fit(toy_lexicon, toy_catalogue) -> None:
    scoring = toy_catalogue.scoring
    credit = SkillCredit({"pytorch": "demonstrated"}, toy_lexicon, scoring)
    [result] = credit_items("required", ((("deep-learning",), "deep-learning"),), credit)
    assert result.via == "narrower" and result.credit == scoring.descendant_credit
    assert evidence_strength("listed", scoring) == scoring.listed_evidence
    assert evidence_strength("demonstrated", scoring) == 1.0
    assert item_weight(("communication",), toy_lexicon, scoring) == scoring.soft_skill_weight


TOOLS = ("python", "sql", "docker", "excel", "tableau")


def test_posting_fit_soft_skills_are_shown_not_scored_unless_the_job_leads(
    fit, mention_of, toy_catalogue
) -> None:
    scoring = dataclasses.replace(toy_catalogue.scoring, posting_soft_skills=False)
    items = (*(requirement("required", s) for s in TOOLS), requirement("required", "communication"))
    posting = make_posting(*items)
    tools = [mention_of(s) for s in TOOLS[:3]]
    without = fit(tools, posting, scoring=scoring)
    with_soft = fit([*tools, mention_of("communication")], posting, scoring=scoring)
    # Nearly every posting asks for communication: claiming it says nothing about this job ...
    assert with_soft.component("required").value == without.component("required").value
    assert {m.requirement.label: m.status for m in with_soft.required}["communication"] == MET
    assert "soft skills shown, not scored" in with_soft.component("required").detail
    # ... unless the job is leading people.
    lead = make_posting(*items, title="Head of Data Platforms")
    assert (
        fit([*tools, mention_of("communication")], lead, scoring=scoring)
        .component("required")
        .value
        > fit(tools, lead, scoring=scoring).component("required").value
    )


def test_posting_fit_components_not_asked_spread_their_points(fit, mention_of) -> None:
    items = tuple(requirement("required", s) for s in TOOLS)
    skills = [mention_of(s, "demonstrated") for s in TOOLS]
    silent = fit(skills, make_posting(*items))
    assert silent.component("experience").weight == 0
    assert silent.component("education").weight == 0
    assert sum(c.weight for c in silent.components) == pytest.approx(100, abs=0.05)
    assert silent.score == round(sum(c.contribution for c in silent.components), 1)
    # A resume that meets the years and the degree asked scores about as if they were not asked
    # (the title's share of the points moves a little): stating them is no free points, nor a
    # loss, for a resume that meets them.
    asked = fit(skills, make_posting(*items, years=3, degree="bachelor"))
    assert asked.component("experience").weight > 0 and asked.component("education").value == 1
    assert asked.score == pytest.approx(silent.score, abs=1.0)


def test_posting_fit_degree_preferred_only(fit, mention_of, profile_of, toy_catalogue) -> None:
    posting = make_posting(
        *(requirement("required", s) for s in TOOLS), degree=None, degree_preferred="phd"
    )
    skills = [mention_of(s) for s in TOOLS]
    minimum = toy_catalogue.scoring.minimum_education_value
    assert fit(skills, posting, profile_of(3, "phd")).component("education").value == 1
    assert fit(skills, posting, profile_of(3, "master")).component("education").value == minimum
    # No degree is required, so a resume without one meets the minimum.
    assert fit(skills, posting, profile_of(3, "none")).component("education").value == minimum


def test_posting_fit_reads_the_years_in_the_field(fit, mention_of, profile_of) -> None:
    # Eight years of work, two of them in the field (issue 11): a posting asking 5 years gets 2/5,
    # as role fit and seniority read the same profile, and the detail says both figures.
    from resume_fit.profile.field import GENERAL, FieldYears

    posting = make_posting(
        *(requirement("required", s) for s in ("python", "sql", "docker", "excel", "tableau")),
        years=5,
    )
    skills = [mention_of(s) for s in ("python", "sql", "docker", "excel", "tableau")]
    changer = dataclasses.replace(
        profile_of(8.0), field_years=(FieldYears(GENERAL, 2.0, ("Data Analyst at Acme",)),)
    )
    result = fit(skills, posting, changer)
    experience = result.component("experience")
    assert experience.value == pytest.approx(2.0 / 5.0)
    assert "2 in the field (of 8 in all) of 5 years asked" in experience.detail
    assert result.score == round(sum(c.contribution for c in result.components), 1)
