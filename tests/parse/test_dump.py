"""A resume flattened into one long line, as scraped resume datasets hold them (issue 11: the
public "Data Science" resumes): headings and list markers are put back on lines of their own, so
sections are found and a skill shown in the work history reads as used. Invented texts."""

from __future__ import annotations

from resume_fit.parse import parse_text
from resume_fit.parse.normalize import clean_line

FLAT = (
    "Skills * Python * Machine Learning * SQL * Tableau Education Details January 2016 B.E. "
    "Electronics Nagpur Institute of Technology Data Analyst Data Analyst - Orbit Retail Skill "
    "Details PYTHON- Exprience - 24 monthsSQL- Exprience - 36 monthsCompany Details company - "
    "Orbit Retail description - * Built weekly sales forecasts with ARIMA and XGBoost* Automated "
    "reports in Python and SQL* Presented dashboards in Tableau to category managers"
)


def test_a_flattened_resume_gets_its_sections_back() -> None:
    resume = parse_text(FLAT)
    kinds = [s.kind for s in resume.sections if s.heading]
    assert kinds == ["skills", "education", "skills", "experience"]
    assert "\n- Built weekly sales forecasts with ARIMA and XGBoost\n" in resume.text


def test_a_long_paragraph_is_not_cut_at_its_capitalised_words() -> None:
    text = (
        "Summary\n"
        "Data scientist whose Work Experience spans retail and banking, with models in "
        "production for pricing, churn and fraud. I like Python and SQL, Spark when the data "
        "is large, and a notebook that runs from the top. Most of my Projects ended in a "
        "service or a dashboard that someone uses every week, and I write things down.\n"
    )
    assert parse_text(text).text.count("\n") == text.rstrip().count("\n")


def test_mojibake_and_glued_markers_are_repaired() -> None:
    assert clean_line("random forestâ¢ Deployed on AWSâ¢ Created") == (
        "random forest • Deployed on AWS • Created"
    )
    assert clean_line("Managerâ€™s role â€“ CafÃ© owner") == "Manager’s role – Café owner"
    assert clean_line("AWS•Azure•GCP") == "AWS • Azure • GCP"
    assert clean_line("• Led a team") == "- Led a team"
