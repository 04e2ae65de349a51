"""Glyphs to segments: the runs of characters on one baseline that ``layout`` orders into a page.

pdfminer's own line grouping follows the content stream, so justified text, out-of-order streams and
one-glyph-per-object PDFs come out fragmented. Here glyphs are grouped by baseline, ordered by x and
split where the gap is wider than a word space, with word spaces found relative to the line's own
letter spacing. O(n log n) in glyphs.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass
from typing import NamedTuple

# Geometry ratios are in ems (multiples of the font size) so they hold at any scale.
SPACE_GAP_EM = 0.1  # a gap this much wider than the letter gap is a word space
SPLIT_GAP_EM = 0.8  # wider than this, the glyphs belong to separate segments (cells, columns)
ROW_TOLERANCE_EM = 0.3  # baselines closer than this are the same row


class Glyph(NamedTuple):
    """One character with its box; ``baseline`` is the text origin's y (PDF y grows upwards).

    A named tuple rather than a dataclass: pages hold thousands and they are built in a hot loop.
    """

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    baseline: float
    size: float
    bold: bool = False


@dataclass(frozen=True)
class Segment:
    """A run of glyphs on one baseline with no wide gap inside: a phrase, cell or column line.

    DOCX text boxes are turned into segments too (``word``), one per paragraph line, with the
    paragraph's heading cue in ``style``; PDF segments have none.
    """

    text: str
    x0: float
    x1: float
    y0: float
    y1: float
    baseline: float
    size: float
    bold: bool
    style: Hashable = None


def build_segments(glyphs: list[Glyph]) -> list[Segment]:
    """Group glyphs into segments: one baseline, ordered by x, split at gaps wider than a word.

    Args:
        glyphs: The page's glyphs in any order.

    Returns:
        Non-blank segments, top to bottom then left to right.
    """
    # This runs once per glyph of every PDF a batch reads, hence the plain loops and locals.
    ordered = sorted(glyphs, key=_reading_key)
    rows: list[list[Glyph]] = []
    row: list[Glyph] = []
    row_baseline = tolerance = 0.0
    for glyph in ordered:
        if row and abs(row_baseline - glyph.baseline) <= tolerance:
            row.append(glyph)
            continue
        row = [glyph]
        rows.append(row)
        row_baseline = glyph.baseline
        tolerance = ROW_TOLERANCE_EM * _em(glyph.size, 1.0)
    segments: list[Segment] = []
    for row in rows:
        row.sort(key=_x_key)
        run: list[Glyph] = [row[0]]
        last = row[0]
        for glyph in row[1:]:
            if glyph.text == last.text and abs(glyph.x0 - last.x0) < 0.5 * (last.x1 - last.x0):
                continue  # fake bold: the same glyph printed twice with a tiny offset
            if glyph.x0 - last.x1 > SPLIT_GAP_EM * _em(last.size, glyph.size):
                segments.extend(_segment(run))
                run = []
            run.append(glyph)
            last = glyph
        segments.extend(_segment(run))
    return segments


def _reading_key(glyph: Glyph) -> tuple[float, float]:
    return -glyph.baseline, glyph.x0


def _x_key(glyph: Glyph) -> tuple[float, float]:
    return glyph.x0, glyph.x1


def _em(size: float, other: float) -> float:
    """The larger of two font sizes, at least 1 pt (``max`` without its call overhead)."""
    larger = size if size >= other else other
    return larger if larger >= 1.0 else 1.0


def _segment(run: list[Glyph]) -> list[Segment]:
    # Gaps are measured above the run's typical letter gap, so letter-spaced (tracked) headings
    # do not turn into "S K I L L S" while tight justified lines keep their word spaces.
    # Only gaps between letters or digits: a dot leader ("Title ........ 2015 - 2017") is most
    # of some lines, and its spaced dots made the typical gap as wide as a word space, which
    # glued the words of the title ("MasterinComputerScience").
    pairs = list(zip(run, run[1:], strict=False))
    gaps = sorted([b.x0 - a.x1 for a, b in pairs if a.text.isalnum() and b.text.isalnum()])
    if not gaps:
        gaps = sorted([b.x0 - a.x1 for a, b in pairs])
    # The lower median: on a line of short tokens ("+33 6 22 47") half the gaps are word spaces.
    tracking = max(0.0, gaps[(len(gaps) - 1) // 2]) if gaps else 0.0
    parts: list[str] = [run[0].text]
    previous = run[0]
    for glyph in run[1:]:
        gap = glyph.x0 - previous.x1 - tracking
        if (
            gap > SPACE_GAP_EM * _em(previous.size, glyph.size)
            and not previous.text.isspace()
            and not glyph.text.isspace()
        ):
            parts.append(" ")
        parts.append(glyph.text)
        previous = glyph
    text = "".join(parts).strip()
    if not text:
        return []
    inked = [g for g in run if not g.text.isspace()] or run
    sizes = sorted([g.size for g in inked])
    return [
        Segment(
            text=text,
            x0=min([g.x0 for g in inked]),
            x1=max([g.x1 for g in inked]),
            y0=min([g.y0 for g in inked]),
            y1=max([g.y1 for g in inked]),
            baseline=max(inked, key=_size_key).baseline,
            size=sizes[len(sizes) // 2],
            bold=sum([g.bold for g in inked]) * 2 >= len(inked),
        )
    ]


def _size_key(glyph: Glyph) -> float:
    return glyph.size
