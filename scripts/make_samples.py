"""Write the bundled sample resumes in samples/ (run once; the outputs are committed).

    python scripts/make_samples.py

``data_analyst.docx`` is built with python-docx (header, bullet paragraphs and a skills table, the
parts a real Word resume has). ``ml_engineer.pdf`` is built the same way and converted to PDF with
LibreOffice (``soffice``, Debian package libreoffice-writer-nogui), so the committed PDF has the
font embedding and layout objects of a real exported resume rather than a hand-made PDF. The people
are fictional.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from docx import Document
from docx.shared import Pt

SAMPLES = Path("samples")

ML_ENGINEER = {
    "name": "Alex Chen",
    "contact": "Machine Learning Engineer | Berlin, Germany | alex.chen@example.com | "
    "github.com/alexchen-ml | linkedin.com/in/alexchen-ml",
    "sections": [
        (
            "Summary",
            [
                "Machine learning engineer with 6 years of experience taking models from notebook "
                "to production. I build training pipelines in Python and PyTorch, serve models on "
                "Kubernetes and keep them healthy with monitoring and automated retraining."
            ],
        ),
        (
            "Experience",
            [
                "Senior Machine Learning Engineer, Lumina Retail GmbH, Berlin — Mar 2021 – Present",
                "• Built a PyTorch recommendation model serving 3M users; p95 latency 40 ms "
                "behind a FastAPI service on Kubernetes (AWS EKS).",
                "• Moved training to Airflow and MLflow with DVC for data versioning; model "
                "releases went from monthly to weekly through a GitHub Actions CI/CD pipeline.",
                "• Added drift detection and model monitoring with Prometheus and Grafana; "
                "retraining is triggered automatically.",
                "• Mentor two junior engineers; run the team's A/B testing reviews with product.",
                "Machine Learning Engineer, Fintrack Ltd, London — Jul 2018 – Feb 2021",
                "• Trained gradient boosting models (XGBoost, LightGBM) for fraud detection on "
                "Spark; cut false positives by 18%.",
                "• Packaged models in Docker and deployed them to SageMaker; wrote the feature "
                "pipelines in SQL and PySpark.",
            ],
        ),
        (
            "Projects",
            [
                "Open-source contributor to a Hugging Face Transformers fine-tuning toolkit: "
                "LoRA fine-tuning of LLMs for text classification.",
            ],
        ),
        (
            "Education",
            [
                "M.Sc. Computer Science, Technical University of Munich, 2016 – 2018",
                "B.Sc. Mathematics, University of Leeds, 2013 – 2016",
            ],
        ),
        (
            "Skills",
            [
                "Languages: Python, SQL, Bash, Go",
                "ML: PyTorch, TensorFlow, scikit-learn, XGBoost, pandas, NumPy",
                "MLOps: Docker, Kubernetes, MLflow, DVC, Airflow, Terraform, Git",
                "Cloud: AWS (SageMaker, S3, EKS), GCP (BigQuery)",
            ],
        ),
    ],
}

DATA_ANALYST = {
    "name": "Priya Natarajan",
    "contact": "Data Analyst | Manchester, UK | priya.n@example.com | +44 7700 900123",
    "sections": [
        (
            "Profile",
            [
                "Data analyst with 4 years in e-commerce and retail banking. "
                "I turn messy data into "
                "dashboards and recommendations that product and finance teams act on."
            ],
        ),
        (
            "Work Experience",
            [
                "Data Analyst — Northgate Bank, Manchester (Sep 2022 – Present)",
                "• Own the weekly KPI dashboards in Tableau and Power BI used by 60 managers.",
                "• Wrote SQL on Snowflake to model customer churn drivers; the findings shaped "
                "a retention campaign that lowered churn by 2 points.",
                "• Ran A/B tests on onboarding emails and presented the results to stakeholders.",
                "Junior Analyst — ShopWave, Leeds (Jun 2020 – Aug 2022)",
                "• Built Excel and Python (pandas, Matplotlib) reports on sales and returns.",
                "• Cleaned product data and automated a monthly report, saving 6 hours a month.",
            ],
        ),
        (
            "Education",
            [
                "BSc Economics, University of Manchester, 2017 – 2020",
                "Google Data Analytics Professional Certificate, 2021",
            ],
        ),
    ],
    "skills_table": [
        ("Analysis", "SQL, Excel, Python (pandas), statistics, A/B testing"),
        ("Visualisation", "Tableau, Power BI, Matplotlib, Seaborn"),
        ("Other", "Stakeholder management, communication, Agile"),
    ],
}


def _heading(document: Document, text: str) -> None:
    paragraph = document.add_paragraph()
    run = paragraph.add_run(text.upper())
    run.bold = True
    run.font.size = Pt(12)


def _build(person: dict, contact_in_header: bool) -> Document:
    document = Document()
    title = document.add_paragraph()
    run = title.add_run(person["name"])
    run.bold = True
    run.font.size = Pt(18)
    if contact_in_header:
        document.sections[0].header.paragraphs[0].text = person["contact"]
    else:
        document.add_paragraph(person["contact"])
    for heading, lines in person["sections"]:
        _heading(document, heading)
        for line in lines:
            document.add_paragraph(line)
    if "skills_table" in person:
        _heading(document, "Skills")
        table = document.add_table(rows=0, cols=2)
        for label, value in person["skills_table"]:
            cells = table.add_row().cells
            cells[0].text = label
            cells[1].text = value
    return document


def main() -> int:
    SAMPLES.mkdir(exist_ok=True)
    _build(DATA_ANALYST, contact_in_header=True).save(SAMPLES / "data_analyst.docx")
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        print("soffice not found: apt-get install libreoffice-writer-nogui", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "ml_engineer.docx"
        _build(ML_ENGINEER, contact_in_header=False).save(source)
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp, str(source)],
            check=True,
            capture_output=True,
        )
        shutil.copyfile(Path(tmp) / "ml_engineer.pdf", SAMPLES / "ml_engineer.pdf")
    print("wrote samples/data_analyst.docx, samples/ml_engineer.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main())
