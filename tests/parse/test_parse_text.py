"""Plain-text and Markdown resumes, and the clean-up shared by every format."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_fit.parse import parse_file, parse_text
from resume_fit.parse.normalize import assemble, clean_line, count_unreadable

FILLER = (
    "Maintained nightly data pipelines, reviewed pull requests, wrote runbooks and mentored two "
    "junior engineers on testing and deployment practice."
)


def test_parse_text_utf8_with_bom(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(
        (
            "\ufeffRené Müller\nSkills\nPython, Kubernetes and Terraform work\n" + FILLER + "\n"
        ).encode()
    )
    resume = parse_file(path)
    assert resume.text.startswith("René Müller")
    assert resume.format == "text"
    assert [s.kind for s in resume.sections] == ["contact", "skills"]


def test_parse_text_cp1252_fallback(tmp_path: Path) -> None:
    path = tmp_path / "cv.txt"
    path.write_bytes(
        ("José Peña – Data Engineer\nExperience\nBuilt “ETL” pipelines\n" + FILLER + "\n").encode(
            "cp1252"
        )
    )
    resume = parse_file(path)
    assert "José Peña – Data Engineer" in resume.text
    assert "“ETL”" in resume.text


def test_parse_text_markdown_stripped_and_links_kept(tmp_path: Path) -> None:
    path = tmp_path / "cv.md"
    path.write_text(
        "# Sam Lee\n\n[GitHub](https://github.com/samlee) · <mailto:sam@example.com>\n\n"
        "## Technical Skills\n\n* **Python**, `pandas`, _SQL_\n- scikit_learn_extra\n\n"
        "## Experience\n\n| Role | Company |\n|---|---|\n| ML Engineer | Acme |\n\n"
        + FILLER
        + "\n",
        encoding="utf-8",
    )
    resume = parse_file(path)
    assert "**" not in resume.text and "#" not in resume.text and "`" not in resume.text
    assert "- Python, pandas, SQL" in resume.text
    assert "ML Engineer Acme" in resume.text
    assert "- scikit_learn_extra" in resume.text
    assert resume.links[0].url == "https://github.com/samlee"
    assert resume.links[0].text == "GitHub"
    assert [s.kind for s in resume.sections] == ["contact", "skills", "experience"]


def test_parse_text_string_entry_point() -> None:
    resume = parse_text("Skills\nPython and SQL for analytics", source="inline")
    assert resume.source == "inline"
    assert resume.quality.method == "text"
    assert resume.quality.verdict == "fair"


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("• Led a team", "- Led a team"),
        ("●  Built pipelines", "- Built pipelines"),
        ("▪ SQL", "- SQL"),
        ("– Managed budgets", "- Managed budgets"),
        ("◦ Nested item", "- Nested item"),
        ("* Starred item", "- Starred item"),
        ("•Glued bullet", "- Glued bullet"),
        ("(cid:114) Python developer", "Python developer"),
        (
            "Arti\ufb01cial intelligence, \ufb02ow, o\ufb03ce, ba\ufb04e, sta\ufb00",
            "Artificial intelligence, flow, office, baffle, staff",
        ),
        ("Sep. 2023 \u00ad Mar. 2024", "Sep. 2023 - Mar. 2024"),
        ("\ue600 +49 176 000", "+49 176 000"),
        ("2019 - 2021", "2019 - 2021"),
        ("-1.5% churn", "-1.5% churn"),
        ("• • •", ""),
        # A tab stop separates columns: it stays one tab; runs of spaces collapse to one.
        ("Kestrel Systems \t\t Data Analyst", "Kestrel Systems\tData Analyst"),
        ("Data   Analyst\t", "Data Analyst"),
    ],
)
def test_parse_text_clean_line(raw: str, clean: str) -> None:
    assert clean_line(raw) == clean


def test_parse_text_hyphenation_only_before_lowercase() -> None:
    text, _ = assemble(["deep experi-", "ence in NLP", "Front-", "End work", "2019-", "2021"])
    assert text.split("\n") == ["deep experience in NLP", "Front-", "End work", "2019-", "2021"]


def test_parse_text_unreadable_counted() -> None:
    assert count_unreadable("(cid:3)(cid:17) ab\ufffd") == 3


def test_parse_text_reflow_joins_lowercase_continuations_of_same_style() -> None:
    body, heading = (10.0, False), (14.0, True)
    lines = [
        "Skills",
        "python and sql",
        "- Built a model serving 2M requests with 99.97%",
        "uptime",
    ]
    text, _ = assemble(lines, [heading, body, body, body], reflow=True)
    assert text.split("\n") == [
        "Skills",
        "python and sql",
        "- Built a model serving 2M requests with 99.97% uptime",
    ]
