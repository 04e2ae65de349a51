"""Title matching needs the role noun (issue 11, part 4): invented titles, catalogue phrases."""

from __future__ import annotations

import pytest

from resume_fit.match.index import title_phrase
from resume_fit.match.titles import is_clerical, names_title
from resume_fit.roles import load_catalogue


@pytest.mark.parametrize(
    ("phrase", "title", "named"),
    [
        ("computer vision", "Computer Vision Engineer", True),
        ("computer vision", "Computer Vision Lab Technician", False),
        ("speech", "Speech Recognition Engineer", True),
        ("speech", "Speech Therapist", False),
        ("imaging", "Imaging Scientist", True),
        ("imaging", "Imaging Technician", False),
        ("research", "Research Engineer", True),
        ("research", "Research Assistant", True),
        ("research", "Market Research Interviewer", False),
        ("phd", "PhD Candidate", True),
        ("nlp", "NLP Annotator", False),
        ("data analyst", "Senior Data Analyst", True),
        ("data analyst", "Data Analyst Data Entry Clerk", False),
        ("ai engineer", "Retail AI Associate", False),
        ("data scientist", "Data Scientists - London", True),
    ],
)
def test_titles_a_field_word_needs_a_role_noun(phrase: str, title: str, named: bool) -> None:
    assert names_title(title_phrase(phrase), title_phrase(title)) is named


@pytest.mark.parametrize(
    "title", ["Data Entry Clerk", "Data Entry Operator", "Data Collection Assistant"]
)
def test_titles_clerical_titles_name_no_catalogue_role(title: str) -> None:
    written = title_phrase(title)
    assert is_clerical(written)
    for role in load_catalogue().values():
        assert not any(names_title(title_phrase(t), written) for t in role.titles), role.id


def test_titles_every_catalogue_title_names_itself_as_a_job() -> None:
    # Each role title, written as a job title with a role noun where it has none, still matches.
    for role in load_catalogue().values():
        for title in role.titles:
            phrase = title_phrase(title)
            assert names_title(phrase, phrase) or names_title(phrase, title_phrase(title + " lead"))


@pytest.mark.parametrize(
    ("title", "role_id", "named"),
    [
        ("Director of Data Science", "data-scientist-ml", True),
        ("Head of Data Science", "data-scientist-analytics", True),
        ("Data Science Intern", "data-scientist-ml", True),
        ("Data Engineering Manager", "data-engineer", True),
        ("Machine Learning Engineering Intern", "ml-engineer", True),
        ("Machine Learning Researcher", "ml-engineer", False),
        ("Data Science Instructor", "data-scientist-ml", False),
        # Other role nouns for the same job, and statisticians (O*NET 15-2041).
        ("Machine Learning Intern", "ml-engineer", True),
        ("Deep Learning Engineer", "ml-engineer", True),
        ("Senior ML Developer", "ml-engineer", True),
        ("Biostatistician", "data-scientist-analytics", True),
        ("Statistical Analyst", "data-scientist-analytics", True),
        # Two words joined by a slash share the rest of the title.
        ("ML/AI Engineer", "ml-engineer", True),
        ("ML/AI Engineer", "ai-engineer", True),
        ("Senior AI / ML Engineer", "ml-engineer", True),
        ("Data Analyst/Scientist", "data-scientist-ml", True),
        ("Data Analyst/Scientist", "data-analyst", True),
        ("Data Engineer/Analyst", "data-analyst", True),
        ("Data Engineer (AI/ML)", "ml-engineer", False),
        ("Data Analyst H/F", "data-analyst", True),
        ("CI/CD Engineer", "ml-engineer", False),
        # The field after a comma: the title read in the usual order.
        ("Engineer, Machine Learning", "ml-engineer", True),
        ("Senior Engineer, Machine Learning", "ml-engineer", True),
        ("Manager, Data Science", "lead-data-scientist", True),
        ("Analyst, Data Science", "data-scientist-ml", True),
        ("Engineer, Platform", "ml-engineer", False),
        # ... or after a spaced dash, or in brackets after a title naming no field of its own
        ("Software Engineer (Machine Learning)", "ml-engineer", True),
        ("Software Engineer - ML", "ml-engineer", True),
        ("Engineer II, ML Platform", "ml-platform-engineer", True),
        ("Data Scientist (Remote)", "data-scientist-ml", True),
        # other job titles of the same work
        ("BI Developer", "data-analyst", True),
        ("Business Intelligence Engineer", "data-analyst", True),
        ("Speech Scientist", "nlp-engineer", True),
        # Associate and trainee posts of the field.
        ("Data Science Associate", "data-scientist-ml", True),
        ("Senior Associate, Data Science", "data-scientist-analytics", True),
        ("Data Science Trainee", "data-scientist-ml", True),
        ("Sales Associate", "data-analyst", False),
    ],
)
def test_titles_a_title_naming_the_field_names_the_role(title: str, role_id: str, named: bool):
    # The field's name ("data science", "data engineering") with a role noun is the role's title.
    role = load_catalogue()[role_id]
    written = title_phrase(title)
    assert any(names_title(title_phrase(t), written) for t in role.titles) is named


def test_titles_slash_readings_never_match_across_each_other() -> None:
    # "ML/AI Engineer" reads as three phrases; none of the catalogue's titles spans two of them.
    written = title_phrase("ML/AI Engineer")
    assert written == " ml ai engineer | ml engineer | ai engineer "
    assert title_phrase("Senior Data Scientist") == " senior data scientist "
    assert not names_title(title_phrase("engineer ml"), written)
