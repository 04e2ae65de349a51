"""A degree's subject meets a requirement for that field (resume_fit.match.subjects). Issue 11.

Every resume here is invented.
"""

from __future__ import annotations

import datetime as dt

import pytest

from resume_fit.api import analyze_text
from resume_fit.lexicon import load_lexicon
from resume_fit.match.credit import DEGREE
from resume_fit.match.subjects import degree_subjects
from resume_fit.profile.education import Degree, Education
from resume_fit.report.markdown import render_markdown

AS_OF = dt.date(2026, 12, 1)

# A data scientist whose statistics is only in the degree, with one language project among
# several: NLP Engineer ranked first before the degree counted.
STATISTICIAN_DS = """Tomasz Wierzbicki
Data Scientist

EXPERIENCE
Senior Data Scientist, Meridian Health, 2019 - present
- Built NLP models to extract diagnoses from clinical notes using spaCy and BERT (Hugging Face
Transformers).
- Trained gradient boosted models for readmission risk; explained predictions with SHAP.
- Deployed models as REST APIs with FastAPI and Docker on AWS SageMaker.
Data Scientist, Northgate Insurance, 2016 - 2019
- Pricing models with GLMs in R; customer segmentation with k-means.

EDUCATION
PhD Statistics, 2016

SKILLS
Python, R, SQL, scikit-learn, PyTorch, Transformers, spaCy, SHAP, Docker, AWS, Spark
"""


def _education(*fields: str) -> Education:
    degrees = tuple(
        Degree("master", field, f"MSc {field}, 2020", start=40 * i)
        for i, field in enumerate(fields)
    )
    return Education("master", fields[0] if fields else "", degrees, 0, 0, "")


@pytest.mark.parametrize(
    ("field", "expected"),
    [
        ("Statistics", ["statistics"]),
        ("Applied Mathematics", ["mathematics"]),
        ("Mathematics and Statistics", ["mathematics", "statistics"]),
        ("Physics / Economics", ["physics", "economics"]),
        ("Electrical and Computer Engineering", ["electrical-engineering"]),
        ("Computer Science (Hons)", ["computer-science"]),
        ("History of Art", []),
        ("", []),
    ],
)
def test_subjects_a_field_names_its_subject_skills(field: str, expected: list[str]) -> None:
    found = degree_subjects(_education(field), load_lexicon())
    assert list(found) == expected


def test_subjects_keep_the_degree_line_they_come_from() -> None:
    found = degree_subjects(_education("Statistics", "Data Science"), load_lexicon())
    assert found == {"statistics": "MSc Statistics, 2020", "data-science": "MSc Data Science, 2020"}


def test_subjects_meet_a_requirement_as_degree_and_lift_the_titled_role() -> None:
    report = analyze_text(STATISTICIAN_DS, "cv.txt", AS_OF)
    # The degree's field is still not a skill found in the text ...
    assert "statistics" not in {s.id for s in report.skills}
    # ... but it meets Data Scientist's statistics requirement, shown as the degree.
    ds = report.role("data-scientist-ml")
    assert ds is not None
    stats = next(r for r in ds.requirements if "statistics" in r.options)
    assert (stats.met_by, stats.via, stats.usage) == ("statistics", "exact", DEGREE)
    assert stats.credit == 1.0
    assert report.roles[0].id == "data-scientist-ml"
    markdown = render_markdown(report)
    assert '- Statistics (required, degree) — education: "PhD Statistics, 2016"' in markdown


def test_subjects_a_skill_shown_in_the_text_keeps_its_own_usage() -> None:
    text = STATISTICIAN_DS.replace("Pricing models", "Statistics and pricing models")
    ds = analyze_text(text, "cv.txt", AS_OF).role("data-scientist-ml")
    assert ds is not None
    stats = next(r for r in ds.requirements if "statistics" in r.options)
    assert stats.usage == "demonstrated"


def test_subjects_do_not_count_for_a_posting() -> None:
    posting = (
        "Data Scientist\n\nWe are looking for a data scientist to join our team.\n\n"
        "Requirements\n- PhD in Statistics or a related field\n- Python and SQL\n"
        "- Machine learning with scikit-learn\n\nBenefits\n- Remote work\n"
    )
    report = analyze_text(posting, "job.txt", AS_OF)
    assert report.profile.posting.is_posting
    usages = {r.usage for fit in report.roles for r in fit.requirements}
    assert DEGREE not in usages
