"""Years in the field: which dated positions count as technical, data or ML work."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from resume_fit.extract.mention import Evidence, SkillMention
from resume_fit.lexicon import load_lexicon
from resume_fit.profile.cues import load_cues
from resume_fit.profile.dates import DateSpan
from resume_fit.profile.field import GENERAL, field_rule, field_years, title_in_field
from resume_fit.profile.timeline import Position


def _position(title: str, first: int, last: int, start: int, end: int) -> Position:
    span = DateSpan(dt.date(first, 1, 1), dt.date(last, 12, 1), False, f"{first} - {last}")
    return Position(title, "Acme", span, start, end)


def _mention(skill_id: str, category: str, *offsets: int) -> SkillMention:
    evidence = tuple(Evidence("experience", skill_id, o, o + 3, "exact", 1.0) for o in offsets)
    return SkillMention(skill_id, skill_id, category, evidence)


def _years(result, family: str = GENERAL) -> float:
    return next(f.years for f in result if f.family == family)


@pytest.mark.parametrize(
    ("title", "counted"),
    [
        ("Data Analyst", True),
        ("Senior Machine Learning Engineer", True),
        ("Backend Developer", True),
        ("Engineering Manager", True),
        ("Head Chef", False),
        ("Senior Accountant", False),
        ("Registered Nurse", False),
        ("Maths Teacher", False),
        ("Maintenance Engineer", False),
    ],
)
def test_field_title_words_make_a_position_technical(title, counted):
    result = field_years((_position(title, 2020, 2021, 0, 100),), ())
    assert _years(result) == (2.0 if counted else 0.0)


def test_field_two_technical_skills_in_the_text_make_a_position_technical():
    positions = (_position("Operations Coordinator", 2018, 2019, 0, 100),)
    skills = (_mention("python", "language", 10), _mention("postgresql", "database", 40))
    assert _years(field_years(positions, skills)) == 2.0
    assert _years(field_years(positions, skills[:1])) == 0.0


def test_field_skills_outside_the_position_do_not_count():
    positions = (_position("Operations Coordinator", 2018, 2019, 0, 100),)
    skills = (_mention("python", "language", 150), _mention("postgresql", "database", 160))
    assert _years(field_years(positions, skills)) == 0.0


def test_field_office_tools_alone_do_not_make_a_position_technical():
    positions = (_position("Bookkeeper", 2015, 2019, 0, 100),)
    skills = (
        _mention("excel", "tool", 10),
        _mention("google-sheets", "tool", 20),
        _mention("quickbooks", "tool", 30),
    )
    assert _years(field_years(positions, skills, load_lexicon())) == 0.0


def test_field_broader_skills_come_from_the_lexicon():
    positions = (_position("Operations Coordinator", 2018, 2019, 0, 100),)
    skills = (_mention("tableau", "tool", 10), _mention("power-bi", "tool", 40))
    assert _years(field_years(positions, skills)) == 0.0
    assert _years(field_years(positions, skills, load_lexicon())) == 2.0


def test_field_family_words_add_the_family_own_work():
    positions = (
        _position("Postdoctoral Fellow", 2015, 2018, 0, 100),
        _position("Financial Analyst", 2019, 2020, 100, 200),
        _position("Product Owner", 2021, 2022, 200, 300),
        _position("Data Scientist", 2023, 2024, 300, 400),
    )
    result = field_years(positions, ())
    assert _years(result) == 2.0
    assert _years(result, "research") == 6.0
    assert _years(result, "data-science") == 4.0
    assert _years(result, "product") == 4.0
    assert result[0].family == GENERAL
    assert result[0].positions == ("Data Scientist at Acme (2023-01 to 2024-12)",)


def test_field_overlapping_positions_count_once():
    positions = (
        _position("Data Engineer", 2018, 2021, 0, 100),
        _position("Freelance Python Developer", 2020, 2022, 100, 200),
    )
    assert _years(field_years(positions, ())) == 5.0


def test_field_no_positions_no_entries():
    assert field_years((), ()) == ()


def test_field_rule_reads_the_shipped_table():
    rule = field_rule(load_cues())
    assert rule.min_skills >= 1
    assert {"research", "product", "data-science"} <= {f for f, _ in rule.families}
    assert field_rule({}).families == ()


def test_field_families_are_families_of_the_catalogue():
    from resume_fit.roles import load_catalogue

    families = {role.family for role in load_catalogue().values()}
    assert {f for f, _ in field_rule(load_cues()).families} <= families


@pytest.mark.parametrize(
    ("title", "counted"),
    [
        # A field word needs a role noun (issue 11): clerical and machine titles are not the field.
        ("Data Entry Clerk", False),
        ("Data Entry Operator", False),
        ("Data Entry Specialist", False),
        ("Data Collection Assistant", False),
        ("Data Capture Specialist", False),
        ("Computer Operator", False),
        ("Machine Operator", False),
        ("Retail AI Associate", False),
        ("Web Content Writer", False),
        ("Data Scientist", True),
        ("Head of AI", True),
        ("Chief Data Officer", True),
        ("Cloud Architect", True),
        ("IT Administrator", True),
        ("Statistician", True),
    ],
)
def test_field_title_needs_the_role_noun(title, counted):
    assert title_in_field(title) is counted
    result = field_years((_position(title, 2020, 2021, 0, 100),), ())
    assert _years(result) == (2.0 if counted else 0.0)


def test_field_clerical_title_is_not_family_work_either():
    result = field_years((_position("Data Entry Analyst", 2018, 2021, 0, 100),), ())
    assert _years(result, "data-science") == 0.0


def test_field_placements_are_never_years_in_the_field():
    span = DateSpan(dt.date(2021, 6, 1), dt.date(2021, 8, 1), False, "Summer 2021")
    positions = (
        Position("Data Science Intern", "Acme", span, 0, 100, "internship"),
        _position("Graduate Research Assistant", 2019, 2020, 100, 200),
        _position("Data Scientist", 2022, 2023, 200, 300),
    )
    positions = (positions[0], replace(positions[1], placement="assistantship"), positions[2])
    skills = (_mention("python", "language", 10, 110), _mention("pytorch", "library", 20, 120))
    result = field_years(positions, skills)
    assert _years(result) == 2.0
    assert _years(result, "research") == 2.0  # the assistantship is no research years either
    assert all("intern" not in label.lower() for label in result[0].positions)
