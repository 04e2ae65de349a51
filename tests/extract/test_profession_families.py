"""Families of professions' skills added for issue 10 (obstetric and specialty nursing, medical
equipment service, IT support and CAD exchange formats, translation and corpus work, interactive
fiction tools, marketing, retail and design practices): each is found where a resume names it and
stays quiet where the words have their everyday sense. Invented sentences."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline

# (section kind, text, skill id, expected)
CASES = [
    # obstetric, women's health and specialty nursing
    (
        "experience",
        "Taught new parents breastfeeding techniques and prenatal care on a maternity unit.",
        "breastfeeding-education",
        True,
    ),
    (
        "experience",
        "Taught new parents breastfeeding techniques and prenatal care on a maternity unit.",
        "prenatal-care",
        True,
    ),
    (
        "experience",
        "Supported C-sections and high-risk deliveries; assisted anaesthetists with epidurals.",
        "caesarean-section-assistance",
        True,
    ),
    (
        "experience",
        "Supported C-sections and high-risk deliveries; assisted anaesthetists with epidurals.",
        "high-risk-obstetrics",
        True,
    ),
    (
        "experience",
        "Supported C-sections and high-risk deliveries; assisted anaesthetists with epidurals.",
        "epidural-assistance",
        True,
    ),
    ("summary", "Ten years in women’s health and fertility care.", "womens-health", True),
    ("summary", "Ten years in women’s health and fertility care.", "fertility-nursing", True),
    (
        "skills",
        "Labour support, birth plan consultations, postpartum care, delivery support",
        "labour-support",
        True,
    ),
    (
        "experience",
        "Owned delivery support for the release train and the on-call rota.",
        "labour-support",
        False,
    ),
    (
        "experience",
        "Took on charge nurse responsibilities for a 24-bed surgical ward.",
        "charge-nurse-duties",
        True,
    ),
    ("experience", "Charge Nurse, Cardiac ICU, St Anne's Hospital", "charge-nurse-duties", False),
    (
        "skills",
        "Palliative care, geriatric care, dialysis nursing, perioperative nursing",
        "palliative-care",
        True,
    ),
    (
        "skills",
        "Palliative care, geriatric care, dialysis nursing, perioperative nursing",
        "perioperative-nursing",
        True,
    ),
    (
        "experience",
        "Trained a mortality model on intensive care records from three hospitals.",
        "critical-care-nursing",
        False,
    ),
    ("experience", "Triaged security alerts for the SOC team.", "triage", False),
    (
        "certifications",
        "Registered with the College of Nurses of Ontario (CNO registration, 2017)",
        "nursing-registration",
        True,
    ),
    # medical and laboratory equipment service
    (
        "experience",
        "Ran functional testing, performance verification and electrical safety tests on infusion "
        "pumps and recorded service reports in the CMMS.",
        "functional-testing",
        True,
    ),
    (
        "experience",
        "Ran functional testing, performance verification and electrical safety tests on infusion "
        "pumps and recorded service reports in the CMMS.",
        "performance-verification",
        True,
    ),
    (
        "experience",
        "Ran functional testing, performance verification and electrical safety tests on infusion "
        "pumps and recorded service reports in the CMMS.",
        "service-documentation",
        True,
    ),
    (
        "experience",
        "Repaired electromechanical systems; kept devices compliant with IEC 60601 and ISO 14971.",
        "electromechanical-systems",
        True,
    ),
    (
        "experience",
        "Repaired electromechanical systems; kept devices compliant with IEC 60601 and ISO 14971.",
        "iec-60601",
        True,
    ),
    (
        "experience",
        "Handled troubleshooting, diagnostics and calibration of ventilators across four sites.",
        "equipment-diagnostics",
        True,
    ),
    (
        "experience",
        "Added model diagnostics to the forecasting dashboard.",
        "equipment-diagnostics",
        False,
    ),
    (
        "experience",
        "Prepared the team for building inspections and fire drills.",
        "equipment-inspection",
        False,
    ),
    # IT support and 3D/CAD exchange formats
    (
        "summary",
        "Junior technician experienced in troubleshooting IT problems and PC building.",
        "it-support",
        True,
    ),
    (
        "summary",
        "Junior technician experienced in troubleshooting IT problems and PC building.",
        "hardware-assembly",
        True,
    ),
    (
        "experience",
        "Wrote a converter from STEP and IGES files to STL meshes for the 3D printer farm.",
        "step",
        True,
    ),
    (
        "experience",
        "Wrote a converter from STEP and IGES files to STL meshes for the 3D printer farm.",
        "stl-file-format",
        True,
    ),
    (
        "experience",
        "Wrote a converter from STEP and IGES files to STL meshes for the 3D printer farm.",
        "3d-printing",
        True,
    ),
    ("experience", "Mentored juniors on the next step of their careers.", "step", False),
    ("skills", "C++ (STL, Boost), CMake", "stl-file-format", False),
    # translation, terminology, corpus work, text encoding
    (
        "experience",
        "Bilingual translator (EN > FR): translation of game UI strings in memoQ with a shared "
        "termbase.",
        "translation",
        True,
    ),
    (
        "experience",
        "Bilingual translator (EN > FR): translation of game UI strings in memoQ with a shared "
        "termbase.",
        "memoq",
        True,
    ),
    (
        "experience",
        "Led the translation of business requirements into user stories.",
        "translation",
        False,
    ),
    (
        "skills",
        "Corpus analysis (AntConc, Sketch Engine), TEI XML encoding of letters",
        "corpus-analysis",
        True,
    ),
    (
        "skills",
        "Corpus analysis (AntConc, Sketch Engine), TEI XML encoding of letters",
        "text-encoding-initiative",
        True,
    ),
    # interactive fiction tools
    (
        "experience",
        "Taught a workshop on interactive fiction with Twine and Bitsy.",
        "twine",
        True,
    ),
    ("experience", "Tied the parcels with garden twine.", "twine", False),
    # marketing, retail and design practices
    (
        "skills",
        "Account growth and retention, influencer marketing, copywriting",
        "account-growth",
        True,
    ),
    (
        "skills",
        "Account growth and retention, influencer marketing, copywriting",
        "influencer-marketing",
        True,
    ),
    (
        "experience",
        "Analysed donor and fundraising data for the regional office.",
        "fundraising",
        False,
    ),
    (
        "experience",
        "Ran the annual gala and major gifts fundraising for a children's charity.",
        "fundraising",
        True,
    ),
    (
        "skills",
        "Inventory control, visual merchandising, POS systems, cash handling",
        "inventory-management",
        True,
    ),
    (
        "experience",
        "Led apparel and accessory design for a small streetwear label.",
        "fashion-design",
        True,
    ),
    # laboratory techniques
    (
        "experience",
        "Ran qPCR and western blots on primary cell culture; cloned plasmids by Gibson assembly.",
        "pcr",
        True,
    ),
    (
        "experience",
        "Ran qPCR and western blots on primary cell culture; cloned plasmids by Gibson assembly.",
        "western-blot",
        True,
    ),
    (
        "experience",
        "Ran qPCR and western blots on primary cell culture; cloned plasmids by Gibson assembly.",
        "cell-culture",
        True,
    ),
    ("experience", "Compared ridge, lasso and PCR models on the sales data.", "pcr", False),
    (
        "experience",
        "Automated cloning of the monorepo for new laptops.",
        "molecular-cloning",
        False,
    ),
    (
        "skills",
        "HPLC, LC-MS/MS, FTIR, Karl Fischer titration",
        "chromatography",
        True,
    ),
    # teaching, HR, social and clinical research
    (
        "skills",
        "Lesson planning, classroom management, formative assessment",
        "classroom-management",
        True,
    ),
    (
        "projects",
        "As a teaching assistant I updated the lesson plans and graded labs.",
        "lesson-planning",
        False,
    ),
    (
        "experience",
        "Handled employee relations cases and benefits administration for 400 staff.",
        "employee-relations",
        True,
    ),
    (
        "experience",
        "Designed the questionnaire design guide, ran focus groups and semi-structured interviews.",
        "focus-groups",
        True,
    ),
    (
        "experience",
        "Designed the questionnaire design guide, ran focus groups and semi-structured interviews.",
        "qualitative-interviewing",
        True,
    ),
    (
        "experience",
        "Coordinated clinical research across four trial sites: consent, CRFs and IRB renewals.",
        "clinical-research",
        True,
    ),
    (
        "experience",
        "Built readmission models with the clinical research team.",
        "clinical-research",
        False,
    ),
    ("skills", "ICD-10 and CPT coding, medical terminology", "medical-coding", True),
    # media studies and literacies
    (
        "experience",
        "Designed an alternate reality game and taught critical AI literacy to first-years.",
        "ai-literacy",
        True,
    ),
    # trades, legal, hospitality and media production
    (
        "skills",
        "Blueprint reading, GD&T, MIG welding, CNC programming, forklift certified",
        "gd-and-t",
        True,
    ),
    (
        "skills",
        "Blueprint reading, GD&T, MIG welding, CNC programming, forklift certified",
        "welding",
        True,
    ),
    (
        "experience",
        "Ran 5S audits and kaizen events on the assembly line.",
        "lean-manufacturing",
        True,
    ),
    (
        "experience",
        "Drafted contracts and pleadings and managed discovery for the litigation team.",
        "legal-drafting",
        True,
    ),
    (
        "experience",
        "Built a classifier that flags litigation risk in news articles.",
        "litigation-support",
        False,
    ),
    ("skills", "Menu development, food costing, food safety (ServSafe)", "menu-planning", True),
    (
        "experience",
        "Edited the weekly podcast in Pro Tools and cut video in Final Cut Pro.",
        "pro-tools",
        True,
    ),
    (
        "experience",
        "Edited the weekly podcast in Pro Tools and cut video in Final Cut Pro.",
        "final-cut-pro",
        True,
    ),
    # counselling, social care, pharmacy and insurance
    (
        "experience",
        "Delivered CBT and motivational interviewing to clients with anxiety; managed a caseload.",
        "cognitive-behavioural-therapy",
        True,
    ),
    (
        "experience",
        "Moved the compliance CBT catalogue to the new LMS.",
        "cognitive-behavioural-therapy",
        False,
    ),
    (
        "experience",
        "Answered ad hoc data requests from underwriting and claims.",
        "underwriting",
        False,
    ),
    (
        "skills",
        "Lesson planning, safeguarding, classroom management",
        "safeguarding",
        True,
    ),
    (
        "experience",
        "Added safeguarding checks to the payment API.",
        "safeguarding",
        False,
    ),
]


@pytest.mark.parametrize(("section", "text", "skill_id", "expected"), CASES)
def test_profession_family(make_resume, section, text, skill_id, expected):
    found = {m.id for m in extract_skills(make_resume((section, text)), load_pipeline())}
    assert (skill_id in found) is expected, sorted(found)
