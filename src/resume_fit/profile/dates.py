"""Date ranges as resumes write them: "Jan 2020 - Present", "01/2020-03/2022", "2019-21".

A range is a pair of months, both included: Jan 2020 - Mar 2020 is three months. Words such as
"present" or "now" resolve to the month of an explicit reference date, so the same resume always
gives the same numbers for the same date. A bare year is read mid-year on both ends (July as a
start, June as an end, from ``bare_year_month`` in ``lexicons/profile.toml``), so "2019 - 2021"
counts two years, the expected length of such a stint; a lone bare year counts as that whole year.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from resume_fit.profile.cues import folded, load_cues, may_occur

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_ENGLISH_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_YEAR4 = r"(?:19[5-9]\d|20\d\d)"
_YEAR2 = r"[\'\u2019\u2018]\d\d"
_YEAR = rf"(?:{_YEAR4}|{_YEAR2})"
_NUM_MONTH = r"(?:0?[1-9]|1[0-2])"
# A day before or after a month name ("1 June 2019", "June 1, 2019"), a full numeric date
# ("19/06/2019", "06/19/2019") and a month with a two-digit year ("6/19", in a range only): the
# day is dropped, positions are counted in months.
_DAY_BEFORE = r"(?:[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
_DAY_AFTER = r"\s+[0-3]?\d(?:st|nd|rd|th)?,?\s*"
_FULL_NUMERIC = rf"[0-3]?\d[/.][0-3]?\d[/.]{_YEAR4}"
_MONTH_YY = r"(?:0?[1-9]|1[0-2])/\d\d"


@dataclass(frozen=True)
class DateSpan:
    """A period of time from a resume, months inclusive.

    Attributes:
        first: First day of the first month.
        last: First day of the last month (the reference month when ``present``).
        present: True when the text said the period is ongoing ("present", "now", "since 2021").
        text: The words it was read from.
        approximate: True when an end is only a year, a season or a quarter.
    """

    first: dt.date
    last: dt.date
    present: bool
    text: str
    approximate: bool = False

    @property
    def months(self) -> int:
        """Length in months, both ends included."""
        return _index(self.last) - _index(self.first) + 1

    @property
    def years(self) -> float:
        """Length in years (months / 12)."""
        return self.months / 12

    def label(self) -> str:
        """``"2020-01 to present"`` or ``"2019-07 to 2021-06"``."""
        end = "present" if self.present else f"{self.last:%Y-%m}"
        return f"{self.first:%Y-%m} to {end}"


@dataclass(frozen=True)
class FoundSpan:
    """A date span found in text, with its character offsets; ``single`` for a lone date.

    A range written over two lines ("2021 –" beside a title, "Present" on a line below) is one
    span: ``start``/``end`` cover its first part and ``tail`` the offsets of the second part.
    """

    start: int
    end: int
    span: DateSpan
    single: bool = False
    tail: tuple[int, int] | None = None


@dataclass(frozen=True)
class _Point:
    year: int
    first_month: int
    last_month: int
    bare_year: bool
    approximate: bool


@lru_cache(maxsize=1)
def _month_names() -> dict[str, int]:
    """Month names of other languages (``[dates.months]``) -> month number."""
    names: dict[str, int] = {}
    english = re.compile(_ENGLISH_MONTH)
    for number, words in load_cues()["dates"].get("months", {}).items():
        for word in words:
            key = word.strip().lower()
            if key and not english.fullmatch(key):  # "apr", "august": English already
                names[key] = int(number)
    return names


@lru_cache(maxsize=2)
def _month(foreign: bool = True) -> str:
    """The pattern of a month name: English forms, then (``foreign``) the other languages'."""
    names = sorted(_month_names(), key=len, reverse=True) if foreign else []
    others = "|".join(re.escape(w) for w in names)
    return rf"(?:{_ENGLISH_MONTH}{'|' + others if others else ''})\.?"


_LETTERS_RE = re.compile(r"[^\W\d_]{3,}")


def _has_foreign_month(text: str) -> bool:
    """True when ``text`` holds a month name of another language (then the longer patterns are
    needed; English resumes keep the faster English-only ones)."""
    names = _month_names()
    return bool(names) and not names.keys().isdisjoint(_LETTERS_RE.findall(text.lower()))


def _month_number(word: str) -> int:
    key = word.strip().rstrip(".").lower()
    return _month_names().get(key) or _MONTHS[key[:3]]


def _index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _from_index(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def _alternation(words: list[str]) -> str:
    ordered = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered)


@lru_cache(maxsize=1)
def _needed_words() -> dict[str, tuple[str, ...]]:
    # A span of these kinds needs one of these words, so a text without any is not scanned (the
    # full patterns try every position of the text and cost much more than a substring test).
    needed: dict[str, tuple[str, ...]] = {"onwards": ("onward", "to present")}
    open_words = tuple(w.strip().lower() for w in load_cues()["dates"]["open_start"] if w.strip())
    if open_words:
        needed["open"] = open_words
    return needed


def _first_character(cues: dict[str, Any]) -> str:
    # A date starts with a digit, a quote ('19), a month, a season or a quarter ("Q3"). Checking
    # that one character first lets most positions of a text fail before the long alternations
    # are tried; it changes no match. Without seasons a point may start otherwise: no check then.
    seasons = {w.strip().lower() for w in cues["seasons"] if w.strip()}
    if not seasons:
        return ""
    initials = {
        *"0123456789'\u2019\u2018q",
        *(m[0] for m in _MONTHS),
        *(m[0] for m in _month_names()),
        *(w[0] for w in seasons),
    }
    return "(?=[" + "".join(re.escape(c) for c in sorted(initials)) + "])"


@lru_cache(maxsize=2)
def _patterns(foreign: bool = True) -> dict[str, re.Pattern[str]]:
    cues = load_cues()["dates"]
    seasons = _alternation(list(cues["seasons"]))
    present = _alternation(cues["present"])
    words = [s for s in cues["separators"] if s.strip().isalpha()]
    symbols = "".join(re.escape(s) for s in cues["separators"] if not s.strip().isalpha())
    sep = rf"\s*(?:[{symbols}]+\s*(?:{_alternation(words)})?|{_alternation(words)})\s*"
    point = (
        rf"(?:{_DAY_BEFORE}{_month(foreign)}[,-]?\s*{_YEAR}|{_month(foreign)}{_DAY_AFTER}{_YEAR4}"
        rf"|(?:{seasons}),?\s*{_YEAR}|q[1-4],?\s*{_YEAR}|{_YEAR4}\s*q[1-4]"
        rf"|{_FULL_NUMERIC}|{_NUM_MONTH}\s?[/.]\s?{_YEAR4}|(?:0[1-9]|1[0-2])-{_YEAR4}"
        rf"|{_YEAR4}\s?[/.]\s?{_NUM_MONTH}(?!\d)|{_YEAR4}|{_YEAR2})"
    )
    left = r"(?<![\w/.\-])"
    starts = left + _first_character(cues)
    # A range set at the right margin and glued to the words before it by PDF extraction
    # ("Harlow AnalyticsJan 2019 - Mar 2022", "Kestrel Systems2016 - 2018"): a capitalised month
    # name right after a letter, or a four-digit year right after a letter. Ranges only: a lone
    # date glued to a word is too often part of a name ("Windows2000").
    glued = rf"(?:{left}|(?<=[^\W\d_])(?-i:(?=[A-Z][a-z]))|(?<=[^\W\d_])(?={_YEAR4}\b))"
    glued_starts = glued + _first_character(cues)
    right = r"(?![\w/]|\.\d)"
    iso = rf"{_YEAR4}-(?:0[1-9]|1[0-2])(?:-[0-3]\d)?"
    open_words = _alternation(cues["open_start"])
    return {
        "iso": re.compile(
            rf"{left}(?P<a>{iso})(?:{sep}|/)(?P<b>{iso}|(?:{present})){right}", re.IGNORECASE
        ),
        "short": re.compile(
            rf"{left}(?P<a>{_YEAR4})\s?[-\u2013\u2014/]\s?(?P<b>\d\d){right}", re.IGNORECASE
        ),
        "month_yy": re.compile(
            rf"{left}(?P<a>{_MONTH_YY})\s*[-\u2013\u2014]\s*(?P<b>{_MONTH_YY}|(?:{present})){right}",
            re.IGNORECASE,
        ),
        "month_pair": re.compile(
            rf"{glued_starts}(?P<m>{_month(foreign)}){sep}(?P<b>{_month(foreign)},?\s*{_YEAR}){right}",
            re.IGNORECASE,
        ),
        "range": re.compile(
            rf"{glued_starts}(?P<a>{point}){sep}(?P<b>{point}|(?:{present})){right}", re.IGNORECASE
        ),
        "onwards": re.compile(
            rf"{starts}(?P<a>{point})\s*[-\u2013\u2014]?\s*(?:onwards?|to present){right}",
            re.IGNORECASE,
        ),
        "open": re.compile(rf"{left}(?:{open_words})\s+(?P<a>{point}){right}", re.IGNORECASE),
        "point": re.compile(rf"{starts}(?P<a>{point}){right}", re.IGNORECASE),
        "present": re.compile(rf"^(?:{present})$", re.IGNORECASE),
        # The second part of a range split over lines: a line that is only a date or "present".
        "fragment": re.compile(
            rf"^[ \t{symbols}]*(?P<b>{point}|(?:{present}))[ \t.]*$", re.IGNORECASE | re.MULTILINE
        ),
        # ...or, after a dangling separator ("2021 –"), a line that starts with one.
        "lead": re.compile(
            rf"^[ \t]*(?P<b>{point}|(?:{present}))(?![\w/])", re.IGNORECASE | re.MULTILINE
        ),
        "dangling": re.compile(rf"^\s*[{symbols}]"),
        "season": re.compile(rf"^(?P<s>{seasons}),?\s*(?P<y>{_YEAR})$", re.IGNORECASE),
    }


def _year(text: str, reference: dt.date) -> int:
    digits = text.strip("'\u2019\u2018 ")
    if len(digits) == 4:
        return int(digits)
    two = int(digits)
    # '19 is 2019 unless that is well in the future; then it is 1919's century neighbour, 19xx.
    return 2000 + two if 2000 + two <= reference.year + 1 else 1900 + two


@lru_cache(maxsize=1)
def _point_patterns() -> dict[str, re.Pattern[str]]:
    return {
        "month": re.compile(rf"{_DAY_BEFORE}({_month()})[,-]?\s*({_YEAR})"),
        "month_day": re.compile(rf"({_month()}){_DAY_AFTER}({_YEAR4})"),
        "numeric": re.compile(rf"([0-3]?\d)[/.]([0-3]?\d)[/.]({_YEAR4})"),
        "month_yy": re.compile(r"(0?[1-9]|1[0-2])/(\d\d)"),
        "iso_day": re.compile(rf"({_YEAR4})-(0[1-9]|1[0-2])-[0-3]\d"),
    }


def parse_point(text: str, reference: dt.date) -> _Point | None:
    """Read one date ("Sept. 2017", "03.2020", "2020/01", "Q3 2021", "Summer 2018", "'19",
    "1 June 2019", "June 1, 2019", "19/06/2019", "2019-06-01", "6/19"); the day is dropped."""
    raw = text.strip().lower()
    cues = load_cues()["dates"]
    season = _patterns()["season"].match(raw)
    if season:
        first, last = cues["seasons"][season["s"]]
        return _Point(_year(season["y"], reference), first, last, False, True)
    patterns = _point_patterns()
    match = patterns["month"].fullmatch(raw) or patterns["month_day"].fullmatch(raw)
    if match:
        month = _month_number(match[1])
        return _Point(_year(match[2], reference), month, month, False, False)
    match = patterns["numeric"].fullmatch(raw)
    if match:
        # Day first ("19/06/2019") unless the second number cannot be a month ("06/19/2019").
        first, second = int(match[1]), int(match[2])
        month = second if 1 <= second <= 12 else first
        if not 1 <= month <= 12:
            return None
        return _Point(int(match[3]), month, month, False, False)
    match = patterns["iso_day"].fullmatch(raw)
    if match:
        return _Point(int(match[1]), int(match[2]), int(match[2]), False, False)
    match = patterns["month_yy"].fullmatch(raw)
    if match:
        month = int(match[1])
        return _Point(_year("'" + match[2], reference), month, month, False, False)
    match = re.fullmatch(rf"q([1-4]),?\s*({_YEAR})|({_YEAR4})\s*q([1-4])", raw)
    if match:
        quarter = int(match[1] or match[4])
        year = _year(match[2] or match[3], reference)
        return _Point(year, quarter * 3 - 2, quarter * 3, False, True)
    match = re.fullmatch(rf"({_NUM_MONTH})\s?[/.\-]\s?({_YEAR4})", raw)
    if match:
        return _Point(int(match[2]), int(match[1]), int(match[1]), False, False)
    match = re.fullmatch(rf"({_YEAR4})\s?[/.\-]\s?({_NUM_MONTH})", raw)
    if match:
        return _Point(int(match[1]), int(match[2]), int(match[2]), False, False)
    match = re.fullmatch(rf"({_YEAR})", raw)
    if match:
        return _Point(_year(match[1], reference), 1, 12, True, True)
    return None


def _span(
    start: _Point, end: _Point | None, text: str, reference: dt.date, present: bool
) -> DateSpan | None:
    middle = load_cues()["dates"]["bare_year_month"]
    if end is None and not present:
        first = _index(dt.date(start.year, start.first_month, 1))
        last = _index(dt.date(start.year, start.last_month, 1))
        return DateSpan(_from_index(first), _from_index(last), False, text, start.approximate)
    month = middle if start.bare_year and (end is None or end.year != start.year) else None
    first = _index(dt.date(start.year, month or start.first_month, 1))
    if present or end is None:
        last = _index(reference.replace(day=1))
        approximate = start.approximate
    else:
        end_month = end.last_month
        if end.bare_year and end.year != start.year:
            end_month = middle - 1
        last = _index(dt.date(end.year, end_month, 1))
        approximate = start.approximate or end.approximate
    if last < first:
        return None
    return DateSpan(_from_index(first), _from_index(last), present, text, approximate)


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
    patterns = _patterns(_has_foreign_month(text))
    taken: list[tuple[int, int]] = []
    found: list[FoundSpan] = []

    def free(start: int, end: int) -> bool:
        return all(end <= a or start >= b for a, b in taken)

    def add(match: re.Match[str], span: DateSpan | None, single: bool) -> None:
        if span is not None:
            taken.append((match.start(), match.end()))
            found.append(FoundSpan(match.start(), match.end(), span, single))

    needed = _needed_words()
    lowered = folded(text)
    for kind in ("iso", "short", "month_yy", "month_pair", "range", "onwards", "open", "point"):
        if kind in needed and not any(may_occur(w, lowered) for w in needed[kind]):
            continue
        for match in patterns[kind].finditer(text):
            if not free(match.start(), match.end()):
                continue
            add(match, _read(kind, match, reference), kind == "point")
    found.sort(key=lambda f: f.start)
    return tuple(_split_at_line_breaks(text, _join_fragments(text, found, reference, patterns)))


def _split_at_line_breaks(text: str, found: list[FoundSpan]) -> list[FoundSpan]:
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


def _join_fragments(
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
                    span = _span(start, None, f"{item.span.text} - {second}", reference, True)
                else:
                    end = parse_point(second, reference)
                    span = (
                        None
                        if end is None
                        else _span(start, end, f"{item.span.text} - {second}", reference, False)
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
            span = None if start is None else _span(start, None, item.span.text, reference, True)
            if span is not None:
                result = FoundSpan(item.start, item.end, span, False)
        joined.append(result or item)
    return [f for f in joined if not (f.single and f.start in used)]


def _next_fragment(
    text: str, offset: int, window: int, dangling: bool, patterns: dict[str, re.Pattern[str]]
) -> re.Match[str] | None:
    """The date-only line among the next ``window`` non-blank lines from ``offset``, or None.

    With ``dangling`` (the first part ended with a separator) the first non-blank line may also
    start with the date and go on with other words ("Present  Acme Corp").
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
            if match is not None:
                return match
            seen += 1
        offset = line_end + 1
    return None


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
        first = _Point(start_year, 1, 12, True, True)
        return _span(first, _Point(end_year, 1, 12, True, True), text, reference, False)
    if kind == "month_pair":
        end = parse_point(match["b"], reference)
        if end is None:
            return None
        month = _month_number(match["m"])
        return _span(_Point(end.year, month, month, False, False), end, text, reference, False)
    start = parse_point(match["a"], reference)
    if start is None:
        return None
    if kind in ("onwards", "open"):
        return _span(start, None, text, reference, True)
    if kind == "point":
        return _span(start, None, text, reference, False)
    second = match["b"]
    if _patterns()["present"].match(second.strip()):
        return _span(start, None, text, reference, True)
    end = parse_point(second, reference)
    if end is None:
        return None
    # Some resumes write the newer date first ("2021 - 2019"); read it the other way round.
    return _span(start, end, text, reference, False) or _span(end, start, text, reference, False)


def parse_range(text: str, reference: dt.date) -> DateSpan | None:
    """Read the first date range in ``text`` ("Jan 2020 - Present"), or None when there is none."""
    spans = find_spans(text, reference)
    return spans[0].span if spans else None


def merged_months(spans: list[DateSpan] | tuple[DateSpan, ...]) -> int:
    """Months covered by the union of ``spans``: overlapping periods count once."""
    intervals = sorted((_index(s.first), _index(s.last)) for s in spans)
    total = 0
    current: list[int] | None = None
    for first, last in intervals:
        if current is None or first > current[1] + 1:
            if current is not None:
                total += current[1] - current[0] + 1
            current = [first, last]
        else:
            current[1] = max(current[1], last)
    if current is not None:
        total += current[1] - current[0] + 1
    return total


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
        rf"\b(?:{_alternation(cues)})\s*:?\s*(?:(\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
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
