"""Date ranges set over lines: joining and splitting spans at line breaks.

Side columns of dates and two-column tables put a range's two ends on different lines ("2021 –"
beside a title, "Present" below it); PDF extraction can also break one range over two lines.
These functions take the spans ``dates.find_spans`` matched and join a lone date with the
date-only line below it, or keep the second line of a range as its ``tail``.
"""

from __future__ import annotations

import datetime as dt
import re

from resume_fit.profile.cues import load_cues
from resume_fit.profile.date_grammar import parse_point
from resume_fit.profile.date_span import FoundSpan, span_between


def split_at_line_breaks(text: str, found: list[FoundSpan]) -> list[FoundSpan]:
    """A range matched across a line break ("Feb 2017 -" / "Present") keeps its second line as
    its ``tail``, so the words on that line are not read as part of the first one."""
    out = []
    for item in found:
        newline = text.find("\n", item.start, item.end)
        if newline < 0 or item.tail is not None:
            out.append(item)
            continue
        tail_start = newline + 1
        while tail_start < item.end and text[tail_start].isspace():
            tail_start += 1
        out.append(FoundSpan(item.start, newline, item.span, item.single, (tail_start, item.end)))
    return out


_EDGE = " \t|,;:()[]–—-"


def join_fragments(
    text: str, found: list[FoundSpan], reference: dt.date, patterns: dict[str, re.Pattern[str]]
) -> list[FoundSpan]:
    """Join a lone date with the date-only line a few lines below it into one range.

    Side columns of dates and two-column tables set a range over lines: "2021 –" (or "May 2018")
    level with the title, then "Present" (or "Aug 2023") under it, with the organisation between.
    The second part must stand on a line of its own, end no earlier than the first, and come
    within ``fragment_lines`` non-blank lines. A lone date that ends its line with a dangling
    separator ("2021 –") and has no such second part is a range still open, to the reference date.
    """
    if not any(f.single for f in found):
        return found
    window = int(load_cues()["dates"].get("fragment_lines", 0))
    singles = {f.start: f for f in found if f.single}
    used: set[int] = set()
    joined: list[FoundSpan] = []
    for item in found:
        if not item.single or item.start in used or window <= 0:
            joined.append(item)
            continue
        line_end = text.find("\n", item.end)
        if line_end < 0:
            joined.append(item)
            continue
        dangling = bool(patterns["dangling"].match(text[item.end : line_end]))
        line_start = text.rfind("\n", 0, item.start) + 1
        before = text[line_start : item.start].strip(_EDGE)
        after = text[item.end : line_end].strip(_EDGE)
        # Only a date at the edge of its line (or ending in a separator) heads an entry; a year in
        # the middle of a line ("Talk at ALPS 2025 (with A. Doyen)") is not a range's first half.
        match = (
            _next_fragment(text, line_end + 1, window, dangling, patterns)
            if dangling or not before or not after
            else None
        )
        result = None
        if match is not None:
            start = parse_point(item.span.text.strip(), reference)
            second = match["b"]
            end_offset = match.start("b")
            follower = singles.get(end_offset)
            if start is not None and (follower is not None or dangling or not second[0].isdigit()):
                if patterns["present"].match(second.strip()):
                    span = span_between(
                        start, None, f"{item.span.text} - {second}", reference, True
                    )
                else:
                    end = parse_point(second, reference)
                    span = (
                        None
                        if end is None
                        else span_between(
                            start, end, f"{item.span.text} - {second}", reference, False
                        )
                    )
                if span is not None:
                    result = FoundSpan(
                        item.start, item.end, span, False, (end_offset, match.end("b"))
                    )
                    if follower is not None:
                        used.add(follower.start)
        elif dangling and not text[item.end : line_end].strip(_EDGE):
            # "2021 –" ending its line with no end date below it: a range still open ("since").
            start = parse_point(item.span.text.strip(), reference)
            span = (
                None
                if start is None
                else span_between(start, None, item.span.text, reference, True)
            )
            if span is not None:
                result = FoundSpan(item.start, item.end, span, False)
        joined.append(result or item)
    return [f for f in joined if not (f.single and f.start in used)]


def _next_fragment(
    text: str, offset: int, window: int, dangling: bool, patterns: dict[str, re.Pattern[str]]
) -> re.Match[str] | None:
    """The date-only line among the next ``window`` non-blank lines from ``offset``, or None.

    With ``dangling`` (the first part ended with a separator) the first non-blank line may also
    start with the date and go on with other words ("Present  Acme Corp"); without, it may start
    with the range's dash before the date ("– now  Acme Corp").
    """
    pattern = patterns["fragment"]
    lead = patterns["lead"] if dangling else None
    seen = 0
    while offset < len(text) and seen < window:
        line_end = text.find("\n", offset)
        line_end = len(text) if line_end < 0 else line_end
        if text[offset:line_end].strip():
            match = pattern.match(text, offset, line_end)
            if match is None and lead is not None and not seen:
                match = lead.match(text, offset, line_end)
            if match is None and not seen:
                match = patterns["dash_lead"].match(text, offset, line_end)
            if match is not None:
                return match
            seen += 1
        offset = line_end + 1
    return None
