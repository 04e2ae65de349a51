"""Section heading detection: the heading lexicon, cues, and spans that cover the text."""

from __future__ import annotations

import pytest

from resume_fit.parse import SECTION_KINDS, parse_text
from resume_fit.parse.sections import classify_heading, detect_sections, normalise_heading
from resume_fit.parse.settings import load_settings


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Work Experience", "experience"),
        ("PROFESSIONAL EXPERIENCE", "experience"),
        ("Employment History:", "experience"),
        ("E X P E R I E N C E", "experience"),
        ("— Experience —", "experience"),
        ("Relevant Industry Experience", None),
        ("RELEVANT INDUSTRY EXPERIENCE", "experience"),
        ("Technical Skills", "skills"),
        ("Core Competencies", "skills"),
        ("Skills & Expertise", "skills"),
        ("Programming Languages", "skills"),
        ("Languages", "languages"),
        ("LANGUAGES:", "languages"),
        ("Education & Training", "education"),
        ("Academic Background", "education"),
        ("Selected Publications", "publications"),
        ("Projects", "projects"),
        ("Open Source Contributions", "projects"),
        ("Certifications & Licenses", "certifications"),
        ("Licenses and Certifications", "certifications"),
        ("Honors and Awards", "awards"),
        ("Interests", "interests"),
        ("Hobbies", "interests"),
        ("Profile", "summary"),
        ("About me", "summary"),
        ("Summary", "summary"),
        ("Professional Summary", "summary"),
        ("Contact Information", "contact"),
        ("References", "other"),
        ("Skills: Python, SQL, Tableau", None),
        ("Languages: English, French", None),
        ("- Experience with Kubernetes", None),
        ("Led the data platform team of five engineers", None),
        ("Python", None),
        ("MACHINE LEARNING PROJECTS", "projects"),
        ("ACME SOFTWARE", None),
        ("CANCER RESEARCH", None),
        ("GOOGLE | SOFTWARE ENGINEERING INTERN", None),
        ("", None),
        # A section number, a bullet glyph before capitals, a note in brackets (issue 11 zoo).
        ("01. Experience", "experience"),
        ("2) Education", "education"),
        ("IV. SKILLS", "skills"),
        ("- WORK EXPERIENCE —", "experience"),
        ("- Leadership", None),
        ("1. Led the migration to Spark", None),
        ("Experience (5 years)", "experience"),
        ("Work Experience (selected)", "experience"),
        ("Recent Experience", "experience"),
        ("Where I've Worked", "experience"),
        # Form-like headings of resume builders and job portals: a qualifier after a heading.
        ("Education Details", "education"),
        ("Skill Details", "skills"),
        ("Company Details", "experience"),
        ("Work Experience Details", "experience"),
        ("Project Details", "projects"),
        ("Technical Skills Information", "skills"),
        ("Personal Details", "contact"),
        ("Payment Details", None),
    ],
)
def test_parse_sections_heading_table(line: str, kind: str | None) -> None:
    settings = load_settings()
    found = classify_heading(line, settings.headings, settings.cues, settings.suffix_headings)
    assert found == kind


def test_parse_sections_lexicon_kinds_are_known() -> None:
    assert set(load_settings().headings.values()) <= set(SECTION_KINDS)
    assert len(load_settings().headings) > 150


@pytest.mark.parametrize(
    ("line", "key"),
    [
        ("== WORK EXPERIENCE: ==", "work experience"),
        ("Skills & Tools", "skills and tools"),
        ("S K I L L S", "skills"),
        ("W O R K   E X P E R I E N C E", "work experience"),
    ],
)
def test_parse_sections_normalise_heading(line: str, key: str) -> None:
    assert normalise_heading(line) == key


RESUME = """Priya Natarajan
priya@example.com | github.com/priyan

Summary
Data scientist with six years in retail forecasting.

Work Experience
Senior Data Scientist, Tesco (2020 - present)
- Skills: Python, LightGBM, SQL
- Built demand forecasts for 3,000 stores.

Education
MSc Statistics, University of Warwick

Languages
English, Tamil
"""


def test_parse_sections_spans_cover_text_without_overlap() -> None:
    resume = parse_text(RESUME)
    sections = resume.sections
    assert [s.kind for s in sections] == [
        "contact",
        "summary",
        "experience",
        "education",
        "languages",
    ]
    assert sections[0].start == 0
    assert sections[-1].end == len(resume.text)
    for before, after in zip(sections, sections[1:], strict=False):
        assert before.end == after.start
    assert resume.text[sections[2].start :].startswith("Work Experience")
    assert sections[2].heading == "Work Experience"


def test_parse_sections_inline_label_stays_in_section() -> None:
    resume = parse_text(RESUME)
    offset = resume.text.index("LightGBM")
    assert resume.section_kind_at(offset) == "experience"


def test_parse_sections_no_heading_gives_one_other_section() -> None:
    sections = detect_sections("Just a paragraph about Python and SQL work.\nAnother line.")
    assert [(s.kind, s.start) for s in sections] == [("other", 0)]


@pytest.mark.parametrize(
    ("wrapped", "word"),
    [
        ("Mentored first-year students and organised two", "hackathons."),
        ("Wrote the style guide and the release", "publications,"),
        ("Ran the lab's safety briefings and kept its", "certifications;"),
    ],
)
def test_parse_sections_wrapped_sentence_end_is_not_a_heading(wrapped: str, word: str) -> None:
    # A sentence the layout wrapped so that its last word, a heading word, sits on a line of its
    # own: lower case and a sentence mark say it continues the line above.
    resume = parse_text(f"Summary\n{wrapped}\n{word}\n\nSkills\nPython, SQL\n")
    assert [s.kind for s in resume.sections] == ["summary", "skills"]


def test_parse_sections_empty_text_has_no_sections() -> None:
    assert detect_sections("") == ()


def test_parse_sections_style_marks_unknown_heading() -> None:
    text = "Jo Bloggs\nExperience\nBuilt things\nWelcome Note\nHello there\nSkills\nPython"
    starts = [0, 10, 21, 34, 47, 59, 66]
    body, heading = (10.0, False), (14.0, True)
    styles = dict(zip(starts, [body, heading, body, heading, body, heading, body], strict=True))
    kinds = [(s.kind, s.heading) for s in detect_sections(text, styles)]
    assert kinds == [
        ("contact", ""),
        ("experience", "Experience"),
        ("other", "Welcome Note"),
        ("skills", "Skills"),
    ]


def test_parse_sections_body_style_lexicon_phrase_is_not_heading() -> None:
    text = "COURSEWORK\nInformation Retrieval\nOperating Systems\nCompilers"
    body, heading = (10.0, False), (16.0, False)
    styles = {0: heading, 11: body, 33: body, 51: body}
    assert [s.kind for s in detect_sections(text, styles)] == ["education"]


def test_sections_styled_line_ending_in_a_company_word_is_not_a_skills_heading() -> None:
    from resume_fit.parse.sections import detect_sections

    text = (
        "Jane Roe\nSkills\nPython, SQL\nExperience\nData Scientist – Fabrikam Technologies\n"
        "Built churn models\nEducation\nBSc Physics"
    )
    heading_style, body_style = ("Heading", True, 28), None
    styles = {}
    offset = 0
    for line in text.split("\n"):
        if line in {"Skills", "Experience", "Education", "Data Scientist – Fabrikam Technologies"}:
            styles[offset] = heading_style
        else:
            styles[offset] = body_style
        offset += len(line) + 1
    kinds = {s.heading: s.kind for s in detect_sections(text, styles)}
    assert kinds.get("Data Scientist – Fabrikam Technologies") != "skills"
    assert kinds["Skills"] == "skills" and kinds["Experience"] == "experience"


def test_sections_employer_in_heading_style_above_its_dates_stays_in_experience() -> None:
    from resume_fit.parse.sections import detect_sections

    lines = [
        ("Sam Okoro", None),
        ("EDUCATION", "H"),
        ("BSc Computer Science", None),
        ("EXPERIENCE", "H"),
        ("Fabrikam Design Systems", "H"),
        ("Paid internship rotations, March 2014 – June 2017", None),
        ("Wrote an Android viewer for CAD drawings", None),
        ("Northwind Academy", "H"),
        ("Part-time, Summer 2009", None),
        ("TECHNICAL SKILLS", "H"),
        ("Java, Swift", None),
    ]
    text = "\n".join(line for line, _ in lines)
    styles, offset = {}, 0
    for line, style in lines:
        styles[offset] = style
        offset += len(line) + 1
    sections = detect_sections(text, styles)
    assert [s.kind for s in sections] == ["contact", "education", "experience", "skills"]
