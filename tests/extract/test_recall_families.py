"""Families of names people write short, and an acronym people use in another sense (issue 10,
class 7). Invented sentences."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline

# (section kind, text, skill id, expected)
CASES = [
    # products written by the names they had before a rename
    ("skills", "Tools: G Suite, Slack, Trello", "google-workspace", True),
    ("experience", "Trained models on Cloud ML Engine in 2018.", "vertex-ai", True),
    ("experience", "Moved builds from Team Foundation Server to GitHub.", "azure-devops", True),
    # the software development life cycle and the ML lifecycle are engineering, not product work
    ("experience", "Ran every release through the SDLC gates.", "sdlc", True),
    ("experience", "Ran every release through the SDLC gates.", "product-lifecycle", False),
    ("experience", "Owned the end-to-end ML lifecycle for fraud models.", "mlops", True),
    (
        "experience",
        "Owned the end-to-end ML lifecycle for fraud models.",
        "product-lifecycle",
        False,
    ),
    # Adobe's applications by the short names people write
    ("skills", "Tools: Canva, Lightroom, Photoshop, Figma", "adobe-photoshop-lightroom", True),
    ("skills", "Tools: Canva, Lightroom, Photoshop, Figma", "adobe-photoshop", True),
    ("experience", "Laid out the quarterly catalogue in InDesign.", "adobe-indesign", True),
    (
        "experience",
        "Cut event videos in Premiere Pro and After Effects.",
        "adobe-premiere-pro",
        True,
    ),
    (
        "experience",
        "Cut event videos in Premiere Pro and After Effects.",
        "adobe-after-effects",
        True,
    ),
    # quality and regulatory practices of labs, plants and medical-device service
    (
        "experience",
        "Serviced infusion pumps under cGMP and ISO 13485 procedures.",
        "good-manufacturing-practice",
        True,
    ),
    (
        "experience",
        "Serviced infusion pumps under cGMP and ISO 13485 procedures.",
        "iso-13485",
        True,
    ),
    (
        "experience",
        "Ran the GLP stability studies and wrote the SOPs for them.",
        "good-laboratory-practice",
        True,
    ),
    (
        "experience",
        "Ran the GLP stability studies and wrote the SOPs for them.",
        "standard-operating-procedures",
        True,
    ),
    (
        "experience",
        "Scheduled preventive maintenance for the autoclaves.",
        "preventive-maintenance",
        True,
    ),
    # platforms and practices of older and broader software resumes
    ("skills", "Java, GWT, JBoss, Eclipse, Maven", "google-web-toolkit", True),
    ("skills", "Java, GWT, JBoss, Eclipse, Maven", "jboss-eap", True),
    ("skills", "Java, GWT, JBoss, Eclipse, Maven", "eclipse-ide", True),
    ("experience", "Photographed the solar eclipse for the school paper.", "eclipse-ide", False),
    (
        "experience",
        "Wrote C++ desktop tools with MFC for the lab.",
        "microsoft-foundation-classes",
        True,
    ),
    (
        "experience",
        "Wrote T-SQL stored procedures for the nightly loads.",
        "stored-procedures",
        True,
    ),
    ("experience", "Wrote T-SQL stored procedures for the nightly loads.", "tsql", True),
    ("experience", "Led the web design of the new storefront.", "web-design", True),
    # "machine learning algorithms" is machine learning, not a skill of its own
    (
        "education",
        "Thesis: predicting churn with machine learning algorithms.",
        "machine-learning",
        True,
    ),
    # one skill for the app and the applications
    ("experience", "Built a Flask web app for booking rooms.", "web-development", True),
    ("experience", "Maintained three internal web applications.", "web-development", True),
    # "GCE" is also the General Certificate of Education
    (
        "education",
        "GCE Advanced Level - Biology, Chemistry, Physics (2016)",
        "google-compute-engine",
        False,
    ),
    ("education", "GCE Ordinary Level - 8 passes", "google-compute-engine", False),
    ("experience", "Moved the batch jobs from GCE to GKE on GCP.", "google-compute-engine", True),
]


@pytest.mark.parametrize(("section", "text", "skill_id", "expected"), CASES)
def test_recall_family(make_resume, section, text, skill_id, expected):
    found = {m.id for m in extract_skills(make_resume((section, text)), load_pipeline())}
    assert (skill_id in found) is expected, sorted(found)


@pytest.mark.parametrize(
    ("text", "skill_id"),
    [
        ("Added i18n to the checkout pages (12 locales).", "internationalization"),
        ("Improved o11y of the payment services with OpenTelemetry.", "monitoring"),
    ],
)
def test_numeronyms_name_their_practice(make_resume, text, skill_id):
    found = {m.id for m in extract_skills(make_resume(("experience", text)), load_pipeline())}
    assert skill_id in found, sorted(found)
