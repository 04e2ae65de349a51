"""PDF parsing on generated files: columns, links, running headers, encryption, broken files."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pdf_writer import LinkBox, Page, Text, make_pdf, two_column_page

from resume_fit.config import Limits
from resume_fit.errors import (
    EncryptedDocumentError,
    LimitExceededError,
    NoTextError,
    UnreadableDocumentError,
)
from resume_fit.parse import parse_file
from resume_fit.parse.extraction import Deadline
from resume_fit.parse.pdf import _GlyphCollector
from resume_fit.parse.segments import Glyph


def _write(tmp_path: Path, data: bytes, name: str = "cv.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_parse_pdf_two_columns_read_column_by_column(tmp_path: Path) -> None:
    resume = parse_file(_write(tmp_path, make_pdf([two_column_page()])))
    text = resume.text
    # Wrapped lines that continue in lowercase are joined back into one line.
    assert "Python, PyTorch and scikit-learn for tabular modelling\n" in text
    assert "Built a fraud model that cut chargebacks by a third in one quarter across" in text
    assert text.index("SQL and dbt pipelines") < text.index("EXPERIENCE")
    assert text.startswith("Jane Q. Example")
    assert resume.quality.columns is True
    assert any("2-column" in note for note in resume.quality.notes)
    assert [s.kind for s in resume.sections] == ["contact", "skills", "experience"]


def test_parse_pdf_fragmented_glyphs_reassembled(tmp_path: Path) -> None:
    page = two_column_page()
    page.split_glyphs = True
    resume = parse_file(_write(tmp_path, make_pdf([page])))
    assert "Docker and Kubernetes for model serving" in resume.text
    assert "Senior ML Engineer, Acme Corp" in resume.text


def test_parse_pdf_link_annotations_recovered_under_icons(tmp_path: Path) -> None:
    page = two_column_page()
    page.texts.append(Text(72, 760, "GitHub", 9))
    page.links = [
        LinkBox((70, 755, 110, 770), "https://github.com/janeq"),
        LinkBox((500, 760, 510, 770), "https://www.linkedin.com/in/janeq"),
        LinkBox((72, 738, 400, 752), "mailto:jane@example.com"),
    ]
    resume = parse_file(_write(tmp_path, make_pdf([page])))
    urls = [link.url for link in resume.links]
    assert urls[:3] == [
        "https://github.com/janeq",
        "https://www.linkedin.com/in/janeq",
        "mailto:jane@example.com",
    ]
    assert resume.links[0].text == "GitHub"
    assert resume.links[1].text == ""  # only an icon (no text) sat under it
    assert len(urls) == len(set(urls))


def test_parse_pdf_running_header_and_footer_kept_once(tmp_path: Path) -> None:
    pages = []
    for number in (1, 2):
        page = Page(
            texts=[
                Text(72, 770, "Jane Q. Example - Curriculum Vitae", 9),
                Text(72, 30, f"Page {number} of 2", 9),
                Text(72, 600, "EXPERIENCE" if number == 1 else "EDUCATION", 12),
                Text(72, 580, f"Body line on page {number} about model training"),
            ]
        )
        pages.append(page)
    resume = parse_file(_write(tmp_path, make_pdf(pages)))
    assert resume.text.count("Curriculum Vitae") == 1
    assert resume.text.count("Page ") == 1
    assert "Body line on page 2" in resume.text
    assert resume.quality.pages == 2


def test_parse_pdf_hyphenated_line_break_joined(tmp_path: Path) -> None:
    page = Page(
        texts=[
            Text(72, 700, "SUMMARY", 12),
            Text(72, 680, "Seasoned engineer with deep experi-"),
            Text(72, 666, "ence in recommendation systems."),
            Text(72, 640, "Ships ranking models, feature stores and offline evaluation"),
            Text(72, 626, "for search and ads teams across three product lines."),
        ]
    )
    resume = parse_file(_write(tmp_path, make_pdf([page])))
    assert "deep experience in recommendation systems." in resume.text


def test_parse_pdf_encrypted_with_empty_password_is_read(tmp_path: Path) -> None:
    page = two_column_page()
    page.links = [LinkBox((70, 738, 400, 752), "https://github.com/janeq")]
    resume = parse_file(_write(tmp_path, make_pdf([page], user_password="")))
    assert "Senior ML Engineer, Acme Corp" in resume.text
    assert resume.links[0].url == "https://github.com/janeq"


def test_parse_pdf_encrypted_with_password_refused(tmp_path: Path) -> None:
    path = _write(tmp_path, make_pdf([two_column_page()], user_password="secret"))
    with pytest.raises(EncryptedDocumentError) as caught:
        parse_file(path)
    assert str(caught.value).startswith(str(path))
    assert "password" in caught.value.reason


def test_parse_pdf_committed_encrypted_fixture_refused() -> None:
    fixture = Path(__file__).resolve().parents[1] / "data" / "parse" / "encrypted.pdf"
    with pytest.raises(EncryptedDocumentError):
        parse_file(fixture)


def test_parse_pdf_image_only_refused_as_scan(tmp_path: Path) -> None:
    path = _write(tmp_path, make_pdf([Page(image=True)]))
    with pytest.raises(NoTextError) as caught:
        parse_file(path)
    assert caught.value.reason == (
        "no text layer: this looks like a scanned PDF; run it through OCR first"
    )


def test_parse_pdf_scan_with_page_number_refused_as_scan(tmp_path: Path) -> None:
    page = Page(image=True, texts=[Text(300, 30, "Page 1", 8)])
    with pytest.raises(NoTextError) as caught:
        parse_file(_write(tmp_path, make_pdf([page])))
    assert caught.value.reason.startswith("no text layer: this looks like a scanned PDF")


@pytest.mark.parametrize("keep", [0.3, 0.6, 0.9])
def test_parse_pdf_truncated_refused(tmp_path: Path, keep: float) -> None:
    data = make_pdf([two_column_page()])
    path = _write(tmp_path, data[: int(len(data) * keep)])
    with pytest.raises((UnreadableDocumentError, NoTextError)) as caught:
        parse_file(path)
    assert str(path) in str(caught.value)


@pytest.mark.parametrize(
    "junk",
    [
        b"%PDF-1.4\n",
        b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 1 0 R >> endobj\ntrailer << /Root 1 0 R >>",
        b"%PDF-1.4\n" + b"[" * 5000,
        b"%PDF-1.4\nxref\n0 1\nzzzz\ntrailer << /Size -1 /Root 99 0 R >>\nstartxref\n9\n%%EOF",
    ],
)
def test_parse_pdf_hostile_input_gives_domain_error(tmp_path: Path, junk: bytes) -> None:
    path = _write(tmp_path, junk)
    with pytest.raises((UnreadableDocumentError, NoTextError)):
        parse_file(path)


def test_parse_pdf_page_limit(tmp_path: Path) -> None:
    path = _write(tmp_path, make_pdf([two_column_page(), two_column_page(), two_column_page()]))
    with pytest.raises(LimitExceededError) as caught:
        parse_file(path, Limits(max_pages=2))
    assert "3 pages" in caught.value.reason


def test_parse_pdf_time_budget(tmp_path: Path) -> None:
    path = _write(tmp_path, make_pdf([two_column_page()]))
    with pytest.raises(LimitExceededError) as caught:
        parse_file(path, Limits(timeout_seconds=1e-9))
    assert "time budget" in caught.value.reason


def test_parse_pdf_mutated_files_never_leak_other_exceptions(tmp_path: Path) -> None:
    import random

    from resume_fit.errors import ResumeFitError

    base = make_pdf([two_column_page(), two_column_page()])
    rng = random.Random(7)
    path = tmp_path / "mutant.pdf"
    outcomes = set()
    for _ in range(60):
        data = bytearray(base)
        for _ in range(rng.randint(1, 12)):
            position = rng.randrange(len(data))
            if rng.random() < 0.6:
                data[position] = rng.randrange(256)
            else:
                data[position:position] = rng.choice([b"[", b"<<", b"(", b"-1e99", b" R "])
        path.write_bytes(bytes(data))
        try:
            parse_file(path, Limits(timeout_seconds=10))
            outcomes.add("parsed")
        except ResumeFitError as error:
            assert error.path == str(path)
            outcomes.add(type(error).__name__)
    assert "parsed" in outcomes and len(outcomes) > 1


def test_parse_pdf_unmapped_font_refused(tmp_path: Path) -> None:
    page = Page(
        texts=[Text(72, 700 - 14 * i, "Senior engineer at Acme", garbled=True) for i in range(8)]
    )
    with pytest.raises(NoTextError) as caught:
        parse_file(_write(tmp_path, make_pdf([page])))
    assert "without a text mapping" in caught.value.reason


def test_parse_pdf_some_unmapped_glyphs_lower_the_verdict(tmp_path: Path) -> None:
    page = two_column_page()
    page.texts.append(Text(72, 500, "Symbols", garbled=True))
    resume = parse_file(_write(tmp_path, make_pdf([page])))
    assert 0.01 < resume.quality.unreadable_ratio < 0.05
    assert resume.quality.verdict == "fair"
    assert any("7 glyph(s) without a text mapping" in note for note in resume.quality.notes)


def test_parse_pdf_date_column_read_row_by_row(tmp_path: Path) -> None:
    texts = [Text(72, 720, "EXPERIENCE", 12)]
    y = 700.0
    for dates, lines in [
        ("2021 - now", ["Staff ML Engineer, Acme", "Owned the ranking stack", "and its A/B tests"]),
        ("2018 - 2021", ["Data Scientist, Globex", "Churn models in Python"]),
        ("2016 - 2018", ["Analyst, Initech", "SQL reporting for sales"]),
    ]:
        texts.append(Text(72, y, dates))
        for line in lines:
            texts.append(Text(160, y, line))
            y -= 14
        y -= 8
    resume = parse_file(_write(tmp_path, make_pdf([Page(texts=texts)])))
    assert "2021 - now Staff ML Engineer, Acme\nOwned the ranking stack" in resume.text
    assert "2018 - 2021 Data Scientist, Globex" in resume.text
    assert resume.quality.columns is False


def test_parse_pdf_right_aligned_dates_stay_with_short_names(tmp_path: Path) -> None:
    texts = [Text(72, 720, "EXPERIENCE", 12)]
    y = 700.0
    for company, dates in [("Acme Corp", "Jan 2020 - Present"), ("Globex", "Mar 2017 - Dec 2019")]:
        texts.append(Text(72, y, company, bold=True))
        texts.append(Text(450, y, dates))
        texts.append(
            Text(72, y - 14, "- Shipped a forecasting service used by every store in the chain")
        )
        texts.append(
            Text(72, y - 28, "- Cut cloud spend by a fifth with spot instances and autoscaling")
        )
        y -= 50
    resume = parse_file(_write(tmp_path, make_pdf([Page(texts=texts)])))
    assert "Acme Corp Jan 2020 - Present\n- Shipped a forecasting service" in resume.text
    assert "Globex Mar 2017 - Dec 2019" in resume.text


def test_parse_pdf_right_aligned_date_moves_off_a_bullet_line(tmp_path: Path) -> None:
    texts = [
        Text(72, 720, "EXPERIENCE", 12),
        Text(72, 700, "- Built foundation model infrastructure serving 2M monthly requests at"),
        Text(480, 700, "2021 - 2023"),
        Text(80, 686, "high availability"),
        Text(72, 672, "- Raised the Series A round and grew the engineering team to twenty"),
    ]
    resume = parse_file(_write(tmp_path, make_pdf([Page(texts=texts)])))
    assert (
        "2021 - 2023\n- Built foundation model infrastructure serving 2M monthly requests at "
        "high availability\n- Raised" in resume.text
    )


def test_parse_pdf_left_rail_headings_start_sections(tmp_path: Path) -> None:
    texts = [Text(72, 740, "Robin Okafor - robin@example.com", 14)]
    y = 700.0
    for heading, lines in [
        ("SKILLS", ["Python, Airflow and dbt", "Terraform on AWS"]),
        ("EXPERIENCE", ["Data Engineer, Contoso (2019 - 2024)", "Built the event pipeline"]),
        ("EDUCATION", ["BSc Computer Science, University of Lagos"]),
    ]:
        texts.append(Text(72, y, heading, 11, bold=True))
        for line in lines:
            texts.append(Text(180, y, line))
            y -= 14
        y -= 10
    resume = parse_file(_write(tmp_path, make_pdf([Page(texts=texts)])))
    assert [s.kind for s in resume.sections] == ["contact", "skills", "experience", "education"]
    assert resume.section_kind_at(resume.text.index("Terraform")) == "skills"
    assert "SKILLS\nPython, Airflow and dbt" in resume.text


def _pdfminer_chars(path: Path) -> list[Any]:
    """Every LTChar pdfminer's own aggregator makes of the file, page by page."""
    from pdfminer.converter import PDFPageAggregator
    from pdfminer.layout import LTChar, LTContainer
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    def walk(item: Any) -> Iterator[Any]:
        for child in item:
            if isinstance(child, LTChar):
                yield child
            elif isinstance(child, LTContainer):
                yield from walk(child)

    resources = PDFResourceManager()
    device = PDFPageAggregator(resources, laparams=None)
    interpreter = PDFPageInterpreter(resources, device)
    chars = []
    with path.open("rb") as stream:
        for page in PDFPage.get_pages(stream):
            interpreter.process_page(page)
            chars.extend(walk(device.get_result()))
    return chars


def _collected(path: Path) -> tuple[list[Glyph], int, int]:
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfpage import PDFPage

    resources = PDFResourceManager()
    device = _GlyphCollector(resources, Deadline(path, 0))
    interpreter = PDFPageInterpreter(resources, device)
    glyphs: list[Glyph] = []
    rotated = unreadable = 0
    with path.open("rb") as stream:
        for page in PDFPage.get_pages(stream):
            interpreter.process_page(page)
            glyphs.extend(device.glyphs)
            rotated += device.rotated
            unreadable += device.unreadable
    return glyphs, rotated, unreadable


def _transformed_page() -> Page:
    return Page(
        texts=[
            Text(72, 700, "Senior Machine Learning Engineer", size=16, bold=True),
            Text(72, 680, "Python, PyTorch, Kubernetes"),
            Text(0, 0, "Skewed italic", size=1, matrix=(10, 0, 3, 10, 72, 640)),
            Text(0, 0, "Wide and short", size=1, matrix=(14, 0, 0, 6, 72, 610)),
            Text(0, 0, "Mirrored heading", size=1, matrix=(10, 0, 0, -10, 72, 580)),
            Text(0, 0, "Rotated sidebar", size=1, matrix=(0, 10, -10, 0, 560, 300)),
            Text(72, 540, "ZZZZ", garbled=True),
        ]
    )


@pytest.mark.parametrize("source", ["generated", "sample"])
def test_parse_pdf_glyph_boxes_match_pdfminer_ltchar(tmp_path: Path, source: str) -> None:
    # The collector computes each glyph's box itself instead of building LTChar objects; the boxes,
    # baselines and sizes must be the ones LTChar gives, for plain, skewed, scaled, mirrored and
    # rotated text, and in a real exported resume with embedded fonts.
    if source == "generated":
        path = _write(tmp_path, make_pdf([_transformed_page()]))
    else:
        path = Path(__file__).resolve().parents[2] / "samples" / "ml_engineer.pdf"
    chars = _pdfminer_chars(path)
    glyphs, rotated, unreadable = _collected(path)
    expected = [
        (c.get_text(), c.x0, c.x1, c.y0, c.y1, c.matrix[5], c.size)
        for c in chars
        if c.upright and not c.get_text().startswith("(cid:")
    ]
    assert len(expected) > 20
    assert [tuple(g)[:7] for g in glyphs] == expected
    assert rotated == sum(1 for c in chars if not c.upright)
    assert unreadable == sum(1 for c in chars if c.get_text().startswith("(cid:"))
    if source == "generated":
        # Mirrored text counts as not upright, as in pdfminer.
        assert rotated == len("Mirrored heading") + len("Rotated sidebar")
        assert unreadable == 4
