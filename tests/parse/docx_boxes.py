"""Text-box resume twins for tests: the same invented resume as a DOCX of floating text boxes and
as a PDF with every line where Word would draw it.

A template is a list of ``TextBox`` (position on the page in points from the top-left corner,
width, and lines). ``write_docx`` anchors each box with ``wp:anchor`` (DrawingML in ``mc:Choice``
and, unless told otherwise, a VML copy in ``mc:Fallback``), in a scrambled XML order, with its
position expressed relative to the page, the margin, the column or the anchoring paragraph;
``group`` puts boxes in one grouped shape (``wpg:wgp``). ``write_pdf`` sets the same lines with
the tiny PDF writer. ``python tests/parse/docx_boxes.py DIR`` writes every template's twins into
DIR (used by ``scripts/evaluate_twins.py``).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

import docx
from docx.oxml import parse_xml
from docx.shared import Pt

sys.path.insert(0, str(Path(__file__).parent))

from pdf_writer import Page, Text, make_pdf  # noqa: E402

EMU = 12_700
MARGIN = 36.0
PAGE_HEIGHT = 792.0
INSET = 3.6
NAMESPACES = (
    'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:wpg="http://schemas.microsoft.com/office/word/2010/wordprocessingGroup" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)


@dataclass
class TextBox:
    """A floating text box: top-left corner and width in points, lines as (text, size, bold)."""

    x: float
    y: float
    width: float
    lines: list[tuple[str, float, bool]]
    relative: str = "page"  # page, margin, column or paragraph (vertical: page or paragraph)
    group: int = 0  # boxes with the same non-zero group number form one grouped shape

    @property
    def height(self) -> float:
        return 2 * INSET + sum(size * 1.2 for _, size, _ in self.lines) + 12


def heading(text: str) -> tuple[str, float, bool]:
    return (text, 12.0, True)


def body(text: str) -> tuple[str, float, bool]:
    return (text, 10.0, False)


@dataclass
class Template:
    """A text-box resume: boxes in reading order, the XML order to write them in, and flags."""

    boxes: list[TextBox]
    xml_order: list[int]
    fallback: bool = True
    in_table: bool = False
    flow: list[str] = field(default_factory=list)


def _paragraphs(box: TextBox) -> str:
    out = []
    for text, size, bold in box.lines:
        props = f'<w:rPr>{"<w:b/>" if bold else ""}<w:sz w:val="{int(size * 2)}"/></w:rPr>'
        out.append(f'<w:p><w:r>{props}<w:t xml:space="preserve">{text}</w:t></w:r></w:p>')
    return "".join(out)


def _offsets(box: TextBox) -> tuple[str, int, str, int]:
    horizontal = box.relative if box.relative != "paragraph" else "column"
    x = box.x if horizontal == "page" else box.x - MARGIN
    vertical = "paragraph" if box.relative == "paragraph" else "page"
    y = box.y if vertical == "page" else box.y - MARGIN
    return horizontal, int(x * EMU), vertical, int(y * EMU)


def _wsp(box: TextBox, offset: tuple[float, float] = (0, 0), scale: float = 1.0) -> str:
    x, y = offset
    return (
        '<wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr>'
        f'<a:xfrm><a:off x="{int(x * scale * EMU)}" y="{int(y * scale * EMU)}"/>'
        f'<a:ext cx="{int(box.width * scale * EMU)}" cy="{int(box.height * scale * EMU)}"/>'
        '</a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>'
        f"<wps:txbx><w:txbxContent>{_paragraphs(box)}</w:txbxContent></wps:txbx>"
        "<wps:bodyPr/></wps:wsp>"
    )


def _anchor(x_rel: str, x: int, y_rel: str, y: int, cx: float, cy: float, graphic: str) -> str:
    uri = "http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
    return (
        '<w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" '
        'relativeHeight="1" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1">'
        '<wp:simplePos x="0" y="0"/>'
        f'<wp:positionH relativeFrom="{x_rel}"><wp:posOffset>{x}</wp:posOffset></wp:positionH>'
        f'<wp:positionV relativeFrom="{y_rel}"><wp:posOffset>{y}</wp:posOffset></wp:positionV>'
        f'<wp:extent cx="{int(cx * EMU)}" cy="{int(cy * EMU)}"/><wp:wrapNone/>'
        '<wp:docPr id="1" name="Text Box"/>'
        f'<a:graphic><a:graphicData uri="{uri}">{graphic}</a:graphicData></a:graphic>'
        "</wp:anchor></w:drawing>"
    )


def _vml(box: TextBox) -> str:
    style = (
        f"position:absolute;margin-left:{box.x}pt;margin-top:{box.y}pt;width:{box.width}pt;"
        f"height:{box.height}pt;mso-position-horizontal-relative:page;"
        "mso-position-vertical-relative:page"
    )
    return (
        f'<w:pict><v:shape style="{style}"><v:textbox><w:txbxContent>{_paragraphs(box)}'
        "</w:txbxContent></v:textbox></v:shape></w:pict>"
    )


def _run(drawing: str, fallback: str | None) -> str:
    if fallback is None:
        return f"<w:r {NAMESPACES}>{drawing}</w:r>"
    return (
        f'<w:r {NAMESPACES}><mc:AlternateContent><mc:Choice Requires="wps">{drawing}</mc:Choice>'
        f"<mc:Fallback>{fallback}</mc:Fallback></mc:AlternateContent></w:r>"
    )


def _runs(template: Template) -> list[str]:
    runs: list[str] = []
    groups: dict[int, list[TextBox]] = {}
    for index in template.xml_order:
        box = template.boxes[index]
        if box.group:
            groups.setdefault(box.group, []).append(box)
            continue
        x_rel, x, y_rel, y = _offsets(box)
        drawing = _anchor(x_rel, x, y_rel, y, box.width, box.height, _wsp(box))
        runs.append(_run(drawing, _vml(box) if template.fallback else None))
    for members in groups.values():
        left = min(b.x for b in members)
        top = min(b.y for b in members)
        right = max(b.x + b.width for b in members)
        bottom = max(b.y + b.height for b in members)
        # Child coordinates at twice the scale, so the group transform is exercised.
        shapes = "".join(_wsp(b, (b.x - left, b.y - top), 2.0) for b in members)
        size = f'cx="{int((right - left) * EMU)}" cy="{int((bottom - top) * EMU)}"'
        child = f'cx="{int((right - left) * 2 * EMU)}" cy="{int((bottom - top) * 2 * EMU)}"'
        group = (
            f'<wpg:wgp><wpg:cNvGrpSpPr/><wpg:grpSpPr><a:xfrm><a:off x="0" y="0"/><a:ext {size}/>'
            f'<a:chOff x="0" y="0"/><a:chExt {child}/></a:xfrm></wpg:grpSpPr>{shapes}</wpg:wgp>'
        )
        drawing = _anchor(
            "page", int(left * EMU), "page", int(top * EMU), right - left, bottom - top, group
        )
        fallback = "".join(_vml(b) for b in members) if template.fallback else None
        runs.append(_run(drawing, fallback))
    return runs


def write_docx(template: Template, path: Path) -> Path:
    """Write the template as a DOCX of floating text boxes."""
    document = docx.Document()
    section = document.sections[0]
    section.page_width, section.page_height = Pt(612), Pt(PAGE_HEIGHT)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Pt(MARGIN))
    if template.in_table:
        table = document.add_table(rows=1, cols=1)
        anchor = table.cell(0, 0).paragraphs[0]
    else:
        anchor = document.add_paragraph()
    for run in _runs(template):
        anchor._p.append(parse_xml(run))
    for line in template.flow:
        document.add_paragraph(line)
    document.save(path)
    return path


def write_pdf(template: Template, path: Path) -> Path:
    """Write the template's lines where the boxes put them, as a one-page PDF."""
    texts = []
    for box in template.boxes:
        top = box.y + INSET
        for text, size, bold in box.lines:
            texts.append(Text(box.x + INSET, PAGE_HEIGHT - top - size, text, size, bold))
            top += size * 1.2
    path.write_bytes(make_pdf([Page(texts=texts)]))
    return path


def _experience(dates_beside: bool) -> list[TextBox]:
    entries = [
        (
            "2021 –",
            "Present",
            "Machine Learning Engineer",
            "Northwind Analytics, Berlin",
            "- Built ranking models in PyTorch served with FastAPI on Kubernetes",
        ),
        (
            "Aug 2017 –",
            "Jun 2021",
            "Data Scientist",
            "Contoso Insurance, Leeds",
            "- Churn and fraud models with scikit-learn, XGBoost and SQL",
        ),
    ]
    if not dates_beside:
        lines = [heading("Experience")]
        for start, end, title, org, bullet in entries:
            lines += [body(f"{title}, {start} {end}"), body(org), body(bullet)]
        return [TextBox(230, 250, 346, lines)]
    boxes = [TextBox(230, 250, 346, [heading("Experience")], relative="column")]
    top = 272.0
    for start, end, title, org, bullet in entries:
        boxes.append(TextBox(230, top, 60, [body(start), body(end)], relative="paragraph"))
        boxes.append(
            TextBox(300, top, 276, [body(title), body(org), body(bullet)], relative="margin")
        )
        top += 60
    return boxes


def templates() -> dict[str, Template]:
    """The invented text-box templates, by name."""
    name = TextBox(
        230, 40, 346, [("Priya Natarajan", 20.0, True), body("Machine Learning Engineer")]
    )
    summary = TextBox(
        230,
        110,
        346,
        [
            heading("Summary"),
            body("Engineer with ten years of experience shipping search and"),
            body("recommendation models, from feature pipelines to online tests."),
        ],
    )
    education = TextBox(
        230, 420, 346, [heading("Education"), body("MSc Statistics, University of Leeds, 2015")]
    )
    contact = TextBox(
        36,
        40,
        170,
        [heading("Contact"), body("priya@example.com"), body("+44 20 7946 0000")],
        relative="margin",
    )
    skills = TextBox(
        36,
        160,
        170,
        [
            heading("Skills"),
            body("Python, SQL, PyTorch"),
            body("scikit-learn, XGBoost"),
            body("Airflow, Spark, Docker"),
            body("Kubernetes, AWS"),
        ],
    )
    languages = TextBox(36, 300, 170, [heading("Languages"), body("English, Tamil, German")])
    sidebar = [contact, skills, languages]
    main = [name, summary, *_experience(dates_beside=False), education]
    dated = [name, summary, *_experience(dates_beside=True), education]
    out = {
        # headings-first XML order, as the template editors save it
        "sidebar_left": Template(sidebar + main, [2, 1, 6, 0, 5, 3, 4]),
        "sidebar_no_fallback": Template(sidebar + main, [6, 5, 4, 3, 2, 1, 0], fallback=False),
        "dates_beside": Template(sidebar + dated, list(range(len(sidebar + dated)))[::-1]),
        "in_table": Template(sidebar + main, [3, 0, 4, 1, 5, 2, 6], in_table=True),
    }
    grouped = [TextBox(b.x, b.y, b.width, b.lines, "page", 1) for b in sidebar]
    out["grouped_sidebar"] = Template(grouped + main, [3, 4, 0, 5, 1, 6, 2])
    right = [TextBox(420, b.y, 156, b.lines, b.relative) for b in sidebar]
    main_left = [TextBox(36, b.y, 360, b.lines, b.relative) for b in main]
    out["sidebar_right"] = Template(main_left + right, [6, 5, 4, 3, 2, 1, 0])
    return out


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    folder.mkdir(parents=True, exist_ok=True)
    for name, template in templates().items():
        write_docx(template, folder / f"{name}.docx")
        write_pdf(template, folder / f"{name}.pdf")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
