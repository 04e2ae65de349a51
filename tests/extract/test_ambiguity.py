"""The ambiguity policy: names that are also ordinary words need corroboration."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills
from resume_fit.extract.ambiguity import form_class

# (section kind, text, skill id, expected: True = the skill is found).
CASES = [
    # Go
    ("experience", "Built payment microservices in Go with gRPC.", "go", True),
    ("skills", "Go, Rust, C++", "go", True),
    ("experience", "Wrote services in Go and Python.", "go", True),
    ("experience", "Golang backend for billing.", "go", True),
    ("experience", "Go 1.21 services behind Envoy.", "go", True),
    ("summary", "Helped the team go to market in six weeks.", "go", False),
    ("summary", "Go to market strategy for three launches.", "go", False),
    ("experience", "Ready to go live on day one.", "go", False),
    ("experience", "we will go beyond the brief", "go", False),
    ("skills", "go-getter, team player", "go", False),
    # R
    ("experience", "Statistical models in R with ggplot2 and dplyr.", "r", True),
    ("skills", "Python, R, SQL", "r", True),
    ("experience", "Analysis in Python and R.", "r", True),
    ("experience", "Led R&D for the sensor team.", "r", False),
    ("experience", "Joined the R & D group in 2019.", "r", False),
    ("contact", "John R. Smith", "r", False),
    ("experience", "Reported R-squared for every model.", "r", False),
    # C / C++ / C#
    ("skills", "C, C++, Python", "c", True),
    ("experience", "Embedded firmware in C for ARM boards.", "c", True),
    ("summary", "Presented to the C-suite every quarter.", "c", False),
    ("summary", "Reported to C level executives.", "c", False),
    ("experience", "Kept a Plan C ready for outages.", "c", False),
    ("experience", "Rated grade C by auditors.", "c", False),
    ("experience", "Low-latency trading engine in C++ with the STL.", "cpp", True),
    ("skills", "C++/Java", "cpp", True),
    ("experience", "Unity games in C# on .NET 6.", "csharp", True),
    ("experience", "Unity games in C# on .NET 6.", "dotnet", True),
    # Java / Ruby / Rust / Julia / Swift
    ("experience", "Spring Boot services in Java on the JVM.", "java", True),
    ("skills", "Java 17, Kotlin", "java", True),
    ("interests", "Backpacking trip to Java island, Indonesia.", "java", False),
    # Two ambiguous names side by side inside a job line prove nothing about each other.
    ("experience", "Commis Chef, Java Coffee House, Lisbon", "chef", False),
    ("experience", "Commis Chef, Java Coffee House, Lisbon", "java", False),
    ("experience", "Configuration management with Chef and Ansible for 300 servers.", "chef", True),
    ("interests", "Hiked volcanoes on Java during a holiday.", "java", False),
    ("contact", "Ruby Chen", "ruby", False),
    ("contact", "Ruby Chen | ruby.chen@example.com", "ruby", False),
    ("experience", "Maintained Ruby on Rails apps.", "ruby", True),
    ("skills", "Ruby, Python, SQL", "ruby", True),
    ("experience", "Rewrote the parser in Rust with tokio.", "rust", True),
    ("experience", "Applied rust prevention coatings.", "rust", False),
    ("experience", "Numerical solvers in Julia for scientific computing.", "julia", True),
    ("contact", "Julia Roberts, RN", "julia", False),
    ("experience", "Shipped iOS apps in Swift with Xcode.", "swift", True),
    ("summary", "Known for a swift response to incidents.", "swift", False),
    ("summary", "Swift response to patient alarms.", "swift", False),
    # React / Spark / Excel / Access / Spring / Flask / Express / Keras
    ("experience", "Built dashboards in React with Redux and TypeScript.", "react", True),
    ("skills", "JavaScript, React, Node.js", "react", True),
    ("summary", "Able to react to changes in priorities.", "react", False),
    ("summary", "React quickly to customer escalations.", "react", False),
    ("experience", "Tuned Spark jobs on Databricks for ETL.", "apache-spark", True),
    ("skills", "Hadoop, Spark, Kafka", "apache-spark", True),
    ("summary", "I spark interest in science among pupils.", "apache-spark", False),
    ("summary", "Spark curiosity and joy in the classroom.", "apache-spark", False),
    ("experience", "Built Excel dashboards with pivot tables and VLOOKUP.", "excel", True),
    ("skills", "Excel, SQL, Tableau", "excel", True),
    ("summary", "I excel at building relationships.", "excel", False),
    ("summary", "Proficient in Excel and PowerPoint.", "excel", True),
    ("experience", "Hired for expertise in Java.", "java", True),
    ("summary", "Excel at fast-paced kitchen service.", "excel", False),
    ("experience", "Managed Access control for the ward.", "ms-access", False),
    ("experience", "Gave staff Access to the records system.", "ms-access", False),
    ("skills", "Microsoft Access, Excel", "ms-access", True),
    ("experience", "REST APIs in Flask with Python.", "flask", True),
    ("experience", "Kept a flask of coffee at hand.", "flask", False),
    ("experience", "Node.js APIs on Express with middleware.", "express", True),
    ("summary", "Express interest in new projects.", "express", False),
    ("education", "Spring semester exchange in Lyon.", "spring", False),
    ("experience", "Spring Boot microservices.", "spring", True),
    ("experience", "Prototyped neural models in Keras on TensorFlow.", "keras", True),
    # ML and AI
    ("experience", "Mixed 250 ml of saline per dose.", "machine-learning", False),
    ("experience", "Added 5 ML of buffer.", "machine-learning", False),
    ("experience", "Built ML pipelines for fraud scoring.", "machine-learning", True),
    ("experience", "Research engineer at Scale AI.", "artificial-intelligence", False),
    ("experience", "Led AI research on language models.", "artificial-intelligence", True),
    ("experience", "Worked on AI safety evaluations.", "artificial-intelligence", True),
]


@pytest.mark.parametrize(("section", "text", "skill", "expected"), CASES)
def test_ambiguity_table(toy_nlp, make_resume, section, text, skill, expected) -> None:
    found = {m.id for m in extract_skills(make_resume((section, text)), toy_nlp)}
    assert (skill in found) is expected, f"{text!r}: found {sorted(found)}"


def test_ambiguity_table_is_big_and_balanced() -> None:
    positives = sum(1 for case in CASES if case[3])
    assert len(CASES) >= 60
    assert positives >= 25 and len(CASES) - positives >= 25


@pytest.mark.parametrize(
    ("form", "guarded", "expected"),
    [
        ("Go", True, "word"),
        ("Golang", True, "plain"),  # listed in distinctive_forms
        ("R", False, "word"),  # one or two characters: always guarded
        ("C", False, "word"),
        ("ML", False, "acronym"),
        ("AI", True, "word"),
        ("Apache Spark", False, "plain"),
        ("PyTorch", False, "plain"),
    ],
)
def test_ambiguity_form_class(settings, form, guarded, expected) -> None:
    assert form_class(form, guarded, settings) == expected


def test_ambiguity_accepted_mentions_get_lower_confidence(toy_nlp, make_resume, settings) -> None:
    resume = make_resume(("skills", "Python, Go"))
    by_id = {m.id: m for m in extract_skills(resume, toy_nlp)}
    factor = settings.confidence["ambiguous_factor"]
    assert by_id["go"].confidence == pytest.approx(settings.confidence["exact"] * factor)
    assert by_id["python"].confidence == settings.confidence["exact"]


# A method's name written with capitals inside it ("SAFe", "MoSCoW") whose small-letter spelling
# is an English word matches only as written or in capitals; a method's plain name keeps any case.
@pytest.mark.parametrize(
    ("text", "skill_id", "expected"),
    [
        ("Ran PI planning as a SAFe release train engineer with Jira.", "agile", True),
        ("Kept a safe and tidy workshop; trained staff on software updates.", "agile", False),
        ("Prioritised the backlog with MoSCoW in sprint planning.", "moscow-prioritisation", True),
        ("Wrote safe deployment checklists for the agile release train.", "agile", True),
        ("Ensured safe handling of samples in the project lab.", "agile", False),
        ("Worked in an agile environment with two-week sprints.", "agile", True),
        # a method's acronym that is an English word in lower case matches in capitals only
        ("Fixed the shopping cart and the checkout page for mobile.", "decision-trees", False),
        ("Compared CART and random forests for churn prediction.", "decision-trees", True),
    ],
)
def test_mixed_case_names_keep_their_case(found_ids, text, skill_id, expected) -> None:
    assert (skill_id in found_ids("experience", text)) is expected
