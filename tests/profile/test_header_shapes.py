"""Position header shapes real resumes use (issue 11, part 1), on invented experience sections.

Employer and title on one line with no separator (title first or employer first), title and dates
on one line with the employer below, a date line before or after the title line, dates at the
right margin glued to the employer by PDF extraction, "Current", "Now", "to date", "ongoing",
seasons and quarters, a month range whose first month has no year ("Jan - Mar 2021"), two-digit
years, ISO months (also as an ISO interval "2016-01/2019-02"), written-out durations after the
range ("5 yrs 6 mos"), and dated study entries under the work heading, which are no positions.
"""

from __future__ import annotations

import datetime as dt

import pytest

from resume_fit.parse import parse_text
from resume_fit.profile import build_profile
from resume_fit.profile.dates import find_spans

AS_OF = dt.date(2026, 6, 30)
HEAD = "Dana Whitfield\ndana.whitfield@example.com\n\n"
TAIL = (
    "\nEducation\nBSc Computer Science, University of Leeds, 2010 - 2014\n\nSkills\nPython, SQL\n"
)

CASES = {  # name: (experience section, expected (start, end) prefixes)
    "employer_title_nosep": (
        """Experience
Harlow Analytics Senior Data Scientist 2019 - 2022
- Built models.
Kestrel Systems Data Analyst 2016 - 2019
- Reports.
""",
        [("2019", "2022"), ("2016", "2019")],
    ),
    "title_employer_nosep": (
        """Experience
Senior Data Scientist Harlow Analytics Jan 2019 - Mar 2022
- Built models.
Data Analyst Kestrel Systems Jun 2016 - Dec 2018
- Reports.
""",
        [("2019-01", "2022-03"), ("2016-06", "2018-12")],
    ),
    "title_dates_then_employer": (
        """Experience
Senior Data Scientist    Jan 2019 - Mar 2022
Harlow Analytics, Leeds
- Built models.
Data Analyst    Jun 2016 - Dec 2018
Kestrel Systems
- Reports.
""",
        [("2019-01", "2022-03"), ("2016-06", "2018-12")],
    ),
    "dates_line_before": (
        """Experience
Jan 2019 - Mar 2022
Senior Data Scientist, Harlow Analytics
- Built models.
Jun 2016 - Dec 2018
Data Analyst, Kestrel Systems
- Reports.
""",
        [("2019-01", "2022-03"), ("2016-06", "2018-12")],
    ),
    "dates_line_after": (
        """Experience
Senior Data Scientist, Harlow Analytics
Jan 2019 - Mar 2022
- Built models.
Data Analyst, Kestrel Systems
Jun 2016 - Dec 2018
- Reports.
""",
        [("2019-01", "2022-03"), ("2016-06", "2018-12")],
    ),
    "glued_right": (
        """Experience
Senior Data Scientist, Harlow AnalyticsJan 2019 - Mar 2022
- Built models.
Data Analyst, Kestrel Systems2016 - 2018
- Reports.
""",
        [("2019-01", "2022-03"), ("2016", "2018")],
    ),
    "glued_right_present": (
        """Experience
Machine Learning Engineer at Corvid AIJune 2021 – Present
- Serving.
Data Engineer at Alder LogisticsMay 2018 – May 2021
- Pipelines.
""",
        [("2021-06", "present"), ("2018-05", "2021-05")],
    ),
    "present_words": (
        """Experience
Data Scientist, Harlow Analytics, Mar 2022 - Current
- x.
Data Analyst, Kestrel Systems, Jan 2020 - Now
- y.
Analyst, Brightwell, Jan 2019 - to date
- z
Consultant, Pinecrest Ltd, 2018 - ongoing
- w
""",
        [
            ("2022-03", "present"),
            ("2020-01", "present"),
            ("2019-01", "present"),
            ("2018", "present"),
        ],
    ),
    "present_to_date": (
        """Experience
Data Scientist | Harlow Analytics | Mar 2022 to date
- x.
Data Analyst | Kestrel Systems | Jan 2020 – Feb 2022
- y.
""",
        [("2022-03", "present"), ("2020-01", "2022-02")],
    ),
    "seasons": (
        """Experience
Data Science Intern, Harlow Analytics, Summer 2021
- x.
Research Intern, Kestrel Labs, Fall 2020 - Spring 2021
- y.
""",
        [("2021-06", "2021-08"), ("2020-09", "2021-05")],
    ),
    "quarters": (
        """Experience
Data Analyst, Harlow Analytics, Q3 2020 - Q2 2022
- x.
Analyst, Kestrel Systems, Q1 2019 – Q2 2020
- y.
""",
        [("2020-07", "2022-06"), ("2019-01", "2020-06")],
    ),
    "month_no_year_first": (
        """Experience
Data Analyst, Harlow Analytics, Jan - Mar 2021
- x.
Analyst, Kestrel Systems, Sep – Dec 2020
- y.
Intern, Pinecrest Ltd, June to August 2019
- z.
""",
        [("2021-01", "2021-03"), ("2020-09", "2020-12"), ("2019-06", "2019-08")],
    ),
    "two_digit": (
        """Experience
Data Analyst, Harlow Analytics, '19 - '22
- x.
Analyst, Kestrel Systems, Mar '17 – Feb '19
- y.
""",
        [("2019", "2022"), ("2017-03", "2019-02")],
    ),
    "iso": (
        """Experience
Data Engineer, Harlow Analytics, 2019-03 - 2022-11
- x.
Developer, Kestrel Systems, 2016-01 – 2019-02
- y.
Analyst, Pinecrest, 2015-04 to present
- z
""",
        [("2019-03", "2022-11"), ("2016-01", "2019-02"), ("2015-04", "present")],
    ),
    "iso_nospace": (
        """Experience
Data Engineer, Harlow Analytics, 2019-03–2022-11
- x.
Developer, Kestrel Systems, 2016-01/2019-02
- y.
""",
        [("2019-03", "2022-11"), ("2016-01", "2019-02")],
    ),
    "durations": (
        """Experience
Data Scientist
Harlow Analytics
Jan 2021 - Present · 5 yrs 6 mos
- x.
Data Analyst
Kestrel Systems
Mar 2019 - Dec 2020 · 1 yr 10 mos
- y.
""",
        [("2021-01", "present"), ("2019-03", "2020-12")],
    ),
    "durations_paren": (
        """Experience
Data Scientist, Harlow Analytics
Jan 2021 - Present (5 years 6 months)
- x.
Data Analyst, Kestrel Systems
Mar 2019 - Dec 2020 (1 year 10 months)
- y.
""",
        [("2021-01", "present"), ("2019-03", "2020-12")],
    ),
    "mm_yy": (
        """Experience
Data Analyst, Harlow Analytics, 03/19 - 11/22
- x.
Analyst, Kestrel Systems, 01/16 - 02/19
- y.
""",
        [("2019-03", "2022-11"), ("2016-01", "2019-02")],
    ),
    "title_first_dates_left": (
        """Experience
2019 - 2022  Senior Data Scientist, Harlow Analytics
- Built.
2016 - 2019  Data Analyst, Kestrel Systems
- Reports.
""",
        [("2019", "2022"), ("2016", "2019")],
    ),
    "month_year_full_glued_hyphen": (
        """Experience
Data Analyst, Harlow Analytics, January 2021-March 2023
- x.
Analyst, Kestrel Systems, May 2018-December 2020
- y.
""",
        [("2021-01", "2023-03"), ("2018-05", "2020-12")],
    ),
    "edu_degree_words": (
        """Experience
Data Analyst, Harlow Analytics, 2019 - 2022
- x.
B.Tech in Computer Science, 2015 - 2019
""",
        [("2019", "2022")],
    ),
    "edu_graduate_program": (
        """Experience
Data Analyst, Harlow Analytics, 2019 - 2022
- x.
Graduate Program in Statistics, Harlow College, 2017 - 2019
""",
        [("2019", "2022")],
    ),
    "edu_studies": (
        """Experience
Data Analyst, Harlow Analytics, 2019 - 2022
- x.
Studies in Economics
Harlow College    Sep 2015 - Jun 2019
""",
        [("2019", "2022")],
    ),
}


def _positions(name: str):
    resume = parse_text(HEAD + CASES[name][0] + TAIL, f"{name}.txt")
    return build_profile(resume, (), reference_date=AS_OF).positions


@pytest.mark.parametrize("name", sorted(CASES))
def test_header_shapes_every_position_and_only_positions(name: str) -> None:
    # A bare year is a prefix of the month it is read as ("2019" -> "2019-07" or "2019-06").
    found = [
        (f"{p.span.first:%Y-%m}", "present" if p.span.present else f"{p.span.last:%Y-%m}")
        for p in _positions(name)
    ]
    expected = CASES[name][1]
    assert len(found) == len(expected), found
    for (start, end), (want_start, want_end) in zip(found, expected, strict=True):
        assert start.startswith(want_start), found
        assert end.startswith(want_end), found


@pytest.mark.parametrize("name", ["glued_right", "glued_right_present"])
def test_header_shapes_glued_dates_leave_the_employer_clean(name: str) -> None:
    organisations = [p.organisation for p in _positions(name)]
    assert organisations in (
        ["Harlow Analytics", "Kestrel Systems"],
        ["Corvid AI", "Alder Logistics"],
    )


def test_header_shapes_title_then_employer_without_separator_splits() -> None:
    heads = [(p.title, p.organisation) for p in _positions("title_employer_nosep")]
    assert heads == [
        ("Senior Data Scientist", "Harlow Analytics"),
        ("Data Analyst", "Kestrel Systems"),
    ]


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Software Engineer II, Kestrel Systems, 2019 - 2022", "Software Engineer II"),
        ("Head of Data Science 2019 - 2022", "Head of Data Science"),
        # The title's field after a dash or a comma is part of the title, not the employer.
        ("Analyst - Data Science, Kestrel Systems, 2019 - 2022", "Analyst, Data Science"),
        (
            "Engineer – Machine Learning | Kestrel Systems | 2019 - 2022",
            "Engineer, Machine Learning",
        ),
        ("Kestrel Systems — Manager, Data Science — 2019 - 2022", "Manager, Data Science"),
        # ... and so is a team named by field words and a team's noun
        (
            "Software Engineer, ML Infrastructure, Kestrel Systems, 2019 - 2022",
            "Software Engineer, ML Infrastructure",
        ),
        (
            "Data Scientist - AI Platform | Kestrel Systems | 2019 - 2022",
            "Data Scientist, AI Platform",
        ),
        # a prose lead-in is no part of the title (the Kaggle resume dataset's shape)
        (
            "Working as Machine Learning Engineer from Dec 2021 to Present",
            "Machine Learning Engineer",
        ),
        ("Worked as an Associate Data Scientist from 2019 - 2021", "Associate Data Scientist"),
        # two capitals naming the field are no state code
        ("Software Engineer - ML, Kestrel Systems, 2019 - 2022", "Software Engineer, ML"),
        # A team without a field word is no field of the title.
        ("Software Engineer, Platform, Kestrel Systems, 2019 - 2022", "Software Engineer"),
        # A field-worded employer after a full title stays the employer.
        ("Data Scientist, Machine Learning Lab, 2019 - 2022", "Data Scientist"),
    ],
)
def test_header_shapes_a_level_or_of_phrase_is_not_an_employer(line: str, title: str) -> None:
    resume = parse_text(HEAD + "Experience\n" + line + "\n- Work.\n" + TAIL, "t.txt")
    positions = build_profile(resume, (), reference_date=AS_OF).positions
    assert [p.title for p in positions] == [title]


@pytest.mark.parametrize(
    ("text", "label"),
    [
        ("Jan 2020 to Till Now", "2020-01 to present"),
        ("Jan 2020 - up to now", "2020-01 to present"),
        ("Jan 2020 – Continuing", "2020-01 to present"),
        ("2020 - Pres.", "2020-07 to present"),
        ("Jan 2020 → Mar 2021", "2020-01 to 2021-03"),
        ("Spring '20 - Fall '21", "2020-03 to 2021-11"),
        ("2016-01/2019-02", "2016-01 to 2019-02"),
        ("Harlow AnalyticsJan 2019 - Mar 2022", "2019-01 to 2022-03"),
        ("Kestrel Systems2016 - 2018", "2016-07 to 2018-06"),
    ],
)
def test_header_shapes_date_forms(text: str, label: str) -> None:
    assert [f.span.label() for f in find_spans(text, AS_OF)] == [label]


@pytest.mark.parametrize("text", ["Windows2000 support", "Python3 scripts", "COVID19 dashboards"])
def test_header_shapes_a_year_glued_to_a_word_alone_is_no_date(text: str) -> None:
    assert find_spans(text, AS_OF) == ()


def test_header_shapes_employer_on_the_line_under_title_and_dates() -> None:
    heads = [(p.title, p.organisation) for p in _positions("title_dates_then_employer")]
    # "Harlow Analytics, Leeds" reads as well as a place, but a block with no other employer
    # takes the name before the city ("San Diego, CA", ending in a region code, is never one).
    assert heads == [
        ("Senior Data Scientist", "Harlow Analytics"),
        ("Data Analyst", "Kestrel Systems"),
    ]


@pytest.mark.parametrize(
    "below", ["- Built churn models.", "Built churn models in Python.", "Python, SQL, Airflow, dbt"]
)
def test_header_shapes_a_description_line_is_no_employer(below: str) -> None:
    text = f"Experience\nData Analyst    Jun 2016 - Dec 2018\n{below}\n"
    resume = parse_text(HEAD + text + TAIL, "t.txt")
    positions = build_profile(resume, (), reference_date=AS_OF).positions
    assert [p.organisation for p in positions] == [""]


@pytest.mark.parametrize(
    ("entry", "kept"),
    [
        ("University of Leeds, 2015 - 2019\nGPA 3.8, major in Economics\n", False),
        ("Harlow College    Sep 2015 - Jun 2019\nBSc Mathematics, first class\n", False),
        # A school is an employer too: no study under it, the entry is a job without a title word.
        ("Pinecrest Academy\nPart-time, Summer 2012\nFixed the computer labs.\n", True),
    ],
)
def test_header_shapes_a_school_attended_is_no_position(entry: str, kept: bool) -> None:
    text = "Experience\nData Analyst, Harlow Analytics, 2019 - 2022\n- Reports.\n" + entry
    resume = parse_text(HEAD + text + TAIL, "t.txt")
    positions = build_profile(resume, (), reference_date=AS_OF).positions
    assert len(positions) == (2 if kept else 1), [p.label() for p in positions]


def test_header_shapes_sub_entries_under_an_employer_line_join_their_position() -> None:
    # A consultant's engagements under "dates: title" over "Employer (Place)": the employer line
    # belongs to the position above, and the engagements are part of it, not jobs of their own.
    text = """Experience
Jan 2019 - Present: Senior Consultant
Brightwell Partners (Austin, TX)
Mar 2021 - Present: Data Lead: Python, Airflow, dbt, Snowflake
- Migrated the warehouse.
Jan 2019 - Feb 2021: Analytics Engineer: SQL, Looker, BigQuery
- Built the metrics layer.

Jun 2016 - Dec 2018: Data Analyst
Kestrel Systems (Leeds, UK)
- Weekly reporting.
"""
    resume = parse_text(HEAD + text + TAIL, "t.txt")
    positions = build_profile(resume, (), reference_date=AS_OF).positions
    assert [(p.title, p.organisation, p.span.label()) for p in positions] == [
        ("Senior Consultant", "Brightwell Partners", "2019-01 to present"),
        ("Data Analyst", "Kestrel Systems", "2016-06 to 2018-12"),
    ]


@pytest.mark.parametrize(
    ("line", "title", "organisation"),
    [
        ("Kestrel Systems Data Analyst Jun 2016 - Dec 2018", "Data Analyst", "Kestrel Systems"),
        ("Acme Corp Senior Data Scientist 2019 - 2022", "Senior Data Scientist", "Acme Corp"),
        ("Northwind Lead Data Engineer 2019 - 2022", "Lead Data Engineer", "Northwind"),
        # Left whole: a level inside the title, a title word first, a name with "of".
        ("Data Science Lead Engineer 2019 - 2022", "Data Science Lead Engineer", ""),
        ("Senior Systems Engineer 2019 - 2022", "Senior Systems Engineer", ""),
        ("Bank of Leeds Analyst 2019 - 2022", "Bank of Leeds Analyst", ""),
    ],
)
def test_header_shapes_employer_then_title_without_separator(
    line: str, title: str, organisation: str
) -> None:
    resume = parse_text(HEAD + "Experience\n" + line + "\n- Work.\n" + TAIL, "t.txt")
    positions = build_profile(resume, (), reference_date=AS_OF).positions
    assert [(p.title, p.organisation) for p in positions] == [(title, organisation)]
