"""Positions and years on experience sections in many layouts (issue 11).

Each case is an invented experience section in a shape real resumes use: continuation headings
after a page or column break, date forms ('19, 2019/01, 01.2019, "Since 2020", seasons, "to",
"Till Now", an open "2021 –"), employer and title on one line with |, –, ·, "," or " at ",
several positions under one employer, dates right-aligned or on the line below, LinkedIn's
"(3 years 9 months)", education or volunteering beside work, overlapping jobs. The expected
spans are the months a reader takes from the text.
"""

from __future__ import annotations

import datetime as dt

import pytest

from resume_fit.api import analyze_text

AS_OF = dt.date(2026, 6, 30)
HEAD = "Dana Whitfield\ndana.whitfield@example.com\n\n"
TAIL = (
    "\nEducation\nBSc Computer Science, University of Leeds, 2010 - 2014\n\nSkills\nPython, SQL\n"
)

CASES = {
    "continued": (
        """Experience
Data Scientist, Harrowgate Labs            Jan 2021 - Present
- Built churn models in Python.
Data Analyst, Harrowgate Labs              Mar 2018 - Dec 2020
- Reporting in SQL.

Projects
- Traffic forecasting with Prophet.

Experience (continued)
Junior Analyst, Brightwell Foods           Jun 2016 - Feb 2018
- Excel reports.
""",
        [("2021-01", "present"), ("2018-03", "2020-12"), ("2016-06", "2018-02")],
    ),
    "apostrophe": (
        """Work Experience
Software Engineer | Kestrel Systems | Jan '19 - Mar '22
- APIs in Go.
Developer | Pinecrest Ltd | Jun '16 - Dec '18
- PHP.
""",
        [("2019-01", "2022-03"), ("2016-06", "2018-12")],
    ),
    "slash_iso": (
        """Experience
Machine Learning Engineer, Corvid AI
2019/01 - 2022/06
- Trained models.
Research Assistant, University of Turin
2017/09 - 2018/12
- Papers.
""",
        [("2019-01", "2022-06"), ("2017-09", "2018-12")],
    ),
    "dotted": (
        """Professional Experience
Data Engineer — Alder Logistics — 01.2020 - 05.2023
- Pipelines in Spark.
BI Developer — Alder Logistics — 03.2017 - 12.2019
- Power BI.
""",
        [("2020-01", "2023-05"), ("2017-03", "2019-12")],
    ),
    "since": (
        """Experience
Senior Data Scientist at Fenwick Health, Since 2020
- Risk models.
Data Scientist at Marlow Bank, 2016 - 2019
- Credit models.
""",
        [("2020", "present"), ("2016", "2019")],
    ),
    "season": (
        """Experience
Data Science Intern, Oakridge Analytics, Summer 2018
- Built dashboards.
Teaching Assistant, University of Bath, Fall 2017 - Spring 2018
- Marked statistics coursework.
""",
        [("2018-06", "2018-08"), ("2017-09", "2018-05")],
    ),
    "to_word": (
        """Employment History
Analyst, Greyfield Partners, March 2015 to June 2019
- Models.
Associate, Greyfield Partners, July 2019 to present
- More models.
""",
        [("2015-03", "2019-06"), ("2019-07", "present")],
    ),
    "at_line": (
        """Experience
Machine Learning Engineer at Northwind Robotics
Feb 2020 – Present
- Perception models.
Software Engineer at Northwind Robotics
Aug 2017 – Jan 2020
- C++.
""",
        [("2020-02", "present"), ("2017-08", "2020-01")],
    ),
    "employer_multi": (
        """Experience
Tessellate Inc., Boston, MA
Senior Data Scientist                         2021 – Present
- Led experiments.
Data Scientist                                2018 – 2021
- Built models.
Cobalt Media, New York, NY
Data Analyst                                  2015 – 2018
- SQL reports.
""",
        [("2021", "present"), ("2018", "2021"), ("2015", "2018")],
    ),
    "dates_first": (
        """Experience
2020 – present    Data Scientist, Verdant Energy
- Forecasting.
2017 – 2020       Analyst, Verdant Energy
- Excel.
""",
        [("2020", "present"), ("2017", "2020")],
    ),
    "middot": (
        """Experience
Data Scientist · Lark Analytics · Apr 2021 – Present
- Models.
Data Analyst · Lark Analytics · Sep 2019 – Mar 2021
- SQL.
""",
        [("2021-04", "present"), ("2019-09", "2021-03")],
    ),
    # roles inside an employer's range on one line: the employer's range is the position's
    "roles_in_employer_range": (
        """Experience
Northfield Media - Staff ML Engineer (2020-2022), ML Engineer (2017-2020) · Jan 2017 - Mar 2022
- Ranking models for the video feed.
Pell Systems - Software Engineer · Jun 2012 - Dec 2016
- Java services.
""",
        [("2017-01", "2022-03"), ("2012-06", "2016-12")],
    ),
    "overlap": (
        """Experience
Lecturer, City College, 2018 - 2022
- Taught statistics.
Data Consultant (part-time), Self-employed, 2019 - 2021
- Freelance analytics.
""",
        [("2018", "2022"), ("2019", "2021")],
    ),
    "date_below_title_company": (
        """Experience
Data Scientist
Quarry Analytics, London
January 2019 - Present
- Built models.
Junior Data Scientist
Quarry Analytics, London
June 2017 - December 2018
- Built more models.
""",
        [("2019-01", "present"), ("2017-06", "2018-12")],
    ),
    "mm_yyyy": (
        """Experience
Backend Developer, Ravel GmbH (03/2018 – 11/2021)
- Java.
Working Student, Ravel GmbH (10/2016 – 02/2018)
- Testing.
""",
        [("2018-03", "2021-11"), ("2016-10", "2018-02")],
    ),
    "edu_in_exp": (
        """Experience
Data Scientist, Halcyon Retail, 2020 - Present
- Models.
MSc Data Science, University of Glasgow, 2018 - 2019
- Thesis on anomaly detection.
Analyst, Halcyon Retail, 2016 - 2018
- Reports.
""",
        [("2020", "present"), ("2016", "2018")],
    ),
    "present_caps": (
        """EXPERIENCE
DATA SCIENTIST | MERIDIAN BANK | 2019 - PRESENT
- Models.
ANALYST | MERIDIAN BANK | 2016 - 2019
- Reports.
""",
        [("2019", "present"), ("2016", "2019")],
    ),
    "yyyy_mm_dash": (
        """Experience
Data Engineer, Orbital Freight, 2021-03 – present
- Airflow.
Data Analyst, Orbital Freight, 2019-01 – 2021-02
- SQL.
""",
        [("2021-03", "present"), ("2019-01", "2021-02")],
    ),
    "month_year_endash_no_space": (
        """Experience
Data Scientist, Copperleaf Insurance, Sep 2020–Present
- Pricing.
Actuarial Analyst, Copperleaf Insurance, Jul 2017–Aug 2020
- Reserving.
""",
        [("2020-09", "present"), ("2017-07", "2020-08")],
    ),
    "title_right_dates_next_company": (
        """Work History
Senior Machine Learning Engineer                        Jun 2022 - Present
Halberd Security, Remote
- Anomaly detection.
Machine Learning Engineer                               Jan 2019 - May 2022
Halberd Security, Remote
- Classifiers.
""",
        [("2022-06", "present"), ("2019-01", "2022-05")],
    ),
    "current_word": (
        """Experience
Data Scientist, Pellucid Labs, 2022 - Current
- Models.
Data Analyst, Pellucid Labs, 2019 - 2022
- Dashboards.
""",
        [("2022", "present"), ("2019", "2022")],
    ),
    "career_heading": (
        """Career History
Quantitative Analyst, Ferris Capital, Oct 2016 - Present
- Risk.
Graduate Analyst, Ferris Capital, Sep 2014 - Sep 2016
- Models.
""",
        [("2016-10", "present"), ("2014-09", "2016-09")],
    ),
    "relevant_exp": (
        """Relevant Experience
Data Science Fellow, Insight Lab, Jan 2020 - Jun 2020
- Project.
Research Assistant, University of Kent, Sep 2017 - Dec 2019
- Papers.
""",
        [("2020-01", "2020-06"), ("2017-09", "2019-12")],
    ),
    "continued_b": (
        """Experience
Data Scientist, Harrowgate Labs            Jan 2021 - Present
- Built churn models in Python.

Projects
- Traffic forecasting with Prophet.

Experience (cont.)
Junior Analyst, Brightwell Foods           Jun 2016 - Feb 2018
- Excel reports.
""",
        [("2021-01", "present"), ("2016-06", "2018-02")],
    ),
    "continued2": (
        """Professional Experience
Data Scientist, Harrowgate Labs            Jan 2021 - Present
- Built churn models in Python.

Publications
- A paper on forecasting, 2020.

Professional Experience, continued
Junior Analyst, Brightwell Foods           Jun 2016 - Feb 2018
- Excel reports.
""",
        [("2021-01", "present"), ("2016-06", "2018-02")],
    ),
    "linkedin": (
        """Experience
Fenwick Health
Senior Data Scientist
March 2020 - Present (6 years 4 months)
London, United Kingdom
Built risk models.
Marlow Bank
Data Scientist
June 2016 - February 2020 (3 years 9 months)
Leeds, United Kingdom
Credit models.
""",
        [("2020-03", "present"), ("2016-06", "2020-02")],
    ),
    "linkedin_multi": (
        """Experience
Fenwick Health
5 years 2 months
Senior Data Scientist
March 2022 - Present (4 years 4 months)
Data Scientist
May 2021 - February 2022 (10 months)
Marlow Bank
Data Analyst
June 2016 - April 2021 (4 years 11 months)
""",
        [("2022-03", "present"), ("2021-05", "2022-02"), ("2016-06", "2021-04")],
    ),
    "till_now": (
        """Work Experience
Data Analyst, Indigo Telecom, Aug 2019 - Till Now
- Reports.
Trainee, Indigo Telecom, Feb 2019 - Jul 2019
- Training.
""",
        [("2019-08", "present"), ("2019-02", "2019-07")],
    ),
    "internships": (
        """Internships
Data Science Intern, Bramble Retail, Jun 2023 - Aug 2023
- Models.
Analytics Intern, Bramble Retail, Jun 2022 - Aug 2022
- Dashboards.
""",
        [("2023-06", "2023-08"), ("2022-06", "2022-08")],
    ),
    "employment": (
        """Employment
Statistician — Office of Rail Data — Nov 2012 – Jan 2017
- Surveys.
Data Scientist — Loomis Travel — Feb 2017 – present
- Pricing.
""",
        [("2012-11", "2017-01"), ("2017-02", "present")],
    ),
    "title_dates_in_paren_no_org": (
        """Experience
Kingsbridge Capital
Quantitative Researcher (2019–2023)
- Signals.
Associate (2016–2019)
- Models.
""",
        [("2019", "2023"), ("2016", "2019")],
    ),
    "year_month_words": (
        """Experience
Data Scientist
Norland Systems | September 2018 — Present
- Built models.
Software Developer
Norland Systems | May 2015 — August 2018
- Built apps.
""",
        [("2018-09", "present"), ("2015-05", "2018-08")],
    ),
    "table_left_dates": (
        """Experience
2019 - 2023
Data Scientist, Moorfield Analytics
- Models.
2016 - 2019
Analyst, Moorfield Analytics
- Reports.
""",
        [("2019", "2023"), ("2016", "2019")],
    ),
    "two_digit_year_dash": (
        """Experience
Data Analyst, Thistle Bank, 2015-18
- SQL.
Junior Analyst, Thistle Bank, 2013-15
- Excel.
""",
        [("2015", "2018"), ("2013", "2015")],
    ),
    "month_abbrev_dot": (
        """Experience
Data Scientist, Brambling AI, Sept. 2019 – Jun. 2022
- NLP.
ML Intern, Brambling AI, Feb. 2019 – Aug. 2019
- Labelling.
""",
        [("2019-09", "2022-06"), ("2019-02", "2019-08")],
    ),
    "bullet_header": (
        """Experience
• Data Scientist, Corbel Retail (2019 – Present)
  Built recommendation models.
• Analyst, Corbel Retail (2016 – 2019)
  SQL reports.
""",
        [("2019", "present"), ("2016", "2019")],
    ),
    "present_dash_only": (
        """Experience
Data Scientist, Ashgrove Labs, 2021 –
- Models.
Data Analyst, Ashgrove Labs, 2018 – 2021
- SQL.
""",
        [("2021", "present"), ("2018", "2021")],
    ),
    "from_to": (
        """Experience
Data Scientist, Ashgrove Labs, from May 2021 to present
- Models.
Data Analyst, Ashgrove Labs, from Jan 2018 to Apr 2021
- SQL.
""",
        [("2021-05", "present"), ("2018-01", "2021-04")],
    ),
    "volunteer_section": (
        """Experience
Data Scientist, Ashgrove Labs, 2021 - present
- Models.

Volunteering
Mentor, Code Club, 2015 - 2020
- Taught kids.
""",
        [("2021", "present")],
    ),
    "exp_with_courses": (
        """Experience
Data Scientist, Ashgrove Labs, 2021 - present
- Models.

Certifications
AWS Certified Machine Learning – Specialty, 2022 - 2025
Coursera Deep Learning Specialization, 2020
""",
        [("2021", "present")],
    ),
    "title_paren_dates_company_below": (
        """Experience
Data Scientist (Jan 2019 - Present)
Wrenfield Insurance, Manchester
- Pricing models.
Data Analyst (Jul 2016 - Dec 2018)
Wrenfield Insurance, Manchester
- Dashboards.
""",
        [("2019-01", "present"), ("2016-07", "2018-12")],
    ),
    "company_dash_place_dash_dates": (
        """Experience
Machine Learning Engineer
Corvid AI — Berlin — 2019-2021
- Models.
Software Engineer
Tarn Systems — Munich — 2016-2019
- Java.
""",
        [("2019", "2021"), ("2016", "2019")],
    ),
    "linkedin_new": (
        """Experience
Senior Data Scientist
Fenwick Health · Full-time
Jun 2021 - Present · 5 yrs 1 mo
London, England, United Kingdom
Data Scientist
Marlow Bank · Full-time
Sep 2017 - May 2021 · 3 yrs 9 mos
""",
        [("2021-06", "present"), ("2017-09", "2021-05")],
    ),
    "years_to": (
        """Experience
Analyst, Brightwater Council, 2015 to 2019
- Reports.
Officer, Brightwater Council, 2012 to 2015
- Admin.
""",
        [("2015", "2019"), ("2012", "2015")],
    ),
    "single_year_positions": (
        """Experience
Data Analyst Intern, Pollard Foods, 2019
- Dashboards.
Research Intern, University of Essex, 2018
- Surveys.
""",
        [("2019-01", "2019-12"), ("2018-01", "2018-12")],
    ),
    "month_comma_year": (
        """Experience
Data Engineer, Fennick Ltd, March, 2019 – June, 2022
- Pipelines.
""",
        [("2019-03", "2022-06")],
    ),
    "spaced_heading": (
        """W O R K   E X P E R I E N C E
Data Engineer, Fennick Ltd, 2019 – 2022
- Pipelines.
Data Analyst, Fennick Ltd, 2017 – 2019
- SQL.
""",
        [("2019", "2022"), ("2017", "2019")],
    ),
    "heading_rule": (
        """EXPERIENCE ________________________________
Data Engineer, Fennick Ltd, 2019 – 2022
- Pipelines.
""",
        [("2019", "2022")],
    ),
    "tabs": (
        """Experience
Jan 2020 – Present	Data Scientist	Glenmore Analytics
- Models.
Mar 2017 – Dec 2019	Analyst	Glenmore Analytics
- SQL.
""",
        [("2020-01", "present"), ("2017-03", "2019-12")],
    ),
    "company_line_dates_then_titles_with_dates": (
        """Experience
Harbourside Bank                                   2014 – Present
Lead Data Scientist, 2019 – Present
- Team of five.
Data Scientist, 2014 – 2019
- Credit models.
""",
        # The employer line heads its roles: each role is a position (PROTOCOL: one entry each).
        [("2019", "present"), ("2014", "2019")],
    ),
    "current_job_no_end": (
        """Experience
Data Scientist, Lowther Analytics, January 2023 -
- Models.
Analyst, Lowther Analytics, May 2020 - December 2022
- SQL.
""",
        [("2023-01", "present"), ("2020-05", "2022-12")],
    ),
    "years_months_duration_after": (
        """Experience
Data Scientist | Ivel Energy | Apr 2020 – Present (6 yrs)
- Forecasts.
Analyst | Ivel Energy | Jan 2018 – Mar 2020 (2 yrs 3 mos)
- Reports.
""",
        [("2020-04", "present"), ("2018-01", "2020-03")],
    ),
    "education_first_then_exp": (
        """Education
MSc Data Science, University of Bath, 2017 – 2018
BSc Mathematics, University of Bath, 2014 – 2017

Experience
Data Scientist, Ivel Energy, 2018 – Present
- Forecasts.
""",
        [("2018", "present")],
    ),
    "clients": (
        """Experience
Senior Consultant, Brightline Consulting, 2017 – 2022
Client: Westfield Bank (2019 – 2020)
- Credit models.
Client: Harbor Retail (2017 – 2019)
- Demand forecasts.
""",
        [("2017", "2022")],
    ),
    "award_line": (
        """Experience
Data Analyst, Lumen Foods, 2018 – 2022
- Built dashboards.
Employee of the Year award, 2020
- Reports.
""",
        [("2018", "2022")],
    ),
    "cert_in_exp": (
        """Experience
Data Analyst, Lumen Foods, 2018 – 2022
- Built dashboards.
Google Data Analytics Certificate, Coursera, 2018
""",
        [("2018", "2022")],
    ),
    "promotion_sentence": (
        """Experience
Data Analyst, Lumen Foods, 2016 – 2022
Promoted to Senior Analyst in 2019.
- Built dashboards.
""",
        [("2016", "2022")],
    ),
    "project_lines": (
        """Experience
Data Scientist, Crane Logistics, 2019 – Present
Project: Route optimisation (Mar 2020 – Sep 2020)
- OR-tools.
Project: ETA prediction (Oct 2020 – Mar 2021)
- LightGBM.
""",
        [("2019", "present")],
    ),
    "summary_dates": (
        """Summary
Data scientist since 2015; at Crane Logistics 2019 – 2024.

Experience
Data Scientist, Crane Logistics, 2019 – 2024
- Models.
""",
        [("2019", "2024")],
    ),
    "thesis_in_exp": (
        """Experience
Data Scientist, Crane Logistics, 2021 – Present
- Models.
Master's thesis: Graph neural networks for routing, 2020 – 2021
- Research.
""",
        [("2021", "present")],
    ),
    "location_date_line": (
        """Experience
Data Scientist
Crane Logistics | Leeds, UK | 2019 – Present
- Models.
Data Analyst
Crane Logistics | Leeds, UK | 2016 – 2019
- SQL.
""",
        [("2019", "present"), ("2016", "2019")],
    ),
    "course_in_exp": (
        """Professional Experience
Data Scientist, Crane Logistics, 2019 – Present
- Models.
Deep Learning Specialization (Coursera), 2018 – 2019
""",
        [("2019", "present")],
    ),
}


def _report(name: str):
    return analyze_text(HEAD + CASES[name][0] + TAIL, f"{name}.txt", AS_OF)


@pytest.mark.parametrize("name", sorted(CASES))
def test_position_shapes_every_position_and_only_positions(name: str) -> None:
    # A bare year is a prefix of the month it is read as ("2019" -> "2019-07" or "2019-06").
    found = [
        (f"{p.span.first:%Y-%m}", "present" if p.span.present else f"{p.span.last:%Y-%m}")
        for p in _report(name).profile.positions
    ]
    expected = CASES[name][1]
    assert len(found) == len(expected), found
    for (start, end), (want_start, want_end) in zip(found, expected, strict=True):
        assert start.startswith(want_start), found
        assert end.startswith(want_end), found


def test_position_shapes_overlapping_jobs_count_once() -> None:
    report = _report("overlap")
    assert len(report.profile.positions) == 2
    assert report.profile.total_years == 4.0  # 2018-07 .. 2022-06; the side job adds nothing


@pytest.mark.parametrize("name", ["continued", "continued_b", "continued2"])
def test_position_shapes_continued_heading_is_the_same_section(name: str) -> None:
    kinds = [s.kind for s in _report(name).sections]
    assert kinds.count("experience") == 2


# Sections after the work history whose dated lines are not jobs.
AFTER_WORK = {
    "honors": ("Honors & Awards\nBest Paper Award, KDD Workshop, 2022\nDean's List, 2012 - 2014\n"),
    "talks": (
        "Selected Talks\n"
        "Forecasting at scale, PyData London, 2023\n"
        "Causal inference in retail, 2019 - 2020 series\n"
    ),
    "grants": (
        "Grants and Fellowships\n"
        "Research Fellowship, Royal Society, 2016 - 2018\n"
        "Travel grant, 2015\n"
    ),
    "memberships": (
        "Professional Memberships\n"
        "Royal Statistical Society, 2015 - present\n"
        "IEEE, 2017 - present\n"
    ),
    "service": (
        "Academic Service\nReviewer, NeurIPS, 2019 - 2023\nProgram committee, ICML Workshop, 2021\n"
    ),
    "training": (
        "Training\nDeep Learning Specialization, Coursera, 2019 - 2020\nSpark Fundamentals, 2018\n"
    ),
    "leadership": (
        "Leadership & Activities\n"
        "President, Data Science Society, 2012 - 2013\n"
        "Captain, Rowing Club, 2011 - 2012\n"
    ),
    "extracurricular": ("Extracurricular Activities\nTreasurer, Chess Club, 2011 - 2013\n"),
    "hackathons": (
        "Hackathons\nWinner, City Data Hack, 2019\nFinalist, Health Hack, 2017 - 2018\n"
    ),
    "publications_years": (
        "Publications\n"
        "A. Author, B. Author. Forecasting demand. Journal of Forecasting, 2019.\n"
        "C. Author. Churn. Proc. KDD, 2020 - 2021.\n"
    ),
    "languages_levels": ("Languages\nEnglish (native), French (B2, 2015 - 2016 exchange)\n"),
    "courses_uni": (
        "Relevant Coursework\nMachine Learning (2013 - 2014), Statistics (2012 - 2013)\n"
    ),
    "references": ("References\nAvailable on request.\n"),
}


@pytest.mark.parametrize("name", sorted(AFTER_WORK))
def test_position_shapes_dated_lines_after_the_work_history_are_no_positions(name: str) -> None:
    work = (
        "Experience\nData Scientist, Ashgrove Labs, 2021 - present\n- Models.\n"
        "Data Analyst, Ashgrove Labs, 2018 - 2021\n- SQL.\n\n"
    )
    report = analyze_text(HEAD + work + AFTER_WORK[name] + TAIL, f"{name}.txt", AS_OF)
    assert [p.title for p in report.profile.positions] == ["Data Scientist", "Data Analyst"]


@pytest.mark.parametrize(
    "heading", ["WORKEXPERIENCE", "WorkExperience", "W O R K E X P E R I E N C E"]
)
def test_position_shapes_glued_or_letter_spaced_heading_is_read(heading: str) -> None:
    text = f"{heading}\nData Engineer, Fennick Ltd, 2019 – 2022\n- Pipelines.\n"
    report = analyze_text(HEAD + text + TAIL, "glued.txt", AS_OF)
    assert len(report.profile.positions) == 1


@pytest.mark.parametrize(
    "heading",
    [
        "Work Experiences",
        "Employment Record",
        "Part-time Work",
        "Work experience / Internships",
        "Research & Professional Experience",
        "Data Science Experience",
        "Professional Experiences (continued)",
    ],
)
def test_position_shapes_compound_experience_headings(heading: str) -> None:
    # Under a heading the lexicon did not know, the jobs ran on in the section before (here
    # the contact block) and were lost.
    text = f"{heading}\nData Engineer, Fennick Ltd, 2019 – 2022\n- Pipelines.\n"
    report = analyze_text(HEAD + text + TAIL, "heading.txt", AS_OF)
    assert [s.kind for s in report.sections].count("experience") == 1
    assert len(report.profile.positions) == 1


@pytest.mark.parametrize("title", ["Statistician", "Actuary", "Economist", "Epidemiologist"])
def test_position_shapes_occupation_without_a_job_word_is_the_title(title: str) -> None:
    text = f"Experience\nNorthgate Insurance | {title} | 2017 – 2022\n- Models.\n"
    report = analyze_text(HEAD + text + TAIL, "title.txt", AS_OF)
    position = report.profile.positions[0]
    assert (position.title, position.organisation) == (title, "Northgate Insurance")
