"""Skills an author declares that the phrase index alone missed (issue 10, recall on real
resumes): list items with a glued slash, a "Languages" section of programming languages, items a
vendor's name qualifies, and names written in the other number or with a space for a hyphen.
The text is invented; the ordinary sentences around each case stay unmatched."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline
from resume_fit.extract.patterns import FormInfo, surface_variants
from resume_fit.extract.shorthand import qualified
from resume_fit.parse import parse_text


def _found(make_resume, *blocks: tuple[str, str]) -> set[str]:
    return {m.id for m in extract_skills(make_resume(*blocks), load_pipeline())}


# (section kind, text, skill id, expected)
CASES = [
    # a list separator glued to an item ("/Github", "Latex/") no longer hides the name
    ("skills", "- Git\n- CSS3\n/Github\n- TypeScript", "github", True),
    ("skills", "Tools\nLatex/\nMarkdown", "latex", True),
    ("experience", "Rewrote the /orders handler with Python/", "python", True),
    # a vendor's name before a colon or a bracket qualifies the list after it
    ("skills", "Microsoft Office: Word, Excel, PowerPoint", "microsoft-word", True),
    ("skills", "Cloud: AWS (EC2, Auto Scaling, S3)", "ec2-auto-scaling", True),
    ("skills", "Adobe Creative Cloud: Photoshop, Illustrator", "adobe-illustrator", True),
    # ... only with the item written in the form's own case, and only to the end of the line
    ("skills", "Microsoft Office: word processing, spreadsheets", "microsoft-word", False),
    (
        "skills",
        "Microsoft Office: Excel, PowerPoint\nWord lists for the spelling bee",
        "microsoft-word",
        False,
    ),
    ("experience", "Wrote a Word of advice column for the newsletter.", "microsoft-word", False),
    # a phrase in the other number names the same skill
    ("experience", "Maintained a data pipeline for nightly billing loads.", "data-pipelines", True),
    (
        "experience",
        "Built two recommendation system prototypes for retail.",
        "recommender-systems",
        True,
    ),
    (
        "experience",
        "Trained a graph neural network on citation data.",
        "graph-neural-networks",
        True,
    ),
    # ... but not a role noun: "product owners" are colleagues
    (
        "experience",
        "Reported results to the product owners every sprint.",
        "product-management",
        False,
    ),
    # a last word in "-ing" written as done
    ("experience", "Web scraped 8,000 listings for the pricing study.", "web-scraping", True),
    # a hyphen written as a space
    (
        "experience",
        "Moved the desk to real time streaming for the trading floor.",
        "stream-processing",
        True,
    ),
    ("experience", "Ported the firmware to a real time operating system.", "rtos", True),
]


@pytest.mark.parametrize(("section", "text", "skill_id", "expected"), CASES)
def test_list_recall(make_resume, section, text, skill_id, expected):
    found = _found(make_resume, (section, text))
    assert (skill_id in found) is expected, sorted(found)


def test_list_recall_languages_section_of_programming_languages_is_a_skills_list():
    text = (
        "Jane Doe\njane@example.com\n\nLanguages\nPython, Rust, SQL, C++\n"
        "ML Engineering\nPyTorch, NumPy, Optuna,\nRay, Lightning\n"
    )
    found = {m.id for m in extract_skills(parse_text(text, "cv.txt"), load_pipeline())}
    assert {"python", "rust", "pytorch", "ray"} <= found


def test_list_recall_languages_section_of_spoken_languages_names_no_guarded_skill():
    text = (
        "Jane Doe\njane@example.com\n\nLanguages\n"
        "English (native), Spanish (fluent)\nRay of sunshine\n"
    )
    found = {m.id for m in extract_skills(parse_text(text, "cv.txt"), load_pipeline())}
    assert "ray" not in found


@pytest.mark.parametrize(
    ("key", "variants"),
    [
        (("data", "pipelines"), [("data", "pipeline")]),
        (("recommendation", "system"), [("recommendation", "systems")]),
        (("emerging", "technologies"), [("emerging", "technology")]),
        (("search", "index"), [("search", "indexes")]),
        (("data", "analysis"), []),
        (("machine", "learning"), [("machine", "learned")]),
        (("pandas",), []),
        (("product", "owner"), []),
        (("real", "-", "time", "analytics"), [("real", "time", "analytics")]),
        (("unit", "testing"), [("unit", "tested")]),
    ],
)
def test_list_recall_surface_variants(key, variants):
    assert [v for v, _ in surface_variants(key, frozenset({"owner"}))] == variants


def test_list_recall_surface_variant_keeps_the_case_of_the_form():
    ((_, change),) = surface_variants(("jupyter", "notebook"))
    assert change(("Jupyter", "Notebook")) == ("Jupyter", "Notebooks")


_INFO = FormInfo(True, "plain", frozenset({("Microsoft", "Word")}), False)


def _lookup(key):
    return (("microsoft-word", _INFO),) if key == ("microsoft", "word") else ()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Microsoft Office: Excel, Word", ["Word"]),
        ("Microsoft (Word)", ["Word"]),
        ("Microsoft Office: word", []),
        ("Microsoft Office Suite Tools: Word", []),
        ("Microsoft Office: Excel\nWord", []),
        # a list in parentheses that the layout wrapped onto a second line goes on
        ("Microsoft (Teams, Excel,\nWord)", ["Word"]),
        ("Microsoft (Teams, Excel, Power\nBI, Word)", ["Word"]),
        # but never across a blank line, nor over a second line break
        ("Microsoft (Teams, Excel,\n\nWord)", []),
        ("Microsoft (Teams,\nExcel,\nWord)", []),
    ],
)
def test_list_recall_qualified_items(line, expected):
    doc = load_pipeline().make_doc(line)
    texts = [t.text for t in doc]
    found = qualified(texts, [t.lower() for t in texts], frozenset({"microsoft"}), _lookup)
    assert [" ".join(texts[m.first : m.last]) for m in found] == expected


# (section kind, text, skill id, expected): names of other people, bodies and events
NOT_EVIDENCE = [
    ("experience", "Led a squad of 2 backend developers and 1 DevOps engineer.", "devops", False),
    ("experience", "Partnered with a data scientist on the churn model.", "data-science", False),
    ("summary", "Hands-on engineering leader for platform teams.", "engineering", False),
    ("experience", "DevOps Engineer, Acme Logistics, 2019 - 2022", "devops", True),
    ("awards", "Runner-up, Regional Data Science Hackathon, 2022", "data-science", False),
    ("other", "2014 to 2016. Cybersecurity Awareness Poster Committee.", "cybersecurity", False),
    ("experience", "Ran the cybersecurity programme for 300 staff.", "cybersecurity", True),
    # an assistant or an agent after a method's name is software the person built
    (
        "experience",
        "Built a RAG assistant over 40k policy pages with LangChain.",
        "retrieval-augmented-generation",
        True,
    ),
    ("experience", "Hired a data scientist and a research assistant.", "data-science", False),
    # the expansion of an acronym in brackets names the acronym's product
    ("skills", "SAS (Statistical Analysis System), SPSS", "statistical-analysis", False),
    ("skills", "SAS (Statistical Analysis System), SPSS", "sas", True),
    ("skills", "Statistical analysis (regression, ANOVA)", "statistical-analysis", True),
    # a list of school subjects after a qualification, one of them in capitals
    ("education", "GCSEs: Maths, English, RPSE, Biology, Chemistry, Physics", "physics", False),
    # an acronym of a method is no surname: "DOE" / "doe", never "Doe"
    ("skills", "Statistics, DOE, SPC, Minitab", "experimentation", True),
    ("skills", "Python | SQL\nJohn Doe Resume", "experimentation", False),
]


@pytest.mark.parametrize(("section", "text", "skill_id", "expected"), NOT_EVIDENCE)
def test_list_recall_people_and_names_are_not_evidence(
    make_resume, section, text, skill_id, expected
):
    found = _found(make_resume, (section, text))
    assert (skill_id in found) is expected, sorted(found)
