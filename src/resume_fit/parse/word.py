"""DOCX reading: everything a reader sees, in document order, from the WordprocessingML tree.

``python-docx`` opens the package and resolves relationships; the text is gathered by walking the
XML because ``Document.paragraphs`` misses tables, text boxes (``w:txbxContent``, which many resume
templates are built from), content controls and hyperlinks. ``mc:AlternateContent`` holds the same
shape twice (a modern ``mc:Choice`` and a VML ``mc:Fallback``): only the choice is read. Headers and
footers of every section are read once each. The package is checked first (``package``: zip bombs,
entity declarations).

Templates made of floating text boxes are read in rendered order: when boxes placed on the page
(``placement``) hold enough of the body, the body's paragraphs and boxes become segments at their
estimated place and ``layout`` orders them column by column, as it orders a PDF page.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from resume_fit.errors import UnreadableDocumentError
from resume_fit.parse.extraction import Deadline, Extraction
from resume_fit.parse.layout import layout_page
from resume_fit.parse.normalize import assemble
from resume_fit.parse.package import refuse_dtds
from resume_fit.parse.placement import (
    DEFAULT_SIZE_PT,
    PARAGRAPH_SPACE_EM,
    Box,
    PageGeometry,
    page_geometry,
    placed_boxes,
    text_height,
    text_width,
)
from resume_fit.parse.resume_text import Link
from resume_fit.parse.segments import Segment
from resume_fit.parse.settings import load_settings

_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_CONTAINERS = {
    "r",
    "smartTag",
    "customXml",
    "ins",
    "sdt",
    "sdtContent",
    "moveTo",
    "fldSimple",
    "dir",
    "bdo",
}
_SKIPPED = {
    "del",
    "moveFrom",
    "pPr",
    "rPr",
    "instrText",
    "delText",
    "sectPr",
    "tblPr",
    "tcPr",
    "trPr",
}
_HYPERLINK_FIELD_RE = re.compile(r'HYPERLINK\s+"([^"]+)"')


def read_docx(path: Path, deadline: Deadline) -> Extraction:
    """Extract a DOCX's text in document order: headers, body (tables, text boxes), footers.

    Args:
        path: The DOCX file (already checked with ``check_archive``).
        deadline: Time budget, checked per block.

    Raises:
        UnreadableDocumentError: The package or its XML is corrupt.
    """
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    refuse_dtds(path)
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise UnreadableDocumentError(
            path, f"corrupt DOCX: {type(error).__name__}: {error}"
        ) from None
    except Exception as error:  # noqa: BLE001 - lxml raises its own types on broken XML
        raise UnreadableDocumentError(path, f"corrupt DOCX: {type(error).__name__}") from None
    walker = _Walker(deadline)
    headers, footers = _header_footer_parts(document)
    for part in headers:
        walker.block(part.element, _rels(part))
        walker.lines.append(("", None))
    body = document.element.body
    page = page_geometry(next((c for c in body if _local(c) == "sectPr"), None))
    walker.page = page
    walker.flow_top = page.top
    start = len(walker.lines)
    walker.block(body, _rels(document.part))
    walker.page = None
    if walker.placed_share() >= load_settings().docx.get("layout_box_share", 1.0):
        walker.lines[start:] = walker.page_order(page)
    for part in footers:
        walker.lines.append(("", None))
        walker.block(part.element, _rels(part))
    text, styles = assemble([line for line, _ in walker.lines], [s for _, s in walker.lines])
    return Extraction(
        text=text,
        method="docx",
        links=tuple(walker.links),
        inked=len("".join(text.split())),  # characters that are not white space
        styles=styles,
        notes=tuple(walker.notes()),
    )


def _rels(part: Any) -> dict[str, str]:
    return {rid: rel.target_ref for rid, rel in part.rels.items() if rel.is_external}


def _header_footer_parts(document: Any) -> tuple[list[Any], list[Any]]:
    headers: list[Any] = []
    footers: list[Any] = []
    seen: set[str] = set()
    for section in document.sections:
        for attribute, bucket in (
            ("first_page_header", headers),
            ("header", headers),
            ("even_page_header", headers),
            ("first_page_footer", footers),
            ("footer", footers),
            ("even_page_footer", footers),
        ):
            item = getattr(section, attribute)
            if item.is_linked_to_previous:
                continue
            part = item.part
            if str(part.partname) in seen:
                continue
            seen.add(str(part.partname))
            bucket.append(part)
    return headers, footers


def _local(element: Any) -> str:
    tag = element.tag
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _namespace(element: Any) -> str:
    tag = element.tag
    return tag[1:].split("}", 1)[0] if isinstance(tag, str) and tag.startswith("{") else ""


class _Walker:
    """Collects lines (with a style key) and links while walking WordprocessingML.

    While ``page`` is set (the body), it also estimates where each paragraph starts on the page
    and keeps the text boxes anchored at a position apart with their place (``placed``), so
    ``page_order`` can read the body as it is drawn. Text boxes without a position, and every box
    in headers, footers and inside other boxes, are read where they are anchored, as before.
    """

    def __init__(self, deadline: Deadline) -> None:
        self.deadline = deadline
        self.lines: list[tuple[str, Any]] = []
        self.links: list[Link] = []
        self.boxes = 0
        self.tables = 0
        self.page: PageGeometry | None = None
        self.flow_top = 0.0
        self.paragraph_top = 0.0
        self.flow: list[tuple[float, str, Any]] = []  # (top, line, style) of body text
        self.placed: list[tuple[Box, list[tuple[str, Any]]]] = []
        self.paged = False

    def notes(self) -> list[str]:
        notes = []
        if self.tables:
            notes.append(f"{self.tables} table(s) read cell by cell")
        if self.boxes:
            notes.append(f"{self.boxes} text box(es) read")
        if self.paged:
            notes.append("text boxes placed on the page and read column by column")
        return notes

    def placed_share(self) -> float:
        """Share of the body's characters that sit in text boxes placed on the page."""
        boxed = sum(len(line.strip()) for _, lines in self.placed for line, _ in lines)
        flowing = sum(len(line.strip()) for _, line, _ in self.flow)
        return boxed / (boxed + flowing) if boxed else 0.0

    def page_order(self, page: PageGeometry) -> list[tuple[str, Any]]:
        """The body's lines in reading order: flow text and placed boxes laid out as a PDF page."""
        pages: dict[int, list[Segment]] = {}
        for top, line, style in self.flow:
            size = _size(style)
            pages.setdefault(int(top // page.height), []).append(
                _segment(line, style, page.left, top, page.content_width, size)
            )
        for box, lines in self.placed:
            top = box.y + BOX_INSET_PT
            for line, style in lines:
                size = _size(style)
                if not line.strip():
                    top += PARAGRAPH_SPACE_EM * size
                    continue
                width = max(box.width - 2 * BOX_INSET_PT, 1.0)
                pages.setdefault(int(max(top, 0.0) // page.height), []).append(
                    _segment(line, style, box.x + BOX_INSET_PT, top, width, size)
                )
                top += text_height(line, size, width)
        ordered: list[tuple[str, Any]] = []
        for number in sorted(pages):
            layout = layout_page(pages[number])
            if ordered:
                ordered.append(("", None))
            ordered.extend((line.text, line.style) for line in layout.lines)
        self.paged = True
        return ordered

    def block(self, element: Any, rels: dict[str, str]) -> None:
        """Read block-level content: paragraphs, tables, content controls."""
        for child in element:
            name = _local(child)
            if name == "p":
                self.paragraph(child, rels)
            elif name == "tbl":
                self.table(child, rels)
            elif name == "AlternateContent" and _namespace(child) == _MC:
                self.block(_choice(child), rels)
            elif name in _CONTAINERS or name in {"txbxContent", "body", "hdr", "ftr"}:
                self.block(child, rels)

    def table(self, table: Any, rels: dict[str, str]) -> None:
        self.deadline.check()
        self.tables += 1
        for row in table:
            if _local(row) != "tr":
                continue
            for cell in row:
                if _local(cell) == "tc":
                    self.block(cell, rels)
                elif _local(cell) in {"sdt", "customXml"}:
                    for inner in cell.iter(f"{{{_W}}}tc"):
                        self.block(inner, rels)
            self.lines.append(("", None))

    def paragraph(self, paragraph: Any, rels: dict[str, str]) -> None:
        self.deadline.check()
        parts: list[str] = []
        boxes: list[Any] = []
        self.paragraph_top = self.flow_top
        placed_before = len(self.placed)
        self.inline(paragraph, rels, parts, boxes)
        text = "".join(parts)
        style = _paragraph_style(paragraph)
        if text.strip() and _is_list_item(paragraph):
            text = "- " + text.lstrip()  # Word draws the bullet from numbering, not from the text
        for line in text.split("\n"):
            self.lines.append((line, style))
            if self.page is not None:
                size = _size(style)
                if line.strip():
                    self.flow.append((self.flow_top, line, style))
                self.flow_top += text_height(line, size, self.page.content_width)
        if self.page is not None:
            self.flow_top += PARAGRAPH_SPACE_EM * _size(style)
        for _, lines in self.placed[placed_before:]:
            # In anchor order too, for when the body is not read in page order after all.
            self.lines.append(("", None))
            self.lines.extend(lines)
            self.lines.append(("", None))
        for box in boxes:
            self.boxes += 1
            self.lines.append(("", None))
            self.block(box, rels)
            self.lines.append(("", None))

    def inline(
        self, element: Any, rels: dict[str, str], parts: list[str], boxes: list[Any]
    ) -> None:
        for child in element:
            name = _local(child)
            if name == "t":
                parts.append(child.text or "")
            elif name == "tab":
                parts.append("\t")
            elif name in {"br", "cr"}:
                parts.append("\n")
            elif name == "noBreakHyphen":
                parts.append("-")
            elif name == "hyperlink":
                start = len("".join(parts))
                self.inline(child, rels, parts, boxes)
                target = rels.get(child.get(f"{{{_R}}}id") or "")
                if target:
                    self.links.append(Link(target, "".join(parts)[start:].strip()))
            elif name == "instrText":
                match = _HYPERLINK_FIELD_RE.search(child.text or "")
                if match:
                    self.links.append(Link(match.group(1), ""))
            elif name == "AlternateContent" and _namespace(child) == _MC:
                self.inline(_choice(child), rels, parts, boxes)
            elif name == "r" and _all_caps(child):
                # Word draws these runs in capitals ("EXPERIENCE"), as the PDF export shows them.
                run: list[str] = []
                self.inline(child, rels, run, boxes)
                parts.append("".join(run).upper())
            elif name in {"drawing", "pict", "object"}:
                placed = self._place(child, rels)
                if not placed:
                    boxes.extend(_text_boxes(child))
            elif name in _CONTAINERS:
                self.inline(child, rels, parts, boxes)

    def _place(self, drawing: Any, rels: dict[str, str]) -> bool:
        """Keep a drawing's positioned text boxes with their place; False when not positioned."""
        if self.page is None:
            return False
        boxes = placed_boxes(drawing, self.page, self.paragraph_top)
        if boxes is None:
            return False
        for box in boxes:
            reader = _Walker(self.deadline)
            reader.block(box.content, rels)
            self.links.extend(reader.links)
            self.boxes += 1 + reader.boxes
            self.tables += reader.tables
            self.placed.append((box, reader.lines))
        return True


BOX_INSET_PT = 3.6  # Word's default text box inset (0.05 in)


def _size(style: Any) -> float:
    """Font size in points from a paragraph's style key (half-points), or the default size."""
    if isinstance(style, tuple) and len(style) == 3 and style[2]:
        return style[2] / 2
    return DEFAULT_SIZE_PT


def _segment(line: str, style: Any, left: float, top: float, width: float, size: float) -> Segment:
    """One line of DOCX text as a layout segment (PDF orientation: y grows upwards)."""
    height = text_height(line, size, width)
    bold = bool(style[1]) if isinstance(style, tuple) and len(style) == 3 else False
    return Segment(
        text=line.strip(),
        x0=left,
        x1=left + text_width(line.strip(), size, width),
        y0=-(top + height),
        y1=-top,
        baseline=-(top + size),
        size=size,
        bold=bold,
        style=style,
    )


def _choice(alternate: Any) -> Any:
    """The first ``mc:Choice`` of an ``mc:AlternateContent`` (the fallback repeats it)."""
    for child in alternate:
        if _local(child) == "Choice":
            return child
    for child in alternate:
        if _local(child) == "Fallback":
            return child
    return []


def _text_boxes(element: Any) -> Iterator[Any]:
    """Outermost ``w:txbxContent`` elements under a drawing, skipping ``mc:Fallback`` copies."""
    for child in element:
        name = _local(child)
        if name == "txbxContent":
            yield child
        elif name == "AlternateContent" and _namespace(child) == _MC:
            yield from _text_boxes(_choice(child))
        elif name != "Fallback":
            yield from _text_boxes(child)


def _all_caps(run: Any) -> bool:
    """True when a run's own properties set ``w:caps`` (capitals whatever the typed case)."""
    for properties in run:
        if _local(properties) != "rPr":
            continue
        for prop in properties:
            if _local(prop) == "caps":
                return prop.get(f"{{{_W}}}val") not in {"0", "false", "off"}
    return False


def _is_list_item(paragraph: Any) -> bool:
    for prop in paragraph:
        if _local(prop) != "pPr":
            continue
        for child in prop:
            if _local(child) == "numPr":
                return True
            if _local(child) == "pStyle":
                value = (child.get(f"{{{_W}}}val") or "").replace(" ", "").lower()
                return value.startswith(("listbullet", "listnumber"))
    return False


def _paragraph_style(paragraph: Any) -> tuple[str, bool, int] | None:
    """(paragraph style, all text runs bold, largest run size in half-points) as a heading cue."""
    style = "Normal"
    bold_runs = plain_runs = 0
    size = 0
    for child in paragraph:
        name = _local(child)
        if name == "pPr":
            for prop in child:
                if _local(prop) == "pStyle":
                    style = prop.get(f"{{{_W}}}val") or style
        elif name == "r":
            has_text = any(_local(t) == "t" and (t.text or "").strip() for t in child)
            if not has_text:
                continue
            bold = False
            for rpr in child:
                if _local(rpr) != "rPr":
                    continue
                for prop in rpr:
                    value = prop.get(f"{{{_W}}}val")
                    if _local(prop) == "b" and value not in {"0", "false"}:
                        bold = True
                    elif _local(prop) == "sz" and value and value.isdigit():
                        size = max(size, int(value))
            bold_runs += bold
            plain_runs += not bold
    bold = bool(bold_runs) and not plain_runs
    if style == "Normal" and not bold and not size:
        return None  # plain body text carries no heading cue either way
    return style, bold, size
