"""PDF reading with pdfminer.six: glyphs with coordinates, link annotations, hostile-file handling.

pdfminer's interpreter is driven page by page into a text device of our own that keeps each glyph's
text and box (no ``LTChar`` objects, no layout analysis of pdfminer's): ``segments`` groups the
glyphs into lines and ``layout`` orders the lines and columns. Icon fonts (Font Awesome and
friends) are dropped before that, so an envelope or GitHub logo does not become junk text; the
link annotation under the icon is kept as a ``Link``. pdfminer raises many exception types (and
plain ``Exception``, ``RecursionError``, ``struct.error``...) on broken input: every one of them
becomes an ``UnreadableDocumentError`` that names the file.
"""

from __future__ import annotations

import logging
import math
import re
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from pdfminer.pdfdevice import PDFTextDevice
from pdfminer.pdfdocument import PDFDocument, PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdffont import PDFFont, PDFUnicodeNotDefined
from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
from pdfminer.pdfpage import PDFPage
from pdfminer.pdfparser import PDFParser
from pdfminer.pdftypes import resolve1

from resume_fit.errors import (
    EncryptedDocumentError,
    LimitExceededError,
    ResumeFitError,
    UnreadableDocumentError,
)
from resume_fit.parse.extraction import Deadline, Extraction
from resume_fit.parse.layout import layout_page
from resume_fit.parse.normalize import assemble, clean_line, count_unreadable
from resume_fit.parse.resume_text import Link
from resume_fit.parse.segments import Glyph, Segment, build_segments

_ICON_FONT_RE = re.compile(
    r"awesome|icons?\b|icons[A-Z]|academicons|wingding|dingbat|zapf|marvosym|fontello|"
    r"ionicons|materialsymbols|materialicons|simpleicons|octicons|entypo|glyphicons",
    re.IGNORECASE,
)
_BOLD_FONT_RE = re.compile(r"bold|black|heavy|semibold|demi|[-,]b$|\.b$", re.IGNORECASE)
_EDGE_SHARE = 0.08  # top and bottom strips of a page where running headers and footers live
_CHECK_EVERY = 512


def read_pdf(path: Path, *, max_pages: int, deadline: Deadline) -> Extraction:
    """Extract a PDF's text in reading order, with its links and layout notes.

    Args:
        path: The PDF file.
        max_pages: Refuse documents with more pages than this.
        deadline: Time budget, checked while glyphs are rendered.

    Returns:
        The extraction; its text may be empty (a scan), which the caller reports.

    Raises:
        EncryptedDocumentError: The PDF needs a password other than the empty one.
        LimitExceededError: Too many pages, or the time budget ran out.
        UnreadableDocumentError: The file is corrupt, truncated or too hostile to read.
    """
    counter = _WarningCounter()
    logger = logging.getLogger("pdfminer")
    logger.addHandler(counter)
    try:
        with path.open("rb") as stream:
            extraction = _read(stream, path, max_pages, deadline)
        if counter.count:
            notes = (*extraction.notes, f"pdfminer reported {counter.count} problem(s) in the file")
            extraction = replace(extraction, notes=notes)
        return extraction
    except ResumeFitError:
        raise
    except RecursionError:
        raise UnreadableDocumentError(
            path, "corrupt PDF: object structure nests too deeply"
        ) from None
    except MemoryError:
        raise UnreadableDocumentError(path, "corrupt PDF: reading it exhausted memory") from None
    except Exception as error:  # noqa: BLE001 - pdfminer raises arbitrary types on hostile input
        raise UnreadableDocumentError(path, f"corrupt PDF: {_describe(error)}") from None
    finally:
        logger.removeHandler(counter)


class _WarningCounter(logging.Handler):
    """Counts pdfminer's warnings for the quality notes.

    While attached it also keeps them off stderr: Python prints records of loggers without handlers
    through ``logging.lastResort``, and pdfminer warns about many harmless quirks of real files.
    """

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1


def _describe(error: BaseException) -> str:
    detail = str(error).strip().splitlines()[0] if str(error).strip() else ""
    detail = detail[:120]
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__


def _read(stream: Any, path: Path, max_pages: int, deadline: Deadline) -> Extraction:
    parser = PDFParser(stream)
    try:
        document = PDFDocument(parser, password="")
    except PDFPasswordIncorrect:
        raise EncryptedDocumentError(
            path, "encrypted PDF: it needs a password; save an unprotected copy and try again"
        ) from None
    except PDFEncryptionError as error:
        raise EncryptedDocumentError(
            path, f"encrypted PDF with an unsupported scheme ({_describe(error)})"
        ) from None
    pages = list(PDFPage.create_pages(document))
    if not pages:
        raise UnreadableDocumentError(path, "corrupt PDF: no pages found")
    if len(pages) > max_pages:
        raise LimitExceededError(
            path,
            f"{len(pages)} pages, more than the {max_pages}-page limit; "
            "raise it with RESUME_FIT_MAX_PAGES if this really is a resume",
        )
    resources = PDFResourceManager(caching=True)
    device = _GlyphCollector(resources, deadline)
    interpreter = PDFPageInterpreter(resources, device)
    page_segments: list[list[Segment]] = []
    heights: list[float] = []
    links: list[Link] = []
    unreadable = inked = rotated = 0
    for page in pages:
        deadline.check()
        interpreter.process_page(page)
        glyphs = device.glyphs
        unreadable += device.unreadable
        rotated += device.rotated
        inked += sum(1 for g in glyphs if not g.text.isspace())
        page_segments.append(build_segments(glyphs))
        heights.append(_page_height(page))
        links.extend(_page_links(page, glyphs))
    removed = _drop_running_edges(page_segments, heights)
    lines: list[str] = []
    styles: list[tuple[float, bool]] = []
    notes: list[str] = []
    column_pages = 0
    for number, segments in enumerate(page_segments, start=1):
        deadline.check()
        layout = layout_page(segments)
        if layout.columns:
            column_pages += 1
            notes.append(f"{layout.columns + 1}-column layout detected on page {number}")
        if lines:
            lines.append("")
            styles.append((0.0, False))
        for line in layout.lines:
            lines.append(line.text)
            styles.append((round(line.size * 2) / 2, line.bold))
    if removed:
        notes.append(f"{removed} repeated header/footer line(s) kept once")
    if rotated:
        notes.append(f"{rotated} rotated or vertical character(s) skipped")
    text, offsets = assemble(lines, styles, reflow=True)
    return Extraction(
        text=text,
        method="pdfminer-layout",
        pages=len(pages),
        links=tuple(links),
        columns=column_pages,
        unreadable=unreadable,
        inked=inked,
        notes=tuple(notes),
        styles=offsets,
    )


class _FontInfo:
    """What the collector needs of one font, worked out once per font instead of once per glyph."""

    __slots__ = ("chars", "descent", "icon", "bold", "vertical")

    def __init__(self, font: PDFFont) -> None:
        self.icon, self.bold = _font_kind(font.fontname or "")
        self.vertical = font.is_vertical()
        self.descent = font.get_descent()
        self.chars: dict[int, tuple[str, float]] = {}


class _GlyphCollector(PDFTextDevice):
    """A text device that turns each rendered character straight into a ``Glyph``.

    pdfminer's ``PDFPageAggregator`` builds an ``LTChar`` object per character (and an ``LTCurve``,
    ``LTRect`` or ``LTImage`` per drawing) for us to walk afterwards; in batch runs that was about a
    third of the time spent reading a PDF. Here the box is computed as ``LTChar`` computes it (font
    descent, size, rise, text matrix), icon fonts and rotated text are dropped as they are rendered,
    drawings and images are ignored, and the time budget is checked as characters come in.
    ``begin_page`` starts a new page; the page's result is in ``glyphs``, ``unreadable`` (unmapped
    characters) and ``rotated`` (rotated or vertical characters skipped).
    """

    def __init__(self, resources: PDFResourceManager, deadline: Deadline) -> None:
        super().__init__(resources)
        self._deadline = deadline
        self._rendered = 0
        self._fonts: dict[PDFFont, _FontInfo] = {}  # fonts hash by identity
        self.glyphs: list[Glyph] = []
        self.unreadable = 0
        self.rotated = 0

    def begin_page(self, page: PDFPage, ctm: Any) -> None:
        self.glyphs = []
        self.unreadable = self.rotated = 0

    def render_char(
        self,
        matrix: Any,
        font: PDFFont,
        fontsize: float,
        scaling: float,
        rise: float,
        cid: int,
        *_state: Any,  # colour space and graphic state (pdfminer adds these over versions)
    ) -> float:
        self._rendered += 1
        if self._rendered % _CHECK_EVERY == 0:
            self._deadline.check()
        info = self._fonts.get(font)
        if info is None:
            info = self._fonts[font] = _FontInfo(font)
        char = info.chars.get(cid)
        if char is None:
            try:
                text = font.to_unichr(cid)
            except PDFUnicodeNotDefined:
                text = f"(cid:{cid})"  # what pdfminer writes for a character it cannot map
            char = info.chars[cid] = (text, font.char_width(cid))
        text, width = char
        advance = width * fontsize * scaling
        if info.icon:
            return advance
        a, b, c, d, e, f = matrix
        if not (a * d * scaling > 0 and b * c <= 0):
            self.rotated += 1
            return advance
        if info.vertical:
            vx, vy = font.char_disp(cid)  # type: ignore[misc]
            vx = fontsize * 0.5 if vx is None else vx * fontsize * 0.001
            vy = (1000 - vy) * fontsize * 0.001
            box = (-vx, vy + rise + advance, -vx + fontsize, vy + rise)
            x0, y0, x1, y1 = _transform(matrix, box)
            size = x1 - x0
        elif b == 0 and c == 0:
            # Upright, unskewed text (nearly every glyph): LTChar's box without the general case.
            bottom = info.descent * fontsize + rise
            left, right = e, a * advance + e
            low, high = d * bottom + f, d * (bottom + fontsize) + f
            x0, x1 = (left, right) if left <= right else (right, left)
            y0, y1 = (low, high) if low <= high else (high, low)
            size = y1 - y0
        else:
            bottom = info.descent * fontsize + rise
            x0, y0, x1, y1 = _transform(matrix, (0.0, bottom, advance, bottom + fontsize))
            size = y1 - y0
        if not (
            text
            and math.isfinite(x0)
            and math.isfinite(x1)
            and math.isfinite(y0)
            and math.isfinite(y1)
        ):
            return advance
        if text[0] == "(" or text == "\ufffd":
            bad = count_unreadable(text)
            if bad:
                self.unreadable += bad
                return advance
        self.glyphs.append(Glyph(text, x0, x1, y0, y1, f, size, info.bold))
        return advance


def _transform(matrix: Any, box: tuple[float, float, float, float]) -> tuple[float, ...]:
    """The upright box around ``box`` mapped by ``matrix`` (pdfminer's ``apply_matrix_rect``)."""
    a, b, c, d, e, f = matrix
    x0, y0, x1, y1 = box
    xs = (a * x0 + c * y0 + e, a * x1 + c * y0 + e, a * x1 + c * y1 + e, a * x0 + c * y1 + e)
    ys = (b * x0 + d * y0 + f, b * x1 + d * y0 + f, b * x1 + d * y1 + f, b * x0 + d * y1 + f)
    return min(xs), min(ys), max(xs), max(ys)


def _page_height(page: PDFPage) -> float:
    """The page's height, or 0 (no running-header detection) when its MediaBox is malformed."""
    try:
        return abs(float(page.mediabox[3]) - float(page.mediabox[1]))
    except (TypeError, ValueError, IndexError):
        return 0.0


@lru_cache(maxsize=512)
def _font_kind(fontname: str) -> tuple[bool, bool]:
    """(is an icon font, is a bold face) for a font name such as ``ABCDEF+Lato-Bold``."""
    return bool(_ICON_FONT_RE.search(fontname)), bool(_BOLD_FONT_RE.search(fontname.split("+")[-1]))


def _edge_key(segment: Segment, height: float) -> tuple[str, str] | None:
    if height <= 0:
        return None
    if segment.y0 >= height * (1 - _EDGE_SHARE):
        zone = "top"
    elif segment.y1 <= height * _EDGE_SHARE:
        zone = "bottom"
    else:
        return None
    return zone, re.sub(r"\d+", "#", " ".join(segment.text.lower().split()))


def _drop_running_edges(page_segments: list[list[Segment]], heights: list[float]) -> int:
    """Keep running headers and footers (same text at a page edge) on the first page only."""
    seen: set[tuple[str, str]] = set()
    removed = 0
    for index, segments in enumerate(page_segments):
        kept: list[Segment] = []
        keys: set[tuple[str, str]] = set()
        for segment in segments:
            key = _edge_key(segment, heights[index])
            if key is not None and key in seen:
                removed += 1
                continue
            if key is not None:
                keys.add(key)
            kept.append(segment)
        seen |= keys
        page_segments[index] = kept
    return removed


def _page_links(page: Any, glyphs: list[Glyph]) -> list[Link]:
    """Read /Link annotations with a /URI action, and the visible text under each."""
    links: list[Link] = []
    annotations = resolve1(page.annots) if page.annots else None
    if not isinstance(annotations, list):
        return links
    for reference in annotations:
        annotation = resolve1(reference)
        if not isinstance(annotation, dict):
            continue
        action = resolve1(annotation.get("A"))
        if not isinstance(action, dict):
            continue
        uri = resolve1(action.get("URI"))
        if isinstance(uri, bytes):
            uri = uri.decode("utf-8", "replace")
        if not isinstance(uri, str) or not uri.strip():
            continue
        links.append(
            Link(_with_scheme(uri.strip()), _text_under(resolve1(annotation.get("Rect")), glyphs))
        )
    return links


def _with_scheme(uri: str) -> str:
    """``www.example.com`` -> ``https://www.example.com``; URIs with a scheme are kept."""
    if re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", uri):
        return uri
    return f"https://{uri.lstrip('/')}"


def _text_under(rect: Any, glyphs: list[Glyph]) -> str:
    if not isinstance(rect, list) or len(rect) != 4:
        return ""
    try:
        x0, y0, x1, y1 = (float(resolve1(value)) for value in rect)
    except (TypeError, ValueError):
        return ""
    x0, x1 = min(x0, x1), max(x0, x1)
    y0, y1 = min(y0, y1), max(y0, y1)
    inside = [
        g
        for g in glyphs
        if x0 <= (g.x0 + g.x1) / 2 <= x1 and y0 <= (g.y0 + g.y1) / 2 <= y1 and g.text.strip()
    ]
    return clean_line(" ".join(s.text for s in build_segments(inside)))
