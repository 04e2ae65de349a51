"""Entries whose date range is split over lines, as side columns and two-column tables set them.

Each fixture is an invented resume in the shape one template style gives the parse stage's text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from resume_fit.parse import parse_text
from resume_fit.profile import build_profile
from resume_fit.profile.dates import find_spans

PRESENT = dt.date(2026, 12, 1)

# A narrow date column read row by row beside the title and organisation lines.
SIDE_COLUMN = """Priya Natarajan
Experience
2021 – Machine Learning Engineer
Present Northwind Analytics
- Built ranking models in PyTorch for search
2016 – Data Scientist
2021 Contoso Labs
- Forecasting with scikit-learn and SQL
Education
2012 - 2016 BSc Mathematics, University of Leeds
"""

# moderncv style: start date beside the title, the end date under the organisation.
MODERNCV = """Tomas Weber
Professional Experience
May 2019 Head of Machine Learning
Fabrikam Robotics
current
- Led a team of six building vision models
May 2016 Data Scientist
Tailspin Toys
Apr 2019
- Churn models in Python
"""

# A two-column table read cell by cell: "Aug 2021-" and "Present" in separate rows.
TABLE = """Lena Okafor
Work Experience
Aug 2021-
Senior Data Engineer, Wide World Importers

Present
- Airflow and Spark pipelines

Jan 2018-
Data Engineer, Litware Inc

Jul 2021
- Kafka streaming
"""

# The dates right-aligned on one line, a range split only by a line break.
SPLIT_LINE = """Ana Costa
Experience
Research Engineer, Adventure Works    2020 –
Present
- Speech recognition with PyTorch
"""

CASES = {
    "side_column": (SIDE_COLUMN, [("2021-07", "present"), ("2016-07", "2021-06")], 10.5),
    "moderncv": (MODERNCV, [("2019-05", "present"), ("2016-05", "2019-04")], 10.7),
    "table": (TABLE, [("2021-08", "present"), ("2018-01", "2021-07")], 9.0),
    "split_line": (SPLIT_LINE, [("2020-07", "present")], 6.5),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_entries_split_ranges_give_start_end_and_years(name: str) -> None:
    text, expected, years = CASES[name]
    profile = build_profile(parse_text(text), (), reference_date=PRESENT)
    got = [
        (f"{p.span.first:%Y-%m}", "present" if p.span.present else f"{p.span.last:%Y-%m}")
        for p in profile.positions
    ]
    assert got == expected
    assert profile.total_years == pytest.approx(years, abs=0.05)


def test_entries_organisation_between_the_parts_belongs_to_the_entry() -> None:
    profile = build_profile(parse_text(SIDE_COLUMN), (), reference_date=PRESENT)
    first, second = profile.positions
    assert (first.title, first.organisation) == ("Machine Learning Engineer", "Northwind Analytics")
    assert (second.title, second.organisation) == ("Data Scientist", "Contoso Labs")


def test_entries_position_text_keeps_its_bullets() -> None:
    resume = parse_text(SIDE_COLUMN)
    profile = build_profile(resume, (), reference_date=PRESENT)
    first = resume.text[profile.positions[0].start : profile.positions[0].end]
    assert "PyTorch" in first and "scikit-learn" not in first


@pytest.mark.parametrize(
    "text",
    [
        "2019 Analyst\nAcme\n2018 Intern\nBeta",  # two entries with lone years, newest first
        "2015 MSc Physics\n2017 Lyon, France",  # a date followed by text is not a fragment
        "Summer 2017\nIntern at Acme\n\nAwards\nDean's list",
    ],
)
def test_entries_lone_dates_not_joined_without_a_fragment(text: str) -> None:
    assert all(found.tail is None for found in find_spans(text, PRESENT))


def test_entries_non_breaking_hyphen_separates_a_range() -> None:
    (found,) = find_spans("2018 \u2011 2020", PRESENT)
    assert found.span.label() == "2018-07 to 2020-06"


def test_entries_dot_leaders_between_title_and_dates() -> None:
    text = (
        "Lucas Moreau\nExperience\n"
        "Senior Developer @ Tailspin Genomics Institute "
        + ". "
        * 40
        + "oct 2022 — oct 2025\n- Maintained the search service\n"
        "Research Assistant @ University of Lyon " + "." * 70 + " feb2019—jul2022\n"
        "- Simulated sensor networks\n"
    )
    profile = build_profile(parse_text(text), (), reference_date=PRESENT)
    assert [p.span.label() for p in profile.positions] == [
        "2022-10 to 2025-10",
        "2019-02 to 2022-07",
    ]
    assert profile.positions[0].title.startswith("Senior Developer")


def test_entries_year_inside_a_line_is_not_the_first_half_of_a_range() -> None:
    text = "Talk: Applied NLP Day 2025 (with R. Haddad)\nSep 2025\n"
    assert [f.span.label() for f in find_spans(text, PRESENT)] == [
        "2025-01 to 2025-12",
        "2025-09 to 2025-09",
    ]


def test_entries_volunteer_section_dates_are_not_positions() -> None:
    text = (
        "Mara Lind\nWork Experience\nData Analyst, Litware\nJan 2020 - Dec 2022\n"
        "- Built churn dashboards in Power BI and SQL for the retention team\n"
        "Volunteer Experience\nMentor, Code Club\nJan 2015 - Dec 2019\n"
        "- Taught Python to teenagers on Saturday mornings at the local library\n"
    )
    profile = build_profile(parse_text(text), (), reference_date=PRESENT)
    assert [p.span.label() for p in profile.positions] == ["2020-01 to 2022-12"]
    assert profile.total_years == 3.0


def test_entries_range_across_a_line_break_keeps_the_title_clean() -> None:
    text = (
        "Wei Chen\nExperience\nFeb 2017 -\nPresent Graduate Teaching Assistant\n"
        "- Ran weekly labs for the first-year programming course\n"
        "Jan 2016 - Dec 2016 Volunteer Teacher\n- Taught mathematics at a rural school\n"
    )
    profile = build_profile(parse_text(text), (), reference_date=PRESENT)
    assert [(p.title, p.span.label()) for p in profile.positions] == [
        ("Graduate Teaching Assistant", "2017-02 to present")
    ]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("févr2019—juil2022", "2019-02 to 2022-07"),
        ("sept. 2017 à août 2019", "2017-09 to 2019-08"),
        ("März 2019 - heute", "2019-03 to present"),
        ("mayo 2018 - actualidad", "2018-05 to present"),
        ("ottobre 2016 - giugno 2018", "2016-10 to 2018-06"),
        ("maart 2015 tot mei 2016", "2015-03 to 2016-05"),
        ("dezembro 2012 - atual", "2012-12 to present"),
    ],
)
def test_entries_ranges_in_other_languages(text: str, label: str) -> None:
    assert [f.span.label() for f in find_spans(text, PRESENT)] == [label]


def test_entries_english_words_are_not_foreign_months() -> None:
    assert [f.span.label() for f in find_spans("rolled out 2019 plans", PRESENT)] == [
        "2019-01 to 2019-12"
    ]
