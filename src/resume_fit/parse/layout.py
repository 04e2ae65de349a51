"""Reading order for one PDF page, from its segments (``segments``: glyphs grouped by baseline).

The page is split recursively at column gutters (vertical strips no text crosses except a few
full-width lines such as a header), and each column is read top to bottom before the next;
pdfminer's own line grouping would let lines swallow a narrow gutter. Label/value grids (a narrow
column of dates or labels aligned with the text beside it) are read row by row instead; a left side
column of items (skills, languages, contact lines) set on the main column's baselines is still a
column, and a name that ends inside the gutter does not close it. Everything is O(n log n) in
segments.
"""

from __future__ import annotations

from collections.abc import Hashable
from dataclasses import dataclass

from resume_fit.parse.segments import ROW_TOLERANCE_EM, Segment

# Geometry ratios are in ems (multiples of the font size) so they hold at any scale.
PARAGRAPH_GAP_EM = 1.7  # baseline distance beyond this starts a new paragraph
MIN_GUTTER_PT = 6.0
MIN_COLUMN_SEGMENTS = 3
SPANNING_SHARE = 0.08  # share of segments allowed to cross a gutter (headers, footers, rules)
NARROW_SIDE_SHARE = 0.3  # a side this narrow with aligned baselines is a label column, not a column
ALIGNED_SHARE = 0.8
ALIGN_TOLERANCE_EM = 0.12  # label and value on one row share a baseline almost exactly
LABEL_MAX_WORDS = 2.5  # mean words per segment of a label column ("Status:", "2019 - 2021")
LABEL_ROW_SHARE = 0.6  # ...or it has at most this share of the rows beside it
SIDEBAR_RUN_ROWS = 8  # this many item rows one line apart make a side column, not labels
SIDEBAR_ITEMS = 8  # ...and so do this many items
SIDEBAR_BLOCKS = 3  # ...in this many blocks of their own, two items a block or more (a rail of
# headings beside their sections is one item a block)
TRAILER_GAP_EM = 2.0  # a segment this far right of a long line is a right-aligned date or place
TRAILER_MIN_WORDS = 10  # a line this long (or a bullet) is a sentence: its trailer goes first
BULLET_START = set("•●▪■◆◦‣▸►▶➢➤✓✔❖*-–·")
RAIL_GAP_EM = 1.0  # a left-rail heading is set this far from the text beside it
RAIL_MAX_WORDS = 4
RAIL_MAX_SHARE = 0.45  # the text beside a rail heading starts within this share of the block
RAIL_SIZE_RATIO = 1.1
MAX_DEPTH = 3
MAX_PAGE_WIDTH_PT = 20_000  # keeps the coverage histogram small on hostile coordinates


@dataclass(frozen=True)
class LayoutLine:
    """A line of the page in reading order; ``text == ""`` marks a paragraph or block break.

    ``style`` is the segments' own style key when they all share one (DOCX paragraphs), else None.
    """

    text: str
    size: float = 0.0
    bold: bool = False
    style: Hashable = None


@dataclass(frozen=True)
class PageLayout:
    """The lines of one page in reading order, and how many column splits were made."""

    lines: tuple[LayoutLine, ...]
    columns: int


def layout_page(segments: list[Segment]) -> PageLayout:
    """Order one page's text: column by column, full-width blocks in place, rows joined.

    Args:
        segments: The page's segments from ``build_segments`` (repeated headers already removed).

    Returns:
        The page's lines in reading order and the number of column splits made.
    """
    if not segments:
        return PageLayout((), 0)
    blocks, columns = _order(segments, 0)
    lines: list[LayoutLine] = []
    for block in blocks:
        if lines and lines[-1].text:
            lines.append(LayoutLine(""))
        lines.extend(_read_rows(block))
    return PageLayout(tuple(lines), columns)


def _order(segments: list[Segment], depth: int) -> tuple[list[list[Segment]], int]:
    """Split ``segments`` into blocks in reading order; count the column splits made."""
    if depth >= MAX_DEPTH or len(segments) < 2 * MIN_COLUMN_SEGMENTS:
        return [segments], 0
    split = _find_gutter(segments)
    if split is None:
        return [segments], 0
    left, right, spanning = split
    spanning.sort(key=lambda s: -_middle(s))
    cuts = [_middle(s) for s in spanning]
    bands: list[tuple[list[Segment], list[Segment]]] = [([], []) for _ in range(len(cuts) + 1)]
    for side, members in ((0, left), (1, right)):
        for segment in members:
            band = sum(1 for cut in cuts if cut > _middle(segment))
            bands[band][side].append(segment)
    blocks: list[list[Segment]] = []
    columns = 1
    for index, (band_left, band_right) in enumerate(bands):
        for column in (band_left, band_right):
            if column:
                sub_blocks, sub_columns = _order(column, depth + 1)
                blocks.extend(sub_blocks)
                columns += sub_columns
        if index < len(spanning):
            if blocks and blocks[-1] and blocks[-1][-1] in spanning:
                blocks[-1].append(spanning[index])
            else:
                blocks.append([spanning[index]])
    return blocks, columns


def _middle(segment: Segment) -> float:
    return (segment.y0 + segment.y1) / 2


def _find_gutter(
    segments: list[Segment],
) -> tuple[list[Segment], list[Segment], list[Segment]] | None:
    """Find the clearest vertical gutter with real columns on both sides, or None."""
    x_min = min(s.x0 for s in segments)
    x_max = max(s.x1 for s in segments)
    width = int(x_max - x_min) + 2
    if width < 100 or width > MAX_PAGE_WIDTH_PT:
        return None
    diff = [0] * (width + 1)
    for s in segments:
        diff[max(0, int(s.x0 - x_min))] += 1
        diff[min(width, int(s.x1 - x_min) + 1)] -= 1
    coverage: list[int] = []
    running = 0
    for step in diff[:width]:
        running += step
        coverage.append(running)
    allowed = max(1, int(SPANNING_SHARE * len(segments)))
    sizes = sorted(s.size for s in segments)
    min_gap = max(MIN_GUTTER_PT, 0.6 * sizes[len(sizes) // 2])
    best: tuple[tuple[float, ...], tuple[list[Segment], ...]] | None = None
    start = None
    for index in range(width + 1):
        clear = index < width and coverage[index] <= allowed
        if clear and start is None:
            start = index
        elif not clear and start is not None:
            if index - start >= min_gap and start > 0 and index < width:
                low, high = _clearest(coverage, start, index)
                if high - low < min_gap:
                    # A heading that ends inside the gutter ("Jane Doe" over a side column)
                    # leaves its clearest stretch too thin: one more crossing line is allowed.
                    low, high = _clearest(coverage, start, index, 1)
                if high - low >= min_gap:
                    found = _split_at(segments, x_min + low, x_min + high, allowed)
                    if found is not None:
                        key = (-coverage[low], high - low)
                        if best is None or key > best[0]:
                            best = (key, found)
            start = None
    if best is None:
        return None
    left, right, spanning = best[1]
    return left, right, spanning


def _clearest(coverage: list[int], start: int, end: int, above: int = 0) -> tuple[int, int]:
    """The widest stretch of ``coverage[start:end]`` at most ``above`` over its minimum value."""
    floor = min(coverage[start:end]) + above
    best = (start, start)
    run_start: int | None = None
    for index in range(start, end + 1):
        if index < end and coverage[index] <= floor:
            if run_start is None:
                run_start = index
        elif run_start is not None:
            if index - run_start > best[1] - best[0]:
                best = (run_start, index)
            run_start = None
    return best


def _split_at(
    segments: list[Segment], gap_start: float, gap_end: float, allowed: int
) -> tuple[list[Segment], list[Segment], list[Segment]] | None:
    left = [s for s in segments if s.x1 <= gap_start + 1]
    right = [s for s in segments if s.x0 >= gap_end - 1]
    spanning = [s for s in segments if s.x1 > gap_start + 1 and s.x0 < gap_end - 1]
    if len(left) < MIN_COLUMN_SEGMENTS or len(right) < MIN_COLUMN_SEGMENTS:
        return None
    if all(len(s.text.strip()) <= 1 for s in left) or all(len(s.text.strip()) <= 1 for s in right):
        return None  # a strip of bullet glyphs beside their items is no column
    if len(spanning) > allowed:
        return None
    low = max(min(s.y0 for s in left), min(s.y0 for s in right))
    high = min(max(s.y1 for s in left), max(s.y1 for s in right))
    extent = min(
        max(s.y1 for s in left) - min(s.y0 for s in left),
        max(s.y1 for s in right) - min(s.y0 for s in right),
    )
    if high - low < 0.5 * extent:
        return None  # one side sits above the other: stacked blocks, not columns
    if _is_label_grid(left, right) or _is_label_grid(right, left):
        return None
    return left, right, spanning


def _is_label_grid(side: list[Segment], other: list[Segment]) -> bool:
    """True when ``side`` is a narrow column of labels or dates aligned with rows beside it."""
    # Only rows level with the other side count: a heading above a date column aligns with
    # nothing and may be wider than the dates.
    top = max(s.y1 for s in other)
    bottom = min(s.y0 for s in other)
    side = [s for s in side if bottom <= s.baseline <= top]
    if not side:
        return False
    side_width = max(s.x1 for s in side) - min(s.x0 for s in side)
    total = max(s.x1 for s in side + other) - min(s.x0 for s in side + other)
    if side_width > NARROW_SIDE_SHARE * total:
        return False
    baselines = sorted(s.baseline for s in other)
    aligned = 0
    for segment in side:
        tolerance = ALIGN_TOLERANCE_EM * segment.size
        if any(abs(b - segment.baseline) <= tolerance for b in _near(baselines, segment.baseline)):
            aligned += 1
    if aligned < ALIGNED_SHARE * len(side):
        return False
    # A side column of its own on the left (a skills list, languages, a contact block) set on
    # the main column's leading is no label column, however terse: it runs on for many rows of
    # items (no date, no label's colon), or holds many items in blocks of its own. Labels and
    # dates stand one per entry; a personal-details table is a few rows in one block; places
    # and dates set right of the entries they belong to are read with them.
    if max(s.x1 for s in side) < min(s.x0 for s in other) and _side_column(side):
        return False
    # Labels and dates are terse, or fewer than the wrapped values beside them; a sidebar that
    # happens to share the main column's leading is neither.
    words = sum(len(s.text.split()) for s in side) / len(side)
    return words <= LABEL_MAX_WORDS or len(side) <= LABEL_ROW_SHARE * len(other)


def _side_column(side: list[Segment]) -> bool:
    """True when ``side`` reads as a column of its own: ``SIDEBAR_RUN_ROWS`` item rows one line
    apart, or ``SIDEBAR_ITEMS`` items in ``SIDEBAR_BLOCKS`` blocks or more, two a block at least
    (an item has no digit and does not end with a colon: not a date, not a label)."""
    rows = sorted(side, key=lambda s: -s.baseline)
    run = best = items = 0
    blocks = 1
    previous: Segment | None = None
    for segment in rows:
        item = not any(c.isdigit() for c in segment.text) and not segment.text.endswith(":")
        near = previous is None or (
            previous.baseline - segment.baseline <= PARAGRAPH_GAP_EM * max(segment.size, 1.0)
        )
        blocks += not near
        items += item
        run = (run + 1 if near else 1) if item else 0
        best = max(best, run)
        previous = segment
    lists = items >= SIDEBAR_ITEMS and blocks >= SIDEBAR_BLOCKS and items >= 2 * blocks
    return best >= SIDEBAR_RUN_ROWS or lists


def _is_rail_heading(row: list[Segment], left: float, right: float) -> bool:
    """True when a row starts with a short segment set apart by a gap and a stronger style.

    The text beside it must start in the left part of the block (a content column), which tells a
    rail heading from a bold company name with its dates at the right margin.
    """
    if len(row) < 2:
        return False
    first, second = row[0], row[1]
    if second.x0 > left + RAIL_MAX_SHARE * (right - left):
        return False
    if second.x0 - first.x1 <= RAIL_GAP_EM * max(first.size, second.size, 1.0):
        return False
    if len(first.text.split()) > RAIL_MAX_WORDS or any(char.isdigit() for char in first.text):
        return False
    if first.text.endswith(":"):
        return False  # "Skills: Python, SQL" is an inline label and stays one line
    rest = row[1:]
    bigger = first.size > RAIL_SIZE_RATIO * max(s.size for s in rest)
    bolder = first.bold and not any(s.bold for s in rest)
    return bigger or bolder


def _trailer(row: list[Segment]) -> Segment | None:
    """The last segment of a row when it is a short note far right of wider text, else None."""
    if len(row) < 2:
        return None
    last, before = row[-1], row[-2]
    if last.x0 - before.x1 <= TRAILER_GAP_EM * max(last.size, before.size, 1.0):
        return None
    if before.text.endswith(":") or last.x1 - last.x0 >= before.x1 - row[0].x0:
        return None  # a label's value, or the main text of a date/label grid row
    return last


def _near(sorted_values: list[float], value: float) -> list[float]:
    from bisect import bisect_left

    index = bisect_left(sorted_values, value)
    return sorted_values[max(0, index - 1) : index + 1]


def _read_rows(block: list[Segment]) -> list[LayoutLine]:
    """Read a block row by row: segments sharing a baseline are joined left to right."""
    ordered = sorted(block, key=lambda s: (-s.baseline, s.x0))
    left = min(s.x0 for s in block)
    right = max(s.x1 for s in block)
    rows: list[list[Segment]] = []
    for segment in ordered:
        if rows:
            anchor = rows[-1][0]
            tolerance = ROW_TOLERANCE_EM * max(anchor.size, segment.size, 1.0)
            if abs(anchor.baseline - segment.baseline) <= tolerance:
                rows[-1].append(segment)
                continue
        rows.append([segment])
    lines: list[LayoutLine] = []
    previous_baseline: float | None = None
    previous_size = 0.0
    for row in rows:
        row.sort(key=lambda s: s.x0)
        size = max(s.size for s in row)
        baseline = row[0].baseline
        if (
            previous_baseline is not None
            and previous_baseline - baseline > PARAGRAPH_GAP_EM * max(size, previous_size)
            and lines
            and lines[-1].text
        ):
            lines.append(LayoutLine(""))
        if _is_rail_heading(row, left, right):
            # A heading in a left rail, level with the section's first line: its own line, so
            # it is found as a heading and the text beside it starts the section.
            lines.append(LayoutLine(row[0].text, row[0].size, row[0].bold, row[0].style))
            row = row[1:]
            size = max(s.size for s in row)
        bold = all(s.bold for s in row)
        style = row[0].style if all(s.style == row[0].style for s in row) else None
        trailer = _trailer(row)
        if trailer is None:
            lines.append(LayoutLine(" ".join(s.text for s in row), size, bold, style))
        else:
            # A date or place pushed to the right margin gets its own line: before a sentence,
            # so the sentence and its wrapped continuation stay together; after a short name.
            head_style = row[0].style if all(s.style == row[0].style for s in row[:-1]) else None
            head = LayoutLine(" ".join(s.text for s in row[:-1]), size, bold, head_style)
            tail = LayoutLine(trailer.text, trailer.size, trailer.bold, trailer.style)
            long_line = (
                head.text.lstrip()[:1] in BULLET_START
                or len(head.text.split()) >= TRAILER_MIN_WORDS
            )
            lines.extend((tail, head) if long_line else (head, tail))
        previous_baseline, previous_size = baseline, size
    return lines
