"""The library API: lazy import, one way through the stages, text scored like files."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import resume_fit
from resume_fit.api import analyze_text, render_json

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
AS_OF = dt.date(2026, 6, 30)


def test_api_import_does_no_work() -> None:
    code = (
        "import sys, resume_fit; "
        "heavy = {'spacy', 'pdfminer', 'docx', 'pandas', 'rapidfuzz'} & set(sys.modules); "
        "print(sorted(heavy))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"


def test_api_analyze_returns_ranked_report() -> None:
    report = resume_fit.analyze(SAMPLES / "ml_engineer.pdf", reference_date=AS_OF)
    scores = [fit.score for fit in report.roles]
    assert scores == sorted(scores, reverse=True)
    assert report.roles[0].id in {"ml-engineer", "mlops-engineer", "ml-platform-engineer"}
    assert report.profile.total_years is not None and 6 <= report.profile.total_years <= 9


def test_api_text_scores_the_same_as_a_file(tmp_path: Path) -> None:
    text = (SAMPLES / "nontech_chef.txt").read_text(encoding="utf-8")
    from_text = resume_fit.analyze_text(text, source="chef", reference_date=AS_OF)
    copy = tmp_path / "chef.txt"
    copy.write_text(text, encoding="utf-8")
    from_file = resume_fit.analyze(copy, reference_date=AS_OF)
    assert [(f.id, f.score) for f in from_text.roles] == [(f.id, f.score) for f in from_file.roles]
    assert [s.id for s in from_text.skills] == [s.id for s in from_file.skills]


def test_api_job_description_ranks_its_own_role_first() -> None:
    posting = """Senior MLOps Engineer

About the role
You will own our model deployment platform: CI/CD for models, model registry and monitoring.

Requirements
- 4+ years with Docker, Kubernetes and Terraform on AWS
- MLflow or Kubeflow for experiment tracking and model versioning
- Jenkins or GitHub Actions pipelines; drift detection and model monitoring
- Python and Bash; Git
"""
    report = resume_fit.analyze_text(posting, source="posting", reference_date=AS_OF)
    assert report.roles[0].id == "mlops-engineer"


def test_api_match_posting_accepts_paths_texts_and_parsed_objects(tmp_path) -> None:
    from resume_fit.api import read_job
    from resume_fit.parse import parse_file

    posting_text = (
        "Data Analyst\nRequirements\n- 2+ years of SQL\n- Tableau or Power BI\n"
        "- Excel\nNice to have\n- Familiarity with Python\n"
    )
    path = tmp_path / "analyst.md"
    path.write_text(posting_text, encoding="utf-8")
    sample = SAMPLES / "data_analyst.docx"
    day = AS_OF
    from_paths = resume_fit.match_posting(sample, path, day)
    from_text = resume_fit.match_posting(str(sample), posting_text, day)
    from_objects = resume_fit.match_posting(parse_file(sample), read_job(path), day)
    assert from_paths.fit.score == from_text.fit.score == from_objects.fit.score
    assert from_paths.fit.score > 50
    assert resume_fit.render_match_json(from_paths) == resume_fit.render_match_json(from_objects)
    markdown = resume_fit.render_match_markdown(from_paths)
    assert "SQL (2+ years)" in markdown


def test_api_score_folder_with_postings_ranks_by_job_score(tmp_path) -> None:
    from resume_fit.batch import score_folder

    for name in ("ml_engineer.pdf", "data_analyst.docx"):
        (tmp_path / name).write_bytes((SAMPLES / name).read_bytes())
    posting = "Data Analyst\nRequirements\n- SQL\n- Tableau\n- Excel\n- A/B testing\n"
    table = score_folder(tmp_path, jobs=0, postings=[posting])
    assert list(table["path"].map(lambda p: p.rsplit("/", 1)[-1])) == [
        "data_analyst.docx",
        "ml_engineer.pdf",
    ]
    assert {"job_score", "job_posting_score", "job_posting_required", "job_posting_missing"} <= set(
        table.columns
    )


GERMAN_RESUME = """Miriam Vogel
Berufserfahrung
2019 - 2024 Data Scientist, Kontoso Versicherung
- Entwicklung von Modellen zur Betrugserkennung mit Python, scikit-learn und SQL
- Ich habe die Pipelines auf Airflow umgestellt und mit dem Team die Dashboards in Tableau gebaut
Ausbildung
2013 - 2019 Master Informatik, Universität Leipzig
Kenntnisse
Python, SQL, scikit-learn, Airflow, Tableau, Docker
"""


def test_api_non_english_resume_warned_and_still_scored() -> None:
    report = analyze_text(GERMAN_RESUME, "lebenslauf.txt", reference_date=dt.date(2025, 1, 1))
    assert report.language == "de"
    assert any("German" in w and "English only" in w for w in report.warnings)
    assert {"python", "sql", "scikit-learn"} <= {s.id for s in report.skills}
    assert report.roles[0].score > 0
    data = json.loads(render_json(report))
    assert data["language"] == "de"
    kinds = [s["kind"] for s in data["sections"]]
    assert kinds == ["contact", "experience", "education", "skills"]
    assert data["sections"][-1]["end"] == len(GERMAN_RESUME.rstrip("\n"))
