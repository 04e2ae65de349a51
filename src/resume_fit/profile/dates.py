"""Date ranges as resumes write them: "Jan 2020 - Present", "01/2020-03/2022", "2019-21".

A range is a pair of months, both included: Jan 2020 - Mar 2020 is three months. Words such as
"present" or "now" resolve to the month of an explicit reference date, so the same resume always
gives the same numbers for the same date. A bare year is read mid-year on both ends (July as a
start, June as an end, from ``bare_year_month`` in ``lexicons/profile.toml``), so "2019 - 2021"
counts two years, the expected length of such a stint; a lone bare year counts as that whole year.

This module finds spans in text (``find_spans``, ``parse_range``) and the date a resume says it
was written (``written_date``); the grammar of one date is in ``date_grammar``, the range patterns
in ``date_patterns``, ranges set over lines in ``date_lines``, and the span values and their
lengths in ``date_span`` (``DateSpan``, ``FoundSpan`` and ``merged_months`` are re-exported here).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from resume_fit.profile.cues import folded, load_cues, may_occur
from resume_fit.profile.date_grammar import (
    Point,
    alternation,
    has_foreign_month,
    month_number,
    parse_point,
)
from resume_fit.profile.date_lines import join_fragments, split_at_line_breaks
from resume_fit.profile.date_patterns import needed_words, range_patterns
from resume_fit.profile.date_span import DateSpan, FoundSpan, merged_months, span_between

__all__ = [
    "DateSpan",
    "FoundSpan",
    "find_spans",
    "merged_months",
    "parse_point",
    "parse_range",
    "written_date",
]


def find_spans(text: str, reference: dt.date) -> tuple[FoundSpan, ...]:
    """Find every date range (or lone date) in ``text``.

    Ranges are tried before lone dates, and a piece of text is used once, so "Jan 2020 - Present"
    is one span, not a span plus a stray year. "Present" resolves to ``reference``.

    Args:
        text: Any text, e.g. one section of a resume.
        reference: The date "present", "now", "current" mean.

    Returns:
        Spans in text order. A range whose end is before its start is dropped.
    """
    patterns = range_patterns(has_foreign_month(text))
    taken: list[tuple[int, int]] = []
    found: list[FoundSpan] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(match: re.Match[str], span: DateSpan | None, single: bool) -> None:
        if span is not None:
            taken.append((match.start(), match.end()))
            found.append(FoundSpan(match.start(), match.end(), span, single))

    needed = needed_words()
    lowered = folded(text)
    for kind in ("iso", "short", "month_yy", "month_pair", "range", "onwards", "open", "point"):
        if kind in needed and not any(may_occur(w, lowered) for w in needed[kind]):
            continue
        for match in patterns[kind].finditer(text):
            if not free(match.start(), match.end()):
                continue
            add(match, _read(kind, match, reference), kind == "point")
    found.sort(key=lambda f: f.start)
    return tuple(split_at_line_breaks(text, join_fragments(text, found, reference, patterns)))


def _read(kind: str, match: re.Match[str], reference: dt.date) -> DateSpan | None:
    text = match.group(0)
    if kind == "short":
        start_year = int(match["a"])
        end_two = int(match["b"])
        if end_two <= start_year % 100:
            return None
        end_year = start_year // 100 * 100 + end_two
        if end_year > reference.year + 1:
            return None  # "2019 – 31 August 2021": a day, not the end of "2019-31"
        first = Point(start_year, 1, 12, True, True)
        return span_between(first, Point(end_year, 1, 12, True, True), text, reference, False)
    if kind == "month_pair":
        end = parse_point(match["b"], reference)
        if end is None:
            return None
        month = month_number(match["m"])
        return span_between(
            Point(end.year, month, month, False, False), end, text, reference, False
        )
    start = parse_point(match["a"], reference)
    if start is None:
        return None
    if kind in ("onwards", "open"):
        return span_between(start, None, text, reference, True)
    if kind == "point":
        return span_between(start, None, text, reference, False)
    second = match["b"]
    if range_patterns()["present"].match(second.strip()):
        return span_between(start, None, text, reference, True)
    end = parse_point(second, reference)
    if end is None:
        return None
    # Some resumes write the newer date first ("2021 - 2019"); read it the other way round.
    return span_between(start, end, text, reference, False) or span_between(
        end, start, text, reference, False
    )


def parse_range(text: str, reference: dt.date) -> DateSpan | None:
    """Read the first date range in ``text`` ("Jan 2020 - Present"), or None when there is none."""
    spans = find_spans(text, reference)
    return spans[0].span if spans else None


def written_date(text: str, reference: dt.date) -> tuple[dt.date, str] | None:
    """The date a resume says it was written ("Last updated on 21st January 2015"), if any.

    Args:
        text: The resume text.
        reference: The reference date, for two-digit years.

    Returns:
        The date (the last day of the month when no day is given) and the words it was read
        from, or None when the text states no such date.
    """
    cues = load_cues()["dates"].get("written_on", [])
    if not cues:
        return None
    # Few resumes say when they were written: a substring test rules most out before the search.
    words = [cue.strip() for cue in cues if cue.strip()]
    lowered = folded(text)
    if words and not any(may_occur(word, lowered) for word in words):
        return None
    pattern = re.compile(
        rf"\b(?:{alternation(cues)})\s*:?\s*(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
        r"([a-z]{3,9}\.?,?\s*\d{2,4}|\d{1,2}\s?[/.\-]\s?\d{4}|\d{4})",
        re.IGNORECASE,
    )
    match = pattern.search(text)
    if match is None:
        return None
    point = parse_point(match[2], reference)
    if point is None:
        return None
    last_day = calendar.monthrange(point.year, point.last_month)[1]
    day = min(int(match[1]), last_day) if match[1] else last_day
    return dt.date(point.year, point.last_month, day), match[0]
