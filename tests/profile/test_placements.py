"""Placements (issue 11, part 2): internships, assistantships and student posts are positions,
flagged with their kind, counted in total years but never in years in the field, so never in
seniority, rung gates or the experience component. Invented resumes."""

from __future__ import annotations

import datetime as dt

import pytest

from resume_fit.parse import parse_text
from resume_fit.profile import build_profile
from resume_fit.profile.timeline import placement_kind

AS_OF = dt.date(2026, 6, 30)

STUDENT = """Priya Ramanathan
priya.r@example.com

Experience
Data Science Intern, Harlow Analytics, Jun 2025 - Aug 2025
- Built a churn model in Python with scikit-learn and pandas.
Graduate Teaching Assistant, University of Leeds, Sep 2023 - Present
- Taught SQL and Python labs for statistics courses.
Machine Learning Intern | Kestrel Systems | Summer 2024
- Trained PyTorch models and tuned them with pandas pipelines.

Education
MSc Data Science, University of Leeds, 2023 - 2026

Skills
Python, SQL, PyTorch, scikit-learn, pandas
"""


@pytest.mark.parametrize(
    ("header", "kind"),
    [
        ("Data Science Intern, Harlow Analytics", "internship"),
        ("Software Engineering Co-op | Kestrel Systems", "internship"),
        ("Summer Internship - Pinecrest Bank", "internship"),
        ("Werkstudent Data Analytics, Alder GmbH", "internship"),
        ("Graduate Research Assistant, Dept. of Statistics", "assistantship"),
        ("Teaching Assistant, Machine Learning (CS 4780)", "assistantship"),
        ("PhD Candidate, Vision Lab", "student"),
        ("Student Nurse, Riverside General Hospital", "student"),
        ("Data Analyst (Volunteer), Harlow Food Bank", "volunteering"),
        ("Lead Developer, Capstone Project with Kestrel Systems", "project"),
        ("Project Manager, Kestrel Systems", ""),
        ("Community Health Analyst, Riverside Community Trust", ""),
        ("Student Success Manager, Harlow College", ""),
        ("Research Assistant Professor, School of Computing", ""),
        ("Placement Coordinator, Harlow College", ""),
        ("Senior Data Scientist, Harlow Analytics", ""),
        ("Graduate Data Scientist, Kestrel Systems", ""),
    ],
)
def test_placements_kind_from_the_header(header: str, kind: str) -> None:
    assert placement_kind(header) == kind


@pytest.mark.parametrize(
    ("title", "kind"),
    [
        ("Graduate Research Assistant & Postdoctoral Researcher", ""),
        ("Data Engineer / Intern", ""),
        ("Teaching Assistant / Tutor", "assistantship"),
    ],
)
def test_placements_a_joint_title_with_a_post_is_that_post(title: str, kind: str) -> None:
    assert placement_kind(title + ", University of Kent", title) == kind


def test_placements_are_positions_and_total_years_but_not_years_in_the_field() -> None:
    profile = build_profile(parse_text(STUDENT, "student.txt"), (), reference_date=AS_OF)
    assert [p.placement for p in profile.positions] == ["internship", "assistantship", "internship"]
    assert profile.total_years is not None and profile.total_years >= 2.5
    assert profile.years_in_field() == 0.0
    assert profile.seniority == "entry"
    assert "internship, 2025-06 to 2025-08" in profile.positions[0].label()


def test_placements_beside_a_job_leave_the_job_years() -> None:
    text = STUDENT.replace(
        "Experience\n",
        "Experience\nData Scientist, Corvid AI, Jan 2024 - Present\n- Shipped forecasts.\n",
    )
    profile = build_profile(parse_text(text, "mixed.txt"), (), reference_date=AS_OF)
    assert [p.placement for p in profile.positions][0] == ""
    assert profile.years_in_field() == 2.5  # 2024-01 .. 2026-06, the internships add nothing
    assert profile.seniority == "mid"


def test_placements_are_shown_as_such_in_the_reports() -> None:
    from resume_fit.api import analyze_text
    from resume_fit.report.json import report_to_dict
    from resume_fit.report.markdown import render_markdown

    report = analyze_text(STUDENT, "student.txt", AS_OF)
    positions = report_to_dict(report)["profile"]["positions"]
    assert [p["placement"] for p in positions] == ["internship", "assistantship", "internship"]
    assert "| Data Science Intern (internship) | Harlow Analytics |" in render_markdown(report)
