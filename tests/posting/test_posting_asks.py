"""What a posting asks besides skills, on invented postings: the degree, years per skill, and the
section headings a resume's section finder reads the same way."""

from __future__ import annotations

import pytest

from resume_fit.posting import posting_from_text
from resume_fit.profile.education import degree_levels


def _posting(*requirement_lines: str, nice: tuple[str, ...] = ()) -> object:
    text = "Data Scientist\nRequirements\n" + "".join(f"- {line}\n" for line in requirement_lines)
    if nice:
        text += "Nice to have\n" + "".join(f"- {line}\n" for line in nice)
    return posting_from_text(text)


@pytest.mark.parametrize(
    ("line", "minimum", "preferred"),
    [
        ("BSc/MS/PhD in Computer Science or a related field", "bachelor", "phd"),
        ("Bachelor's or Master's degree in Statistics", "bachelor", "master"),
        ("BS or MS in Applied Mathematics", "bachelor", "master"),
        ("Bachelor’s, Master’s or Ph.D. in a quantitative discipline", "bachelor", "phd"),
        ("PhD in Machine Learning or a related field", "phd", "phd"),
        ("MSc in Physics; PhD preferred", "master", "phd"),
        ("Master's degree in Economics (PhD is a plus)", "master", "phd"),
        ("Bachelor's or Master's degree in Informatics (Master's preferred)", "bachelor", "master"),
        ("A degree in Computer Science", "bachelor", "bachelor"),
        # Experience may stand in for the degree: nothing is required, the degree is preferred.
        ("Degree in Computer Science or equivalent practical experience", None, "bachelor"),
        ("PhD preferred", None, "phd"),
        # Not degrees: a large language model, an A/B test, Microsoft Excel.
        ("Experience fine-tuning an LLM and running AB tests in MS Excel", None, None),
    ],
)
def test_posting_degree_asked(line: str, minimum: str | None, preferred: str | None) -> None:
    posting = _posting(line, "Python and SQL")
    assert (posting.degree, posting.degree_preferred) == (minimum, preferred)


def test_posting_degree_in_nice_to_have_is_preferred_only() -> None:
    posting = _posting("Python", nice=("A PhD in Statistics",))
    assert (posting.degree, posting.degree_preferred) == (None, "phd")
    posting = _posting("A Master's degree in Statistics", nice=("A PhD in Statistics",))
    assert (posting.degree, posting.degree_preferred) == ("master", "phd")


def test_degree_levels_names_every_level_of_a_line() -> None:
    assert degree_levels("BSc/MS/PhD") == ("bachelor", "master", "phd")
    assert degree_levels("Based in Cambridge, MA") == ()
    assert degree_levels("LL.M. in International Law") == ("master",)


@pytest.mark.parametrize(
    ("line", "years"),
    [
        ("5+ years of Python and 3 years of Spark", {"python": 5, "spark": 3}),
        ("3+ years of experience with Python", {"python": 3}),
        ("Spark (2 years) and Python (4 years)", {"spark": 2, "python": 4}),
        ("At least 4 years' experience in SQL", {"sql": 4}),
        ("2-4 years of Python, SQL and Spark", {"python": 2, "sql": 2, "spark": 2}),
        ("Python and SQL", {"python": None, "sql": None}),
    ],
)
def test_posting_years_per_skill(line: str, years: dict[str, float | None]) -> None:
    posting = _posting(line)
    found = {r.options[0]: r.years for r in posting.requirements}
    assert {skill: found.get(skill) for skill in years} == years


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("Nice to have skills and experience:", "nice_to_have"),
        ("Bonus (but not required):", "nice_to_have"),
        ("NICE TO HAVE SKILLS AND EXPERIENCE", "nice_to_have"),
        ("Data Engineer, Product Analytics Responsibilities:", "responsibilities"),
        ("- What You Will Do ----", "responsibilities"),
        ("What’s in it for you?", "benefits"),
        ("Skills & Experience", "requirements"),
        ("Essential Responsibilities:", "responsibilities"),
    ],
)
def test_posting_heading_kinds(heading: str, kind: str) -> None:
    posting = posting_from_text(f"Data Engineer\nWe build a parcel network.\n{heading}\n- Kafka\n")
    assert [s.kind for s in posting.sections if s.heading] == [kind]


def test_posting_parenthesised_line_is_no_heading() -> None:
    posting = posting_from_text(
        "Data Engineer\nRequirements\n- Experience with Kafka\n(preferred)\n- SQL\n"
    )
    assert [s.kind for s in posting.sections if s.heading] == ["requirements"]
