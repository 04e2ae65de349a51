"""Header layouts of real resumes: title and employer in either order, dates on their own line,
list-form experience, sub-entries under one employer, lone event dates.

Every fixture is invented, in the shape one layout gives the parse stage's text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from resume_fit.profile import build_profile

PRESENT = dt.date(2026, 12, 1)


def _positions(resume_from, text: str) -> list[tuple[str, str, str]]:
    profile = build_profile(resume_from(text), (), PRESENT)
    return [(p.title, p.organisation, p.span.label()) for p in profile.positions]


LAYOUTS = {
    # Employer and dates on one line, the title under them.
    "company-dates-over-title": (
        "Experience\nNorthwind, Inc September 2019 - Present\nStaff Machine Learning Engineer\n"
        "Austin, TX\nBuilt ranking services in C++.\n",
        ("Staff Machine Learning Engineer", "Northwind, Inc", "2019-09 to present"),
    ),
    # Dates first, then the employer, the title on the next line.
    "dates-company-over-title": (
        "Experience\n03/2020 - Present Fabrikam Robotics\nSenior Perception Engineer\n"
        "Shipped lidar fusion.\n",
        ("Senior Perception Engineer", "Fabrikam Robotics", "2020-03 to present"),
    ),
    # Title over employer and place over a date-only line.
    "title-company-date-line": (
        "Experience\nResearch Fellow\nTAILSPIN INSTITUTE, DENVER\n2018 - 2020\n\n",
        ("Research Fellow", "TAILSPIN INSTITUTE", "2018-07 to 2020-06"),
    ),
    # "Title · Company" over "Place, Country · Dates": the place line is not the title.
    "title-dot-company-over-place-dates": (
        "Experience\nSenior Data Engineer · Contoso\nSeattle, WA, USA · Sep 2021 – May 2022\n"
        "Replaced legacy ETL flows.\n",
        ("Senior Data Engineer", "Contoso", "2021-09 to 2022-05"),
    ),
    # Employer, place and dates, the title after a blank line.
    "title-below-blank-line": (
        "Experience\nLitware Private Limited — Pune, India\nFeb 2026 – Present\n\n"
        "DevOps Intern\n- Automated deployments with Terraform\n",
        ("DevOps Intern", "Litware Private Limited", "2026-02 to present"),
    ),
    # "Company, Suffix Title, Department": the legal suffix belongs to the company.
    "suffix-before-title": (
        "Experience\nAdatum & Partners, LLP Senior Consultant, Advisory\nMay 2015 – August 2017\n",
        ("Senior Consultant", "Adatum & Partners, LLP", "2015-05 to 2017-08"),
    ),
    # A title whose words include an organisation word ("Systems") is still a title.
    "systems-engineer": (
        "Experience\n09/2009 - 05/2011 Proseware Aerospace\nSystems Engineer\n",
        ("Systems Engineer", "Proseware Aerospace", "2009-09 to 2011-05"),
    ),
}


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_layouts_title_and_organisation_in_any_order(resume_from, name: str) -> None:
    text, expected = LAYOUTS[name]
    assert _positions(resume_from, text) == [expected]


def test_layouts_next_entry_title_is_not_read_below_a_date_line(resume_from) -> None:
    text = (
        "Experience\nWoodgrove Bank\n2019 - 2021\nData Analyst\n2021 - Present\n"
        "- Dashboards in Tableau\n"
    )
    titles = [t for t, _, _ in _positions(resume_from, text)]
    assert titles == ["", "Data Analyst"]


def test_layouts_bulleted_list_of_jobs_counts_every_entry(resume_from) -> None:
    text = (
        "Experience\n- Software Engineer Intern, Relecloud, April 2022 until now.\n"
        "- Public Relations, Wingtip Travel, (2018 – 2019).\n"
        "- Policy Researcher, Lakeshore Center, Cairo, (2015 -2018).\n"
    )
    spans = [s for _, _, s in _positions(resume_from, text)]
    assert spans == ["2022-04 to present", "2018-07 to 2019-06", "2015-07 to 2018-06"]


def test_layouts_bullet_dates_under_dated_headers_stay_achievements(resume_from) -> None:
    text = (
        "Experience\nData Engineer, Contoso  2018 - 2022\n"
        "- Migrated the warehouse (2019 - 2020).\n- Built Kafka streams\n"
    )
    assert [s for _, _, s in _positions(resume_from, text)] == ["2018-07 to 2022-06"]


def test_layouts_sub_entries_under_one_employer_join_the_position(resume_from) -> None:
    text = (
        "Experience\nApr 2017 - Aug 2020: Senior Software Engineer\nTrey Research (Denver, CO)\n"
        "- Shipped apps for retail clients.\n"
        "Jan 2019 - Aug 2020: Mobile Lead: Kotlin, Swift, GraphQL\n- Rebuilt the app shell.\n"
        "Apr 2017 - Jun 2017: Backend Developer: Go, Redis, MySQL\n"
        "- Billing service.\n"
        "Oct 2014 - Mar 2017: Software Engineer, Fourth Coffee\n"
    )
    profile = build_profile(resume_from(text), (), PRESENT)
    assert [p.span.label() for p in profile.positions] == [
        "2017-04 to 2020-08",
        "2014-10 to 2017-03",
    ]
    # The sub-entries' text is the first position's text.
    assert "Billing service" in text[profile.positions[0].start : profile.positions[0].end]


def test_layouts_concurrent_job_with_its_own_employer_stays(resume_from) -> None:
    text = (
        "Experience\nVanArsdel Studios\nToronto, ON\nFOUNDER Sept. 2015 - Present\n\n"
        "Alpine Outfitters\nSTORE SUPERVISOR\nAug 2018 - Mar 2022\n"
    )
    assert len(_positions(resume_from, text)) == 2


def test_layouts_lone_month_is_an_event_not_a_position(resume_from) -> None:
    text = (
        "Work Experience\nAdjunct Lecturer\nUniversity of Lyon\nSep 2024 – Present\n\n"
        "Talks\nGender in machine translation\nTalk: Regional NLP Day\nSep 2025\n"
    )
    assert [s for _, _, s in _positions(resume_from, text)] == ["2024-09 to present"]


def test_layouts_lone_year_or_season_can_be_a_position(resume_from) -> None:
    text = "Experience\nData Science Fellow\nINSIGHT PROGRAM, SEATTLE\n2018\n"
    assert _positions(resume_from, text) == [
        ("Data Science Fellow", "INSIGHT PROGRAM", "2018-01 to 2018-12")
    ]


@pytest.mark.parametrize(
    "ongoing",
    ["Present", "Current", "Now", "heute", "actualidad", "aujourd'hui"],
)
def test_layouts_ongoing_words(resume_from, ongoing: str) -> None:
    text = f"Experience\nData Scientist, Contoso\nMarch 2021 - {ongoing}\n"
    assert _positions(resume_from, text) == [("Data Scientist", "Contoso", "2021-03 to present")]


@pytest.mark.parametrize(
    ("dates", "label"),
    [
        ("März 2019 – Juli 2021", "2019-03 to 2021-07"),
        ("janvier 2019 - juin 2020", "2019-01 to 2020-06"),
        ("Summer 2018 - Fall 2019", "2018-06 to 2019-11"),
        ("2016 - 2019", "2016-07 to 2019-06"),
    ],
)
def test_layouts_date_forms_on_their_own_line(resume_from, dates: str, label: str) -> None:
    text = f"Experience\nML Engineer\nAdventure Works\n{dates}\n"
    assert _positions(resume_from, text) == [("ML Engineer", "Adventure Works", label)]


def test_layouts_education_and_projects_dates_are_not_positions(resume_from) -> None:
    text = (
        "Experience\nData Analyst, Contoso  2020 - 2022\n"
        "Projects\nChurn model  2019 - 2020\n"
        "Education\nBSc Statistics, University of Leeds  2016 - 2019\n"
    )
    profile = build_profile(resume_from(text), (), PRESENT)
    assert [p.span.label() for p in profile.positions] == ["2020-07 to 2022-06"]
    assert profile.total_years == 2.0


def test_layouts_degree_without_a_job_title_is_not_a_position(resume_from) -> None:
    # The parse stage took the whole block for experience: the degree line is schooling.
    text = (
        "Experience\nData Analyst, Contoso  2020 - 2022\n"
        "MSc Data Science, University of Leeds  2018 - 2020\n"
        "Core Faculty, Data Science PhD Program, 2022 - present\n"
    )
    titles = [t for t, _, _ in _positions(resume_from, text)]
    assert titles == ["Data Analyst", "Core Faculty"]


def test_layouts_projects_and_clubs_without_a_job_title_are_not_positions(resume_from) -> None:
    text = (
        "Experience\nData Scientist\nWoodgrove Bank\n2019 - 2021\n"
        "Independent projects\nSELF 2016 - 2017\n"
        "Sep 2012 -\nSep 2013 Club activity\nRobotics club of the university\n"
    )
    assert [s for _, _, s in _positions(resume_from, text)] == ["2019-07 to 2021-06"]


def test_layouts_right_aligned_dates_and_overlaps_counted_once(resume_from) -> None:
    text = (
        "Experience\n"
        "Data Scientist          Fabrikam Health                  Jan 2020 – Present\n"
        "- Forecasting models\n"
        "Adjunct Lecturer        Lakeshore College                Sep 2021 – Jun 2023\n"
        "- Taught statistics\n"
        "Data Analyst            Fabrikam Health                  Jan 2018 – Dec 2019\n"
    )
    profile = build_profile(resume_from(text), (), PRESENT)
    assert [(p.title, p.organisation) for p in profile.positions] == [
        ("Data Scientist", "Fabrikam Health"),
        ("Adjunct Lecturer", "Lakeshore College"),
        ("Data Analyst", "Fabrikam Health"),
    ]
    # Jan 2018 to Dec 2026 without a gap: 108 months; the lecturing overlaps and counts once.
    assert profile.total_years == 9.0
