"""Timeline, years per skill, education and seniority on hand-built resumes."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from resume_fit.extract.mention import Evidence, SkillMention
from resume_fit.profile import build_profile
from resume_fit.profile.education import find_degrees
from resume_fit.profile.seniority import title_level

REF = dt.date(2024, 6, 1)

RESUME = """Jane Doe
jane@example.com

Experience
Senior Data Scientist | Acme Corp | Jan 2020 - Present
- Built churn models in Python and PyTorch; managed a team of 4
- Ran A/B tests with product

Data Analyst, Beta Bank
2017 - 2020
- SQL dashboards in Tableau and Python

Globex Inc.                          Summer 2016
Data Science Intern
- Python scripts for reporting

Education
MSc in Computer Science, University of Edinburgh, 2016
B.Sc. Mathematics, 2012 - 2015
Skills
Python, SQL, Docker
"""


def _mentions(resume, words):
    out = []
    for skill_id, word in words:
        evidence = tuple(
            Evidence(resume.section_kind_at(m.start()), word, m.start(), m.end(), "exact", 1.0)
            for m in re.finditer(re.escape(word), resume.text)
        )
        out.append(SkillMention(skill_id, word, "tool", evidence))
    return tuple(out)


@pytest.fixture
def profile(resume_from):
    resume = resume_from(RESUME)
    skills = _mentions(
        resume, [("python", "Python"), ("pytorch", "PyTorch"), ("sql", "SQL"), ("docker", "Docker")]
    )
    return build_profile(resume, skills, reference_date=REF)


def test_profile_positions_titles_and_organisations(profile):
    got = [(p.title, p.organisation, p.span.label()) for p in profile.positions]
    assert got == [
        ("Senior Data Scientist", "Acme Corp", "2020-01 to present"),
        ("Data Analyst", "Beta Bank", "2017-07 to 2020-06"),
        ("Data Science Intern", "Globex Inc.", "2016-06 to 2016-08"),
    ]


def test_profile_total_years_merges_and_skips_education(profile):
    # 2020-01..2024-06 (54) + 2017-07..2019-12 (30, the overlap with 2020 counted once) + 3 months;
    # the 2012-2016 education dates do not count.
    assert profile.total_years == round((54 + 30 + 3) / 12, 1)
    assert profile.reference_date == REF


def test_profile_years_per_skill_from_positions(profile):
    python = profile.years_for("python")
    assert python.years == round((54 + 30 + 3) / 12, 1)
    assert python.last_used == "present"
    assert len(python.positions) == 3
    sql = profile.years_for("sql")
    assert (sql.years, sql.last_used) == (3.0, "2020-06")
    assert "1 dated position" in sql.derivation


def test_profile_skill_only_in_skills_section_has_no_years(profile):
    assert profile.years_for("docker") is None


def test_profile_education_highest_and_field(profile):
    assert profile.education.highest == "master"
    assert profile.education.field == "Computer Science"
    assert [d.level for d in profile.education.degrees] == ["master", "bachelor"]


def test_profile_seniority_from_title(profile):
    assert profile.seniority == "senior"


def test_profile_no_experience_section(resume_from):
    profile = build_profile(resume_from("Skills\nPython\n"), (), reference_date=REF)
    assert profile.total_years is None
    assert profile.seniority == "unknown"
    assert profile.positions == ()


@pytest.mark.parametrize(
    ("line", "level", "field"),
    [
        ("PhD in Machine Learning, Stanford University, 2019", "phd", "Machine Learning"),
        ("Ph.D., Computer Science — MIT", "phd", "Computer Science"),
        ("Doctor of Philosophy (Statistics)", "phd", ""),
        ("M.Sc. Data Science, University of Amsterdam", "master", "Data Science"),
        ("MS in Electrical Engineering | Georgia Tech", "master", "Electrical Engineering"),
        ("Master of Science in Statistics", "master", "Statistics"),
        ("MEng Software Engineering, 2018", "master", "Software Engineering"),
        ("MBA, INSEAD", "master", ""),
        (
            "B.Tech in Computer Science and Engineering, IIT Delhi",
            "bachelor",
            "Computer Science and Engineering",
        ),
        ("BSc (Hons) Mathematics", "bachelor", ""),
        ("Bachelor of Arts in Philosophy, 2014", "bachelor", "Philosophy"),
        ("BA Economics - University of Leeds", "bachelor", "Economics"),
        ("B.S. Physics", "bachelor", "Physics"),
        ("BEng Mechanical Engineering", "bachelor", "Mechanical Engineering"),
        # Dotted abbreviations written without their last period.
        ("B.E Computer Engineering, Nagpur University", "bachelor", "Computer Engineering"),
        ("M.E Electronics and Telecommunication", "master", "Electronics and Telecommunication"),
        ("M.S Computer Science, 2012", "master", "Computer Science"),
        ("B.A English Literature", "bachelor", "English Literature"),
        ("Associate of Applied Science, Culinary Arts", "associate", "Culinary Arts"),
        ("Data Science Bootcamp, General Assembly, 2021", "bootcamp", ""),
        ("Professional Certificate in Machine Learning", "certificate", "Machine Learning"),
    ],
)
def test_profile_degree_detection(line, level, field):
    degrees = find_degrees(line)
    assert [d.level for d in degrees] == [level]
    if field:
        assert degrees[0].field == field


@pytest.mark.parametrize(
    "line",
    [
        "Harvard University, Cambridge, MA",
        "Advanced MS Excel and MS Office",
        "Processed 10 ms batches",
    ],
)
def test_profile_degree_not_found_in_lookalikes(line):
    assert find_degrees(line) == ()


def test_profile_degree_in_progress():
    (degree,) = find_degrees("PhD candidate in Robotics, ETH Zurich (expected 2025)")
    assert degree.level == "phd" and degree.in_progress


def test_profile_publications_counted_from_section(resume_from):
    text = (
        "Publications\n- Doe J. et al. Sparse attention. NeurIPS 2021.\n"
        "- Doe J. Robust RL. ICML 2022.\n- Doe J. Patent US 11,222,333: model pruning.\n"
    )
    profile = build_profile(resume_from(text), (), reference_date=REF)
    assert profile.education.publications == 3
    assert profile.education.patents == 1


def test_profile_publications_from_venues_without_section(resume_from):
    text = "Experience\nResearch Intern, Google, 2021\n- Paper accepted at ICLR 2022 (oral)\n"
    profile = build_profile(resume_from(text), (), reference_date=REF)
    assert profile.education.publications == 1


@pytest.mark.parametrize(
    ("title", "level"),
    [
        ("Senior Machine Learning Engineer", "senior"),
        ("Staff Data Scientist", "senior"),
        ("Principal Engineer", "senior"),
        ("Head of AI", "lead"),
        ("Director of Data Science", "lead"),
        ("Machine Learning Manager", "lead"),
        ("Lead Data Scientist", "lead"),
        ("Chief Data Scientist", "lead"),
        ("Junior Data Analyst", "entry"),
        ("Data Science Intern", "entry"),
        ("Product Manager, AI", None),
        ("Data Scientist", None),
    ],
)
def test_profile_title_levels(title, level):
    assert title_level(title) == level


@pytest.mark.parametrize(
    ("header", "dates", "extra", "level"),
    [
        ("Data Scientist | Acme", "Jan 2023 - Present", "", "entry"),
        ("Data Scientist | Acme", "Jan 2020 - Present", "", "mid"),
        ("Data Scientist | Acme", "Jan 2017 - Present", "", "senior"),
        (
            "Machine Learning Engineer | Acme",
            "Jan 2012 - Present",
            "- Led a team of 9; hired 4",
            "lead",
        ),
        ("Head of Data | Acme", "Jan 2018 - Present", "", "lead"),
        ("Senior Data Scientist | Acme", "Jan 2023 - Present", "", "mid"),
        ("Junior Data Analyst | Acme", "Jan 2022 - Present", "", "entry"),
    ],
)
def test_profile_seniority_ladder(resume_from, header, dates, extra, level):
    text = f"Experience\n{header} | {dates}\n{extra}\n"
    profile = build_profile(resume_from(text), (), reference_date=REF)
    assert profile.seniority == level, profile.seniority_reason


@pytest.mark.parametrize(
    "text",
    [
        "Experience\nAcme Corp\nMachine Learning Engineer\nMar 2019 – Feb 2022\n- Shipped models\n",
        "Experience\nMachine Learning Engineer, Acme Corp\nMar 2019 – Feb 2022\n- Shipped models\n",
        "Experience\nAcme Corp      Mar 2019 – Feb 2022\nMachine Learning Engineer\n- Shipped it\n",
        "Experience\nMachine Learning Engineer at Acme Corp (Mar 2019 – Feb 2022)\n- Shipped it\n",
    ],
)
def test_profile_header_layouts(resume_from, text):
    (position,) = build_profile(resume_from(text), (), reference_date=REF).positions
    assert (position.title, position.organisation) == ("Machine Learning Engineer", "Acme Corp")
    assert position.span.months == 36


@pytest.mark.parametrize(
    ("text", "titles"),
    [
        (
            "# Senior MLOps Engineer (Kubeflow / GCP)\n\nYou will run our platform.\n",
            ("Senior MLOps Engineer (Kubeflow / GCP)",),
        ),
        (
            "Priya N\nMachine Learning Engineer · Bengaluru\nSkills\nPython\n",
            ("Machine Learning Engineer · Bengaluru",),
        ),
        (
            "About us\nWe sell shoes and we love what we do every single day, honestly and well.\n",
            (),
        ),
    ],
)
def test_profile_headline_titles_without_positions(resume_from, text, titles):
    assert build_profile(resume_from(text), (), reference_date=REF).titles == titles


@pytest.mark.parametrize(
    ("summary", "titles"),
    [
        (
            "Results-driven data scientist with 3 years of modelling work.",
            ("Results-driven data scientist",),
        ),
        (
            "I am an aspiring Machine Learning Engineer seeking a first role.",
            ("aspiring Machine Learning Engineer",),
        ),
        ("Data Analyst, fluent in SQL and Tableau.", ("Data Analyst",)),
        ("NLP researcher focused on low-resource languages.", ("NLP researcher",)),
        # Adjectives before the title are part of its opening, not a break.
        (
            "Experienced Machine Learning Engineer with 4 years in computer vision.",
            ("Experienced Machine Learning Engineer",),
        ),
        (
            "Highly skilled and motivated data analyst with SQL and Tableau.",
            ("Highly skilled and motivated data analyst",),
        ),
        (
            "Passionate data scientist who loves turning data into decisions.",
            ("Passionate data scientist",),
        ),
        # A career objective names the role its author aims at, articles dropped.
        (
            "To work as a Data Scientist where I can use statistics to support decisions.",
            ("Data Scientist",),
        ),
        (
            "Seeking a challenging position as Machine Learning Engineer in a product team.",
            ("Machine Learning Engineer",),
        ),
        (
            "Looking for an entry-level data analyst role in healthcare.",
            ("entry-level data analyst",),
        ),
        # ... but only with a marker before it, and a title within reach of it.
        ("To grow as a professional and contribute to a data-driven team.", ()),
        # A title word after a preposition is not what the person is.
        ("Graduate in economics turned analyst, curious and quick.", ()),
        # No title word, or prose: no title.
        ("Recent graduate passionate about data and machine learning.", ()),
        ("Over five years of experience building data products for retail clients.", ()),
        ("Hard-working, curious and quick to learn; I enjoy solving problems.", ()),
    ],
)
def test_profile_summary_self_description_is_the_title_of_an_undated_resume(
    resume_from, summary, titles
):
    # No dated positions and no headline: the opening words of the summary say what the person
    # is, up to the first break word or punctuation.
    text = (
        f"Sam Okafor\nsam@example.com\n+44 20 7946 0958\nLeeds, UK\n\nSummary\n{summary}\n\n"
        "Skills\nPython, SQL\n"
    )
    assert build_profile(resume_from(text), (), reference_date=REF).titles == titles


def test_profile_summary_self_description_yields_to_dated_positions(resume_from):
    text = (
        "Summary\nData scientist with a background in economics.\n\n"
        "Experience\nData Analyst, Acme Corp, Mar 2019 – Feb 2022\n- Built reports\n"
    )
    assert build_profile(resume_from(text), (), reference_date=REF).titles == ("Data Analyst",)


def test_profile_titles_latest_first(profile):
    assert profile.titles[0] == "Senior Data Scientist"


@pytest.mark.parametrize(
    ("text", "years"),
    [
        ("Requirements: 5+ years of experience in ML", 5.0),
        ("3-5 years of industry experience; 10+ years in software for leads", 10.0),
        ("You bring 4+ yrs building data pipelines", 4.0),
        ("Comes with a 2 year warranty", None),
        ("Founded 25 years ago", None),
    ],
)
def test_profile_stated_years(text, years):
    from resume_fit.profile.timeline import stated_years

    found = stated_years(text)
    assert (found[0] if found else None) == years


def test_profile_stated_years_used_without_positions(resume_from):
    text = "Senior MLOps Engineer\n\nRequirements\n- 6+ years of experience with Kubernetes\n"
    profile = build_profile(resume_from(text), (), reference_date=REF)
    assert profile.total_years == 6.0
    assert "the text states" in profile.years_derivation
    assert profile.seniority == "senior"


def test_profile_range_in_bullet_is_not_a_position(resume_from):
    text = (
        "Experience\nData Engineer | Acme | Jan 2019 - Present\n"
        "- Led the warehouse migration (2019-2020) to Snowflake\n"
        "- Data Engineer intern at Beta (2017 - 2018)\n"
    )
    positions = build_profile(resume_from(text), (), reference_date=REF).positions
    assert [p.span.label() for p in positions] == ["2019-01 to present", "2017-07 to 2018-06"]


def test_profile_present_means_the_resumes_own_date(resume_from):
    text = (
        "Last Updated on 21st January 2015\n\nExperience\n"
        "Software Engineer, Acme, Jan 2014 - Present\n- Built services in Python.\n"
    )
    profile = build_profile(resume_from(text), (), reference_date=REF)
    assert profile.reference_date == dt.date(2015, 1, 21)
    assert profile.total_years == pytest.approx(1.1, abs=0.05)
    assert "Last Updated on 21st January 2015" in profile.years_derivation


def test_profile_later_written_date_does_not_move_present(resume_from):
    text = "Updated on June 2030\n\nExperience\nAnalyst, Acme, Jan 2020 - Present\n"
    profile = build_profile(resume_from(text), (), reference_date=REF)
    assert profile.reference_date == REF


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Last Updated on 21st January 2015", dt.date(2015, 1, 21)),
        ("last updated: 03/2019", dt.date(2019, 3, 31)),
        ("Revised on 2018", dt.date(2018, 12, 31)),
        ("We updated the models in 2020", None),
        ("Updated dashboards weekly", None),
    ],
)
def test_profile_written_date_forms(text, expected):
    from resume_fit.profile.dates import written_date

    found = written_date(text, REF)
    assert (found[0] if found else None) == expected
