"""DOCX text boxes placed on the page are read in rendered order, the way the PDF twin reads.

The twins come from ``docx_boxes``: one invented resume per template style, as floating text boxes
saved in a scrambled XML order (headings first, sidebar boxes between main ones) and as a PDF with
each line where Word draws it.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from docx_boxes import MARGIN, Template, TextBox, body, heading, templates, write_docx, write_pdf

from resume_fit.parse import parse_file
from resume_fit.parse.placement import PageGeometry, placed_boxes
from resume_fit.profile import build_profile

TEMPLATES = templates()
PRESENT = dt.date(2026, 12, 1)


def _twins(tmp_path: Path, name: str) -> tuple[Path, Path]:
    template = TEMPLATES[name]
    return (
        write_docx(template, tmp_path / f"{name}.docx"),
        write_pdf(template, tmp_path / f"{name}.pdf"),
    )


def _lines(text: str) -> list[str]:
    return [line for line in text.split("\n") if line.strip()]


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_word_layout_sections_in_the_pdf_twins_order(tmp_path: Path, name: str) -> None:
    word, pdf = (parse_file(path) for path in _twins(tmp_path, name))
    assert [s.kind for s in word.sections] == [s.kind for s in pdf.sections]
    assert [s.heading for s in word.sections] == [s.heading for s in pdf.sections]


@pytest.mark.parametrize("name", sorted(TEMPLATES))
def test_word_layout_every_box_read_once(tmp_path: Path, name: str) -> None:
    word_path, _ = _twins(tmp_path, name)
    text = parse_file(word_path).text
    written = [line for box in TEMPLATES[name].boxes for line, _, _ in box.lines]
    for line in written:
        # as often as the template writes it (a title may also be the headline), not twice as
        # often because of the VML fallback copy or a group member read again
        assert text.count(line) == sum(other.count(line) for other in written), line


def test_word_layout_sidebar_read_as_a_column(tmp_path: Path) -> None:
    word_path, _ = _twins(tmp_path, "sidebar_left")
    resume = parse_file(word_path)
    lines = _lines(resume.text)
    # the sidebar top to bottom, then the main column top to bottom
    order = ["Contact", "Skills", "Languages", "Priya Natarajan", "Summary", "Experience"]
    assert [lines.index(item) for item in order] == sorted(lines.index(item) for item in order)
    assert any("column by column" in note for note in resume.quality.notes)


def test_word_layout_dates_beside_the_title_give_positions(tmp_path: Path) -> None:
    word_path, pdf_path = _twins(tmp_path, "dates_beside")
    spans = []
    for path in (word_path, pdf_path):
        profile = build_profile(parse_file(path), (), reference_date=PRESENT)
        spans.append([p.span.label() for p in profile.positions])
    assert spans[0] == spans[1] == ["2021-07 to present", "2017-08 to 2021-06"]


def test_word_layout_unpositioned_boxes_stay_in_the_text_flow(tmp_path: Path) -> None:
    # One small placed box beside a document of ordinary paragraphs: read where it is anchored.
    template = Template(
        [TextBox(400, 60, 150, [heading("Note"), body("Open to relocation")])],
        [0],
        flow=[
            "Experience",
            "Data engineer at Litware building Spark and Airflow pipelines for finance.",
            "Cut the nightly batch from six hours to forty minutes and wrote the on-call runbooks.",
            "Education",
            "BSc Computer Science, University of Leeds",
        ],
    )
    path = write_docx(template, tmp_path / "mostly_flow.docx")
    lines = _lines(parse_file(path).text)
    assert lines.index("Open to relocation") < lines.index("Experience")
    assert lines.index("Experience") < lines.index("Education")


@pytest.mark.parametrize(
    ("relative", "expected_x", "expected_y"),
    [("page", 230.0, 250.0), ("margin", 230.0, 250.0), ("paragraph", 230.0, 250.0)],
)
def test_word_layout_anchor_positions_relative_to_each_frame(
    tmp_path: Path, relative: str, expected_x: float, expected_y: float
) -> None:
    from docx import Document

    box = TextBox(230, 250, 200, [body("Placed")], relative=relative)
    path = write_docx(Template([box], [0], fallback=False), tmp_path / "one.docx")
    drawing = next(e for e in Document(str(path)).element.body.iter() if e.tag.endswith("}drawing"))
    page = PageGeometry(612, 792, MARGIN, MARGIN, MARGIN, MARGIN)
    (placed,) = placed_boxes(drawing, page, paragraph_top=MARGIN) or []
    assert (placed.x, placed.y) == pytest.approx((expected_x, expected_y), abs=0.1)
    assert placed.width == pytest.approx(200, abs=0.1)
