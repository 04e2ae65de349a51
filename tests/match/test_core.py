"""A role's core skills: without one (or a narrower one) found, the role keeps part of its points.

Invented resumes. An SRE's Kubernetes, Python, Docker and CI/CD meet most of what ML Engineer, MLOps
Engineer and ML Platform Engineer require, none of their machine learning: those roles lose
``core_discount`` of their points in a ``core`` component that says so, and keep their order among
themselves. An ML engineer's PyTorch is machine learning (a narrower skill), so nothing is taken.
"""

from __future__ import annotations

import datetime as dt

import pytest

from resume_fit.api import analyze_text
from resume_fit.roles import load_catalogue

AS_OF = dt.date(2026, 12, 1)
SRE = """Tomasz Lindqvist
Senior Site Reliability Engineer | Gdansk

Experience
Senior Site Reliability Engineer, Baltic Parcel, Gdansk      Mar 2019 - Present
- Run 25 Kubernetes clusters on AWS (EKS) managed with Terraform and Argo CD.
- Built the observability stack with Prometheus and Grafana; SLOs for 90 services.
- Automated incident runbooks in Python and Bash; moved builds from Jenkins to GitLab CI.
DevOps Engineer, Nordic Ticketing, Gdynia      Jun 2015 - Feb 2019
- Containerised 40 services with Docker and Helm; Ansible for configuration; PostgreSQL on RDS.

Skills
Kubernetes, Docker, Helm, Terraform, Ansible, AWS, Python, Bash, Go, Jenkins, GitLab CI, Linux

Education
BSc Computer Science, Gdansk University of Technology, 2015
"""
MLE = """Amara Eze
Machine Learning Engineer

Experience
Machine Learning Engineer, Kestrel Health, Lagos      Jan 2021 - Present
- Trained PyTorch models for claims triage and served them with FastAPI on AWS.
- Packaged training jobs in Docker; CI/CD with GitHub Actions; tracked runs in MLflow.

Skills
Python, PyTorch, scikit-learn, Docker, AWS, GitHub Actions, MLflow, SQL

Education
MSc Computer Science, University of Lagos, 2020
"""
ML_ROLES = ("ml-engineer", "mlops-engineer", "ml-platform-engineer")


@pytest.mark.parametrize("role_id", ML_ROLES)
def test_core_missing_takes_back_part_of_the_points(role_id):
    fit = analyze_text(SRE, "sre.txt", AS_OF).role(role_id)
    core = fit.component("core")
    discount = load_catalogue().scoring.core_discount
    earned = -core.weight
    assert core.value == discount
    assert core.contribution == pytest.approx(-round(earned * discount, 2))
    assert "Machine learning" in core.detail and "none of" in core.detail
    assert round(sum(c.contribution for c in fit.components), 1) == fit.score


def test_core_keeps_the_order_and_says_the_fit_is_weak():
    report = analyze_text(SRE, "sre.txt", AS_OF)
    ranked = [fit.id for fit in report.roles]
    # The infrastructure roles still lead the ML roles for this person, under the weak-fit line.
    assert ranked.index("ml-platform-engineer") < ranked.index("ml-engineer")
    assert report.role("ml-engineer").score < load_catalogue().scoring.weak_fit_below


@pytest.mark.parametrize("role_id", ML_ROLES)
def test_core_met_through_a_narrower_skill_takes_nothing(role_id):
    fit = analyze_text(MLE, "mle.txt", AS_OF).role(role_id)
    core = fit.component("core")
    assert core.contribution == 0
    assert core.detail.startswith("Machine learning found")


def test_core_roles_without_core_have_no_such_component():
    fit = analyze_text(SRE, "sre.txt", AS_OF).role("data-engineer")
    assert "core" not in {c.name for c in fit.components}


def test_search_engines_and_bi_tools_are_no_machine_learning():
    """Information retrieval and data mining are not filed under machine learning: a search
    backend's Elasticsearch or a BI developer's Cognos earns no ML credit; learning to rank
    does."""
    from resume_fit.lexicon import load_lexicon

    lexicon = load_lexicon()
    assert "machine-learning" not in lexicon.ancestors("elasticsearch")
    assert "machine-learning" not in lexicon.ancestors("cognos-business-intelligence")
    assert "machine-learning" in lexicon.ancestors("learning-to-rank")
    backend = SRE.replace("Go, Jenkins", "Go, Elasticsearch, Apache Solr, Jenkins")
    fit = analyze_text(backend, "backend.txt", AS_OF).role("ml-engineer")
    assert fit.component("core").contribution < 0
