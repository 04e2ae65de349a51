"""The posting stage on invented postings: sections, required/preferred, groups, years, degree."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from resume_fit.errors import InputNotFoundError
from resume_fit.posting import posting_from_text, read_posting
from resume_fit.posting.cues import load_posting_cues, parse_posting_cues
from resume_fit.posting.reader import html_to_text
from resume_fit.posting.sections import find_clauses, find_sections

POSTING = """Senior Data Engineer
Northwind Freight - Lyon (hybrid)

About us
Northwind moves parcels across Europe and runs its own forecasting in Python.

What you'll do
- Build batch pipelines on Apache Airflow
- Shape our data science roadmap with the analysts

Requirements
- 5+ years of experience building data platforms
- 3+ years of SQL
- Strong experience with Spark or Flink
- Experience with AWS/GCP/Azure
- A Bachelor's degree in Computer Science or a related field; Master's preferred
- Comfortable with quarterly visits to our regional offices

Nice to have
- Familiarity with Kubernetes
- Terraform is a plus

Benefits
- Free Docker stickers and a pension plan
"""


@pytest.fixture(scope="module")
def posting():
    return posting_from_text(POSTING, "northwind.txt")


def _item(posting, *options):
    return next(r for r in posting.requirements if r.options == options)


def test_posting_title_and_seniority_from_first_line(posting) -> None:
    assert posting.title == "Senior Data Engineer"
    assert posting.seniority == "senior"


def test_posting_sections_found_by_heading(posting) -> None:
    kinds = [s.kind for s in posting.sections]
    assert kinds[0] == "title"
    for kind in ("about", "responsibilities", "requirements", "nice_to_have", "benefits"):
        assert kind in kinds


def test_posting_required_and_preferred_from_section_and_cue(posting) -> None:
    assert _item(posting, "sql").kind == "required"
    assert _item(posting, "airflow").kind == "required"
    assert _item(posting, "kubernetes").kind == "preferred"
    assert _item(posting, "kubernetes").reason == "cue 'familiarity with'"
    assert _item(posting, "terraform").kind == "preferred"


def test_posting_one_of_groups(posting) -> None:
    assert _item(posting, "aws", "gcp", "azure").label == "one of aws / gcp / azure"
    spark = next(r for r in posting.requirements if "spark" in r.options)
    assert spark.kind == "required"


def test_posting_examples_of_a_skill_are_one_item() -> None:
    posting = posting_from_text(
        "Platform Engineer\nRequirements\n- Container orchestration with Kubernetes (EKS, GKE)\n"
        "- Infrastructure as code tools such as Terraform, Pulumi\n- Python and SQL\n"
    )
    groups = [r.options for r in posting.requirements]
    assert ("kubernetes", "amazon-eks", "google-kubernetes-engine") in groups
    assert any("terraform" in g and "pulumi" in g for g in groups)
    assert ("python",) in groups and ("sql",) in groups


def test_posting_years_per_skill_and_overall(posting) -> None:
    assert _item(posting, "sql").years == 3
    assert posting.years == 5


def test_posting_degree_minimum_and_preferred(posting) -> None:
    assert posting.degree == "bachelor"
    assert posting.degree_preferred == "master"
    # The degree's subject is not a skill requirement.
    assert not any("computer-science" in r.options for r in posting.requirements)


def test_posting_company_and_benefits_skills_are_not_requirements(posting) -> None:
    ids = {o for r in posting.requirements for o in r.options}
    assert "python" not in ids  # named in "About us"
    assert "docker" not in ids  # named in the benefits


def test_posting_field_in_responsibilities_needs_a_cue(posting) -> None:
    ids = {o for r in posting.requirements for o in r.options}
    assert "data-science" not in ids


def test_posting_unrecognised_requirements_are_kept(posting) -> None:
    texts = [u.text for u in posting.unrecognised]
    assert any("quarterly visits" in t for t in texts)
    assert all(u.kind == "required" for u in posting.unrecognised if "quarterly" in u.text)


def test_posting_short_bulleted_item_is_never_dropped() -> None:
    # A one-word item the lexicon cannot confirm is listed for the reader to check; a label
    # ("Tools:") and a one-word piece of a sentence are not items.
    job = posting_from_text(
        "Site Reliability Engineer\n\nRequirements\n"
        "- Five years running production systems\n"
        "- Tools:\n"
        "- Bazel\n"
        "- Kestrel\n"
        "- On-call experience, mostly\n"
    )
    unrecognised = [u.text for u in job.unrecognised]
    named = {o for r in job.requirements for o in r.options}
    assert all(word in unrecognised or word.lower() in named for word in ("Bazel", "Kestrel"))
    assert "Tools" not in unrecognised and "mostly" not in unrecognised


def test_posting_evidence_points_into_the_text(posting) -> None:
    for requirement in posting.requirements:
        for evidence in requirement.evidence:
            assert posting.text[evidence.start : evidence.end] == evidence.text


def test_posting_run_together_text_still_splits_headings_and_clauses() -> None:
    flat = (
        "Machine Learning Engineer\nWe are a small team shipping models.Requirements:"
        "Strong Python skillsExperience with PyTorch or TensorFlow.Nice to have: exposure to Docker"
    )
    posting = posting_from_text(flat)
    assert _item(posting, "python").kind == "required"
    assert _item(posting, "pytorch", "tensorflow").kind == "required"
    assert _item(posting, "docker").kind == "preferred"


def test_posting_clauses_cover_every_word() -> None:
    text = "One line.Two glued\n- bullet; and backgroundExperience with TensorFlow"
    clauses = [text[s:e] for s, e in find_clauses(text)]
    assert clauses[0] == "One line." and clauses[1] == "Two glued"
    assert "Experience with TensorFlow" in clauses
    kept = "".join(c for clause in clauses for c in clause if c.isalnum())
    assert kept == "".join(c for c in text if c.isalnum())


def test_posting_sections_cover_the_text() -> None:
    text = "Data Analyst\nRequirements\n- Excel\n"
    sections = find_sections(text, load_posting_cues())
    assert sections[0].start == 0 and sections[-1].end == len(text)
    assert all(a.end == b.start for a, b in zip(sections, sections[1:], strict=False))


def test_posting_html_is_read_as_text(tmp_path: Path) -> None:
    page = tmp_path / "job.html"
    page.write_text(
        "<html><head><style>p{color:red}</style></head><body><h1>Data Scientist</h1>"
        "<h2>Requirements</h2><ul><li>3+ years of Python</li><li>Experience with pandas</li>"
        "</ul><script>var x = 'Kubernetes';</script></body></html>",
        encoding="utf-8",
    )
    posting = read_posting(page)
    assert posting.title == "Data Scientist"
    assert _item(posting, "python").years == 3
    assert not any("kubernetes" in r.options for r in posting.requirements)
    assert "Requirements" in html_to_text(page.read_text(encoding="utf-8"))


def test_posting_from_stdin() -> None:
    posting = read_posting("-", stdin=io.StringIO("ML Engineer\nRequirements\n- Python\n"))
    assert posting.source == "-"
    assert _item(posting, "python").kind == "required"


def test_posting_missing_file_names_it(tmp_path: Path) -> None:
    with pytest.raises(InputNotFoundError, match="nope.txt"):
        read_posting(tmp_path / "nope.txt")


def test_posting_cue_file_rejects_unknown_section_kind() -> None:
    from resume_fit.config import lexicon_files
    from resume_fit.errors import DataFileError

    shipped = (lexicon_files() / "posting.toml").read_text(encoding="utf-8")
    text = shipped.replace("\n[headings]\n", "\n[headings]\nperks_and_more = ['perks']\n")
    with pytest.raises(DataFileError, match="perks_and_more"):
        parse_posting_cues(text)
    # The tables the profile stage reads from the same file are checked too: one file, one way.
    with pytest.raises(DataFileError, match=r"\[detect\]"):
        parse_posting_cues(shipped.replace("[detect]", "[detected]"))
    with pytest.raises(DataFileError, match=r"\[cues\]"):
        parse_posting_cues(shipped.replace("[cues]", "[cue_words]"))


def test_posting_sections_use_the_block_headings_document_kind_reads() -> None:
    # One set of heading phrases: every [blocks] heading opens the matching posting section.
    import tomllib

    from resume_fit.config import lexicon_files
    from resume_fit.parse.sections import normalise_heading as normal_heading
    from resume_fit.posting.cues import BLOCK_SECTIONS

    data = tomllib.loads((lexicon_files() / "posting.toml").read_text(encoding="utf-8"))
    skipped = {normal_heading(v) for v in data["headings"]["not_sections"]}
    headings = load_posting_cues().headings
    for name, kind in BLOCK_SECTIONS.items():
        for phrase in data["blocks"][name]:
            key = normal_heading(phrase)
            assert headings.get(key) == (None if key in skipped else kind), phrase
    assert "salary" not in headings  # "Salary: $120k" heads one line, not a section
