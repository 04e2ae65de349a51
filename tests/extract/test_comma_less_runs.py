"""Tool names that lost their commas inside a sentence, and names a phrase of writing code
governs (issue 10, classes 1 and 2).

Postings and resumes run tool names together when a layout drops the commas or the bullets of
a list, in the middle of a line as well as on a line of their own: "worked with Kotlin Ktor
Gradle Jenkins and ...". Each ambiguous name there stands beside another name, so the guard
against proper names ("Java Coffee House") used to drop all of them. A run of words that are all
skill names, three or more with one distinctive, is a list; after a list label's colon two will
do. A capitalised name after "code in", "written in", "apps built with" is the tool, and so is one
written apart before "based" or "powered". The ordinary senses stay ordinary.
"""

from __future__ import annotations

import pytest
from skill_tables import found_table

from resume_fit.extract import extract_skills, load_pipeline
from resume_fit.parse import parse_text

# (section kind, text, skill id, expected)
CASES = [
    # a run of tool names inside a sentence, one of them distinctive
    (
        "experience",
        "Maintained services with Kotlin Ktor Gradle Jenkins and Sentry alerts.",
        {"jenkins": True, "gradle": True},
    ),
    (
        "summary",
        "Five years shipping Typescript Node React apps for travel start-ups.",
        {"react": True, "nodejs": True},
    ),
    (
        "experience",
        "Stack was Vue.js Angular Ember in the admin tools, a legacy of three teams.",
        {"ember": True},
    ),
    # two names straight after a list label's colon
    (
        "experience",
        "Our preferred languages: Scala Java for the pricing engine.",
        {"scala": True, "java": True},
    ),
    # a phrase of writing code governs a capitalised name
    (
        "experience",
        "Wrote the checkout screens as clean code in Swift for the iPad app.",
        {"swift": True},
    ),
    ("experience", "Replaced the cron jobs with services written in Go last spring.", {"go": True}),
    (
        "experience",
        "Delivered two internal apps built with React for the sales team.",
        {"react": True},
    ),
    # a name written apart before "based"
    ("experience", "Migrated the Java based billing services to containers.", {"java": True}),
    # a slash joins, it is no word between a distinctive name and an ambiguous one
    (
        "experience",
        "Prototyped dashboards in Django and/or Flask, then Kotlin/Spring.",
        {"spring": True},
    ),
    # the ordinary senses: names of places, people and seasons hold words no skill has
    (
        "experience",
        "Organised a meetup at Java Coffee House with Ruby Rose in Spring.",
        {"java": False, "ruby": False},
    ),
    (
        "experience",
        "Joined the team in Spring and worked with Oracle on pricing.",
        {"spring": False, "oracle-database": False},
    ),
    ("summary", "Teams who react to change and excel in crisis.", {"react": False}),
    # no phrase of writing code before the usage word: a season stays a season
    ("experience", "Started the apprenticeship in Spring with the sales team.", {"spring": False}),
    # "with" right after a word of writing code governs a person as often as a tool
    ("experience", "Pair-programmed with Julia on the billing service.", {"julia": False}),
    # a list item ends with the name; a product's name written as a lower-case English word
    # before a head noun is a verb or an adjective there
    (
        "experience",
        "Monitoring with Evidently, Prometheus and Grafana; mean time to detect fell to hours.",
        {"mean": False, "grafana": True},
    ),
    (
        "experience",
        "Built credit models that pass model-risk review on the first round.",
        {"pass": False, "model-risk-management": True},
    ),
    # a capitalised tool's name after "in" ending its phrase; a season, a language that may be a
    # person's name are no tool there
    ("experience", "Kept the asset inventory in Excel.", {"excel": True}),
    (
        "experience",
        "Wrote the on-call runbooks in Confluence, then trained the team.",
        {"confluence": True},
    ),
    ("experience", "Joined the analytics team in Spring.", {"spring": False}),
    ("experience", "Shared the office with a colleague in Julia.", {"julia": False}),
    # a product written in lower case or in capitals inside a run with two distinctive names
    ("experience", "Moved the reporting jobs off aws gcp azure to one provider.", {"azure": True}),
    ("experience", "Front end built on Webpack SASS TypeScript GraphQL in 2022.", {"sass": True}),
    ("experience", "Admin portal stack: python flask postgres redis celery.", {"flask": True}),
    # "+" joins the items of a tool chain as a comma does
    (
        "experience",
        "Set up new services with cookiecutter + poetry + pre-commit.",
        {"poetry": True},
    ),
    ("summary", "Ten years in retail; poetry + music on weekends.", {"poetry": False}),
    # a participle of making after a hyphen says the tool made it; other compounds stay words
    (
        "experience",
        "Shipped Packer-built AMIs and Ansible roles for legacy hosts.",
        {"packer": True},
    ),
    ("experience", "Moved Snowflake-hosted marts into the new dbt project.", {"snowflake": True}),
    ("experience", "Spring-cleaned the stock room before the audit.", {"spring": False}),
    # a capitalised platform after "in" that ends its phrase is the platform
    ("experience", "Kept the offline store in Redshift, online in DynamoDB.", {"redshift": True}),
    (
        "experience",
        "Joined the analytics team in Spring, then moved to pricing.",
        {"spring": False},
    ),
    # one distinctive name beside it is no run, and a lower-case word of prose stays a word
    ("experience", "We use python go services for every internal tool.", {"go": False}),
    ("summary", "Keen to excel and spark ideas in a python shop.", {"spark": False}),
]


test_comma_less_runs = found_table(CASES)


def test_a_method_run_into_a_tool_run_is_not_taken():
    """A heading run into tags ("... docker aws Job description") is no list item: only
    technical names are taken from a run inside a line."""
    text = (
        "Senior Backend Engineer\n"
        "Technologies python docker kubernetes Job description We build payment services.\n"
        "Requirements: five years of backend work in a regulated industry.\n"
    )
    found = {m.id for m in extract_skills(parse_text(text, "posting.txt"), load_pipeline())}
    assert {"python", "docker", "kubernetes"} <= found
    assert "job-description-writing" not in found


# A line of nothing but skill names in lower case: a template's tags. The products on it are the
# products; the same words in prose, or a line of ordinary verbs, stay words.
@pytest.mark.parametrize(
    ("text", "skill_id", "expected"),
    [
        ("Tools\nfastapi  react  spark  airflow  terraform", "react", True),
        ("Tools\nfastapi  react  spark  airflow  terraform", "spark", True),
        ("Tech stack\nkotlin ktor spring gradle postgresql", "spring", True),
        ("Summary\nI like to spark joy, react fast and go hiking.", "spark", False),
        ("Summary\nI like to spark joy, react fast and go hiking.", "react", False),
    ],
)
def test_lower_case_tags_on_a_line_of_skill_names(text, skill_id, expected):
    resume = parse_text(
        "Sam Okoro\nBackend Developer\n\n" + text + "\n\nExperience\n"
        "Backend Developer, Northwind Freight, 2021 - Present\n- Built billing services.\n",
        "cv.txt",
    )
    found = {m.id for m in extract_skills(resume, load_pipeline())}
    assert (skill_id in found) is expected, sorted(found)
