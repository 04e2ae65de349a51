"""Families of professions' and general computing skills (issue 10, lexicon coverage): each is
found where a resume names it and stays quiet where the words have their everyday sense.
Invented sentences."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline

# (section kind, text, skill id, expected)
CASES = [
    # nursing practices and life-support credentials
    (
        "experience",
        "Drew blood (phlebotomy) and started IV insertions on a 30-bed ward.",
        "phlebotomy",
        True,
    ),
    (
        "experience",
        "Drew blood (phlebotomy) and started IV insertions on a 30-bed ward.",
        "iv-therapy",
        True,
    ),
    (
        "skills",
        "Infection control, patient education, wound care, medication administration",
        "infection-control",
        True,
    ),
    (
        "skills",
        "Infection control, patient education, wound care, medication administration",
        "medication-administration",
        True,
    ),
    (
        "certifications",
        "BLS and ACLS (American Heart Association), NRP",
        "basic-life-support",
        True,
    ),
    (
        "experience",
        "Pulled wage series from the BLS website for the regional model.",
        "basic-life-support",
        False,
    ),
    ("experience", "Triaged incoming bug reports for the mobile team.", "triage", False),
    # accounting and audit
    (
        "experience",
        "Prepared financial statements under US GAAP and tested internal controls.",
        "financial-reporting",
        True,
    ),
    (
        "experience",
        "Prepared financial statements under US GAAP and tested internal controls.",
        "gaap",
        True,
    ),
    (
        "experience",
        "Prepared financial statements under US GAAP and tested internal controls.",
        "internal-controls",
        True,
    ),
    ("summary", "Led the EMEA team, accounting for 40% of new revenue.", "accounting", False),
    (
        "experience",
        "Handled payroll processing and sales tax filings for six clients.",
        "sales",
        False,
    ),
    # sales and marketing
    (
        "experience",
        "Grew the book through upselling and cross-selling to existing clients.",
        "upselling",
        True,
    ),
    (
        "experience",
        "Ran quarterly business reviews (QBRs) with the top 20 accounts.",
        "quarterly-business-reviews",
        True,
    ),
    ("summary", "Analyst with six years in e-commerce and retail.", "e-commerce", False),
    # laboratory and medical equipment
    (
        "experience",
        "Performed calibration and preventive maintenance of infusion pumps and patient monitors.",
        "calibration",
        True,
    ),
    (
        "experience",
        "Improved probability calibration of the fraud classifier.",
        "calibration",
        False,
    ),
    (
        "experience",
        "Debugged the board with oscilloscopes and a logic analyser.",
        "test-equipment",
        True,
    ),
    # computing concepts
    ("experience", "Added a Redis caching layer in front of the pricing service.", "caching", True),
    (
        "experience",
        "Designed the multi-tenant architecture of the billing platform.",
        "multi-tenancy",
        True,
    ),
    ("skills", "Operating Systems: Linux, Windows, macOS", "operating-systems", False),
    (
        "education",
        "Coursework: operating systems (xv6 kernel, scheduling), compilers",
        "operating-systems",
        True,
    ),
    (
        "experience",
        "Managed loss prevention and store access control procedures.",
        "access-control",
        False,
    ),
    (
        "experience",
        "Enforced role-based access control (RBAC) with IAM policies.",
        "access-control",
        True,
    ),
    ("experience", "Open-source contributor to a popular plotting library.", "open-source", True),
    # an abbreviation of ordinary writing closing a list is no tool, in capitals the tool is
    ("skills", "Jira, Confluence, Trello, etc", "electronic-time-clock", False),
    ("experience", "Used tools such as Git, Jenkins, Docker, etc.", "electronic-time-clock", False),
    (
        "experience",
        "Tracked shifts in ETC time-clock software for a 40-person warehouse.",
        "electronic-time-clock",
        True,
    ),
    # ML techniques named in full
    (
        "projects",
        "Ran a neural architecture search over CNN blocks in PyTorch under a latency budget.",
        "neural-architecture-search",
        True,
    ),
    (
        "experience",
        "Tuned beam search decoding for a summarisation model in PyTorch.",
        "beam-search",
        True,
    ),
]


@pytest.mark.parametrize(("section", "text", "skill_id", "expected"), CASES)
def test_domain_family(make_resume, section, text, skill_id, expected):
    found = {m.id for m in extract_skills(make_resume((section, text)), load_pipeline())}
    assert (skill_id in found) is expected, sorted(found)
