"""Rungs need evidence of the rung, specialisms weight of evidence, postings are read as postings.

Every text here is invented. Scores go through the shipped lexicon and catalogue.
"""

from __future__ import annotations

import datetime as dt

import pytest

from resume_fit.api import analyze_text

AS_OF = dt.date(2026, 6, 30)
RUNGS = ("lead-data-scientist", "ml-engineering-manager", "head-of-ai", "ai-architect")

JUNIOR_DS_UNDATED = """Priya Raman
Data Scientist

Summary
Data scientist who builds predictive models and explains them to stakeholders. Strong
communication, leadership in student societies, mentoring of new members.

Projects
- Churn prediction: Python, pandas, scikit-learn, XGBoost, SQL; statistics and hypothesis tests.
- Demand forecasting with time series analysis and regression; dashboards in Tableau.

Skills
Python, R, SQL, machine learning, statistics, scikit-learn, pandas, NumPy, Matplotlib, Git

Education
MSc Data Science, University of Leeds
"""

LEAD_DS = """Marcus Holt
Lead Data Scientist

Experience
Lead Data Scientist, Fernway Bank (2019 - Present)
- Led a team of 7 data scientists; hired four and mentored all of them.
- Managed a team roadmap with stakeholders; direct reports ran A/B testing and causal inference.
- Built credit models in Python with scikit-learn and XGBoost; statistics and machine learning.
Data Scientist, Fernway Bank (2013 - 2019)
- Built churn models in Python and SQL with scikit-learn; statistics, hypothesis testing.

Skills
Python, SQL, machine learning, statistics, leadership, stakeholder management, communication

Education
MSc Statistics, University of Bristol
"""

MLE_ONE_IMAGE_PROJECT = """Tomasz Lindqvist
Machine Learning Engineer

Experience
Machine Learning Engineer, Corvex Retail (2021 - Present)
- Deployed ranking and forecasting models with Docker on AWS; CI/CD with GitHub Actions.
- Served models with FastAPI; monitoring with Prometheus; MLflow for experiment tracking.
- Built feature pipelines in Python, SQL and Spark; scikit-learn, XGBoost and PyTorch models.
Software Engineer, Corvex Retail (2018 - 2021)
- Built REST APIs in Python and Go; PostgreSQL, Redis, Kubernetes, Terraform, Linux, Bash.

Projects
- Shelf photos: an image classification model with OpenCV and PyTorch for computer vision.

Skills
Python, SQL, Go, machine learning, deep learning, PyTorch, scikit-learn, XGBoost, Docker,
Kubernetes, AWS, MLflow, Spark, Airflow, Git, Linux
"""

CV_ENGINEER = """Aiko Brandt
Computer Vision Engineer

Experience
Computer Vision Engineer, Lumetric Robotics (2020 - Present)
- Trained object detection and image segmentation models (YOLO, CNNs) in PyTorch.
- Image processing with OpenCV; camera calibration; TensorRT and ONNX for edge inference.
- Deep learning for image classification and object tracking on warehouse robots.
Perception Intern, Lumetric Robotics (2019 - 2020)
- Computer vision for pose estimation with OpenCV and C++.

Skills
Python, C++, PyTorch, OpenCV, computer vision, deep learning, CUDA, Docker, Linux

Education
MSc Computer Vision, KTH
"""

ML_POSTING = """Machine Learning Engineer

About us
Norsel builds software for 900 clinics. We value leadership, communication, teamwork and
stakeholder management, and our people managers grow strong teams.

What you'll do
- Train and deploy models with PyTorch and scikit-learn on AWS.
- Package services with Docker and ship them with CI/CD; monitor models in production.

Requirements
- 3+ years of Python and SQL; solid machine learning and software engineering.
- Experience with Kubernetes.

Nice to have
- MLflow, Airflow.

Benefits
- Private health insurance, learning budget, product roadmap days with the whole company.

Norsel hires as an equal opportunity employer, and prizes strong communication and diversity.
"""


def _rank(report) -> list[str]:
    return [fit.id for fit in report.roles]


def test_gates_undated_junior_never_gets_a_rung_first():
    report = analyze_text(JUNIOR_DS_UNDATED, "junior.txt", AS_OF)
    ranked = _rank(report)
    assert ranked[0] not in RUNGS
    assert ranked.index("data-scientist-ml") < ranked.index("lead-data-scientist")
    lead = report.role("lead-data-scientist")
    rung = lead.component("rung")
    assert rung.contribution < 0
    assert lead.gate_evidence < 1


def test_gates_lead_with_title_and_scope_keeps_the_rung():
    report = analyze_text(LEAD_DS, "lead.txt", AS_OF)
    lead = report.role("lead-data-scientist")
    assert lead.gate_evidence == 1.0
    assert lead.component("rung").contribution == 0
    assert lead.ceiling is None
    assert _rank(report).index("lead-data-scientist") < 3


def test_gates_one_image_project_leaves_the_generalist_first():
    report = analyze_text(MLE_ONE_IMAGE_PROJECT, "mle.txt", AS_OF)
    ranked = _rank(report)
    assert ranked.index("ml-engineer") < ranked.index("computer-vision-engineer")
    assert report.role("computer-vision-engineer").gate_evidence < 1


def test_gates_vision_resume_gets_the_specialism_first():
    report = analyze_text(CV_ENGINEER, "cv.txt", AS_OF)
    assert _rank(report)[0] == "computer-vision-engineer"
    assert report.role("computer-vision-engineer").gate_evidence == 1.0


@pytest.mark.parametrize("text", [JUNIOR_DS_UNDATED, LEAD_DS, MLE_ONE_IMAGE_PROJECT, ML_POSTING])
def test_gates_every_score_recomputes_from_its_components(text):
    for fit in analyze_text(text, "x.txt", AS_OF).roles:
        assert round(sum(c.contribution for c in fit.components), 1) == fit.score
        if fit.ceiling is not None:
            assert fit.score <= fit.ceiling


def test_gates_posting_is_read_as_a_posting():
    report = analyze_text(ML_POSTING, "posting.txt", AS_OF)
    assert report.profile.posting.is_posting
    assert report.profile.titles[0] == "Machine Learning Engineer"
    ranked = _rank(report)
    assert ranked[0] == "ml-engineer"
    # Soft skills and the roadmap in the company text do not pull toward leadership or product.
    for role in (*RUNGS, "ai-product-manager"):
        assert report.role(role).score < report.role("ml-engineer").score - 20
    for fit in report.roles:
        assert "leadership" not in fit.matched
        assert "product-roadmap" not in fit.matched


def test_gates_posting_requirements_count_as_required_and_extras_as_listed():
    report = analyze_text(ML_POSTING, "posting.txt", AS_OF)
    usage = {r.met_by: r.usage for r in report.role("ml-engineer").requirements if r.met_by}
    assert usage["docker"] == "demonstrated"
    assert usage.get("mlflow", "listed") == "listed"


ECONOMIST = """Helena Marsh
Economist

Experience
Senior Economist, Halden Institute (2019 - Present)
- Research on labour markets with Stata and R; regression, panel data and statistics.
- Wrote policy reports; SQL and Excel for data analysis; Tableau dashboards.

Publications
- Marsh, H. (2024). Wages and commuting. Journal of Regional Economics.
- Marsh, H. and Ode, K. (2023). Rent and mobility. Urban Studies Review.
- Marsh, H. (2022). Minimum wages in small towns. Labour Economics Letters.

Education
PhD Economics, University of Warwick
"""


def test_gates_papers_without_machine_learning_are_not_ml_research():
    report = analyze_text(ECONOMIST, "economist.txt", AS_OF)
    research = report.role("ml-research-scientist")
    assert "not counted without" in research.component("focus").detail
    assert report.roles[0].id not in ("ml-research-scientist", "research-engineer")


STAFF_MLE = """Jonas Feld

Industry Experience
Fabrikam, Inc  September 2013 - Present
Staff Machine Learning Engineer
Seattle, WA
Built the ranking models and the feature service in Python and C++; deployed with Docker on AWS.
Trained deep learning models in PyTorch; CI/CD with Jenkins; machine learning in production.
Contoso  November 2010 - September 2013
Software Engineer
Distributed systems and microservices in Java; stakeholder communication.

Skills
Python, C++, machine learning, deep learning, PyTorch, Docker, AWS, Kubernetes, MLOps
"""


def test_gates_level_word_alone_is_partial_rung_evidence():
    # "Staff" shows an architect's level, not architecture work: AI Architect stays under its
    # base role, though the years and the title lift its evidence above none.
    report = analyze_text(STAFF_MLE, "staff.txt", AS_OF)
    assert report.profile.titles[0] == "Staff Machine Learning Engineer"
    architect = report.role("ai-architect")
    assert 0 < architect.gate_evidence < 1
    ranked = _rank(report)
    assert ranked.index("ml-engineer") < ranked.index("ai-architect")
    assert ranked[0] == "ml-engineer"


def test_gates_function_word_in_the_title_is_full_rung_evidence():
    text = STAFF_MLE.replace("Staff Machine Learning Engineer", "Machine Learning Architect")
    assert analyze_text(text, "architect.txt", AS_OF).role("ai-architect").gate_evidence == 1.0


STUDENT_LEAD = """Noor Haddad
Data Science Lead

Experience
Data Science Lead, University Analytics Society (Sep 2025 - Present)
- Led a team of 5 students; mentored new members; presented to stakeholders.
- Built churn models in Python with scikit-learn and XGBoost; SQL; statistics.

Skills
Python, SQL, machine learning, statistics, scikit-learn, pandas, leadership, communication

Education
BSc Data Science, University of Leeds (2023 - 2027, expected)
"""


# The same, without the dated position: only the headline says "Lead".
STUDENT_LEAD_UNDATED = (
    STUDENT_LEAD.split("Experience")[0] + "Skills" + STUDENT_LEAD.split("Skills")[1]
)


@pytest.mark.parametrize("text", [STUDENT_LEAD, STUDENT_LEAD_UNDATED])
def test_gates_junior_or_undated_lead_title_stays_under_the_base_role(text):
    report = analyze_text(text, "student.txt", AS_OF)
    lead = report.role("lead-data-scientist")
    assert lead.gate_evidence < 1
    ranked = _rank(report)
    assert ranked.index("data-scientist-ml") < ranked.index("lead-data-scientist")
    assert ranked[0] not in RUNGS


HEAD_OF_AI = """Amara Osei

Experience
Head of AI, Lumenfold Analytics (2019 - Present)
- Built the AI team from two to nine people; set the roadmap with the product leadership.
- Shipped recommendation and image models in Python with PyTorch and scikit-learn.
Senior Data Scientist, Quillmark Insurance (2014 - 2019)
- Pricing models in Python and SQL; statistics and machine learning; A/B testing.

Skills
Python, SQL, machine learning, deep learning, PyTorch, scikit-learn, statistics, leadership

Education
MSc Computer Science, University of Porto
"""


def test_gates_a_title_another_rung_names_shows_only_the_level_here():
    # "Head of AI" is the head-of-AI rung's own title: its "head" is full evidence there, and
    # only the level for the ML manager and lead data scientist rungs, which then stay under
    # their base roles without scope phrases.
    report = analyze_text(HEAD_OF_AI, "head.txt", AS_OF)
    assert report.profile.titles[0] == "Head of AI"
    assert report.role("head-of-ai").gate_evidence == 1.0
    for rung in ("ml-engineering-manager", "lead-data-scientist"):
        assert report.role(rung).gate_evidence < 1.0
    ranked = _rank(report)
    assert ranked.index("ml-engineer") < ranked.index("ml-engineering-manager")
    assert ranked[0] != "ml-engineering-manager"


@pytest.mark.parametrize(
    ("title", "rung"),
    [
        ("Director of ML", "ml-engineering-manager"),
        ("Head of Machine Learning", "ml-engineering-manager"),
        ("Director of Data Science", "lead-data-scientist"),
        ("Chief AI Officer", "head-of-ai"),
    ],
)
def test_gates_a_rung_title_is_full_evidence_for_its_own_rung(title, rung):
    text = HEAD_OF_AI.replace("Head of AI,", f"{title},")
    report = analyze_text(text, "head.txt", AS_OF)
    assert report.profile.titles[0] == title
    assert report.role(rung).gate_evidence == 1.0
    assert report.role(rung).component("title").value > 0


@pytest.mark.parametrize("title", ["Staff Data Scientist", "Principal Machine Learning Engineer"])
def test_gates_staff_and_principal_are_senior_individual_contributors(title):
    # The level of a lead, not a team to lead: without management scope the lead data
    # scientist and manager rungs stay under their base roles.
    text = HEAD_OF_AI.replace("Head of AI,", f"{title},").replace(
        "Built the AI team from two to nine people; set the roadmap with the product leadership.",
        "Designed the forecasting service and reviewed model code.",
    )
    report = analyze_text(text, "staff.txt", AS_OF)
    for rung in ("lead-data-scientist", "ml-engineering-manager", "head-of-ai"):
        assert report.role(rung).gate_evidence < 1.0
    assert _rank(report)[0] not in RUNGS


JUNIOR_HEAD_OF_AI = """Sam Okafor

Experience
Head of AI, Tinyloop (startup) (Jan 2025 - Present)
- Built the first recommendation models in Python with scikit-learn and PyTorch; SQL.
- Led two interns; set the roadmap with the founders.

Skills
Python, SQL, machine learning, PyTorch, scikit-learn, statistics, leadership, communication

Education
BSc Computer Science, University of Lagos, 2020 - 2024
"""


def test_gates_junior_with_a_rung_title_gets_no_rung_first():
    # The rung's own title, weighed twice as a resume title, still does not lift a rung over
    # its base roles with under rung_min_years of dated work.
    report = analyze_text(JUNIOR_HEAD_OF_AI, "junior_head.txt", AS_OF)
    assert report.profile.total_years is not None and report.profile.total_years < 2
    assert report.role("head-of-ai").gate_evidence < 1.0
    assert _rank(report)[0] not in RUNGS


# One NLP project among four, naming many language tools on its one line; no title.
GRADUATE_ONE_NLP_PROJECT = """Lucas Moreau
lucas.moreau@example.com

Education
MSc Computer Science, 2025

Projects
Review analysis: fine-tuned BERT with Hugging Face Transformers for sentiment analysis; named
entity recognition with spaCy; text preprocessing with NLTK.
Credit scoring: gradient boosting with XGBoost and scikit-learn, feature engineering in pandas.
Model serving: packaged the credit model in Docker behind a FastAPI service on AWS with CI/CD.
Demand forecasting: time series models with Prophet and LightGBM; dashboards in Streamlit.

Skills
Python, SQL, PyTorch, scikit-learn, XGBoost, pandas, Docker, FastAPI, AWS, Git, BERT, spaCy, NLTK
"""

# The same person, with language work on most lines.
GRADUATE_NLP_WORK = """Lucas Moreau
lucas.moreau@example.com

Education
MSc Computer Science, 2025

Projects
Review analysis: fine-tuned BERT with Hugging Face Transformers for sentiment analysis.
Legal search: named entity recognition with spaCy and information retrieval over 2M contracts.
Support triage: text classification of tickets with fastText and NLTK preprocessing.
Summaries: text summarization of meeting notes with Transformers, served with FastAPI on AWS.

Skills
Python, PyTorch, Transformers, spaCy, NLTK, scikit-learn, Docker, FastAPI, AWS, Git
"""


def test_gates_one_language_project_among_many_leaves_the_generalist_first():
    report = analyze_text(GRADUATE_ONE_NLP_PROJECT, "cv.txt", AS_OF)
    ranked = _rank(report)
    assert ranked.index("nlp-engineer") > min(
        ranked.index("ml-engineer"), ranked.index("data-scientist-ml")
    )
    nlp = report.role("nlp-engineer")
    assert nlp.gate_evidence < 1
    assert "work lines" in nlp.component("focus").detail


def test_gates_language_work_on_most_lines_gets_the_specialism_first():
    report = analyze_text(GRADUATE_NLP_WORK, "cv.txt", AS_OF)
    assert _rank(report)[0] == "nlp-engineer"
    assert report.role("nlp-engineer").gate_evidence == 1.0


SENIOR_DS_AFTER_POSTDOC = """Hannah Schulz
hannah.schulz@example.com

Experience
Senior Data Scientist, Mobility GmbH, 2022 - Present
- Pricing models with gradient boosting and Bayesian hierarchical models in PyMC.
- Deployed models with Docker on AWS SageMaker together with engineers.
Postdoctoral Researcher, TU Munich, 2019 - 2022
- Deep learning for traffic forecasting in PyTorch; published at KDD and NeurIPS workshops.

Publications
Schulz H. et al. Graph networks for traffic. KDD 2021.
Schulz H., Maier P. Uncertainty in demand forecasting. NeurIPS workshop 2020.

Skills
Python, PyTorch, PyMC, scikit-learn, SQL, statistics, Bayesian inference, AWS, Docker

Education
PhD Computer Science, TU Munich, 2019
"""


def test_gates_a_latest_title_naming_the_base_role_keeps_the_specialism_under_it():
    # Papers and a PhD are full research evidence, but the latest title says the person is a
    # data scientist now: ML Research Scientist comes right under Data Scientist, not over it.
    report = analyze_text(SENIOR_DS_AFTER_POSTDOC, "cv.txt", AS_OF)
    ranked = [fit.id for fit in report.roles]
    assert ranked[:2] == ["data-scientist-ml", "ml-research-scientist"]
    focus = report.role("ml-research-scientist").component("focus")
    assert "'Senior Data Scientist' names its base role" in focus.detail


def test_gates_a_specialism_title_is_not_held_back_by_its_base_roles():
    text = SENIOR_DS_AFTER_POSTDOC.replace("Senior Data Scientist,", "Research Scientist,")
    report = analyze_text(text, "cv.txt", AS_OF)
    assert report.roles[0].id == "ml-research-scientist"
    assert (
        "names its base role" not in report.role("ml-research-scientist").component("focus").detail
    )
