"""The grammar of one date as resumes write it, and reading one date.

Owns the regex pieces a date is made of (month names in English and, from ``[dates.months]`` in
``lexicons/profile.toml``, other languages; four- and two-digit years; numeric months; days) and
``parse_point``, which reads one date ("Sept. 2017", "Q3 2021", "Summer 2018", "'19") into a
``Point``: a year and the months it may mean. Finding ranges in text is ``dates``' job.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from resume_fit.profile.cues import load_cues

MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}  # fmt: skip
_ENGLISH_MONTH = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
YEAR4 = r"(?:19[5-9]\d|20\d\d)"
YEAR2 = r"[\'\u2019\u2018]\d\d"
YEAR = rf"(?:{YEAR4}|{YEAR2})"
NUM_MONTH = r"(?:0?[1-9]|1[0-2])"
# A day before or after a month name ("1 June 2019", "June 1, 2019"), a full numeric date
# ("19/06/2019", "06/19/2019") and a month with a two-digit year ("6/19", in a range only): the
# day is dropped, positions are counted in months.
DAY_BEFORE = r"(?:[0-3]?\d(?:st|nd|rd|th)?\s+(?:of\s+)?)?"
DAY_AFTER = r"\s+[0-3]?\d(?:st|nd|rd|th)?,?\s*"
FULL_NUMERIC = rf"[0-3]?\d[/.][0-3]?\d[/.]{YEAR4}"
MONTH_YY = r"(?:0?[1-9]|1[0-2])/\d\d"


@dataclass(frozen=True)
class Point:
    """One date: a year and its first and last possible month (a season, a quarter or a bare
    year covers several); ``bare_year`` when only the year was written."""

    year: int
    first_month: int
    last_month: int
    bare_year: bool
    approximate: bool


@lru_cache(maxsize=1)
def month_names() -> dict[str, int]:
    """Month names of other languages (``[dates.months]``) -> month number."""
    names: dict[str, int] = {}
    english = re.compile(_ENGLISH_MONTH)
    for number, words in load_cues()["dates"].get("months", {}).items():
        for word in words:
            key = word.strip().lower()
            if key and not english.fullmatch(key):  # "apr", "august": English already
                names[key] = int(number)
    return names


@lru_cache(maxsize=1)
def ambiguous_month_names() -> dict[str, int]:
    """Other languages' month abbreviations that are also English words (``[dates.
    ambiguous_months]``: "set", "out") -> month number; months only inside a range."""
    names: dict[str, int] = {}
    for number, words in load_cues()["dates"].get("ambiguous_months", {}).items():
        for word in words:
            if word.strip():
                names[word.strip().lower()] = int(number)
    return names


@lru_cache(maxsize=4)
def month_pattern(foreign: bool = True, ambiguous: bool = False) -> str:
    """The pattern of a month name: English forms, then (``foreign``) the other languages', and
    (``ambiguous``) their abbreviations that are also English words."""
    names = list(month_names()) if foreign else []
    if ambiguous:
        names += list(ambiguous_month_names())
    others = "|".join(re.escape(w) for w in sorted(names, key=len, reverse=True))
    return rf"(?:{_ENGLISH_MONTH}{'|' + others if others else ''})\.?"


_LETTERS_RE = re.compile(r"[^\W\d_]{3,}")


@lru_cache(maxsize=1)
def _ambiguous_before_year() -> re.Pattern[str] | None:
    names = ambiguous_month_names()
    if not names:
        return None
    return re.compile(rf"(?<![^\W\d_])(?:{alternation(list(names))})\.?\s?{YEAR4}(?!\d)")


def has_foreign_month(text: str) -> bool:
    """True when ``text`` holds a month name of another language, or an ambiguous one right
    before a year ("set 2016"); then the longer patterns are needed, and English resumes keep
    the faster English-only ones."""
    names = month_names()
    lowered = text.lower()
    if names and not names.keys().isdisjoint(_LETTERS_RE.findall(lowered)):
        return True
    ambiguous = _ambiguous_before_year()
    return ambiguous is not None and ambiguous.search(lowered) is not None


def month_number(word: str) -> int:
    """The month number (1-12) of a month name matched by ``month_pattern`` ("Sept." -> 9)."""
    key = word.strip().rstrip(".").lower()
    return month_names().get(key) or ambiguous_month_names().get(key) or MONTHS[key[:3]]


def alternation(words: list[str]) -> str:
    """A regex alternation of ``words`` (stripped, lower-cased, escaped), longest first so a
    longer word wins over its prefix."""
    ordered = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(re.escape(w) for w in ordered)


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
        # Only matched text is read here, so the ambiguous names are safe to accept.
        "month": re.compile(rf"{DAY_BEFORE}({month_pattern(True, True)})[,-]?\s*({YEAR})"),
        "month_day": re.compile(rf"({month_pattern(True, True)}){DAY_AFTER}({YEAR4})"),
        "numeric": re.compile(rf"([0-3]?\d)[/.]([0-3]?\d)[/.]({YEAR4})"),
        "month_yy": re.compile(r"(0?[1-9]|1[0-2])/(\d\d)"),
        "iso_day": re.compile(rf"({YEAR4})-(0[1-9]|1[0-2])-[0-3]\d"),
        "season": re.compile(
            rf"^(?P<s>{alternation(list(load_cues()['dates']['seasons']))}),?\s*(?P<y>{YEAR})$",
            re.IGNORECASE,
        ),
    }


def parse_point(text: str, reference: dt.date) -> Point | None:
    """Read one date ("Sept. 2017", "03.2020", "2020/01", "Q3 2021", "Summer 2018", "'19",
    "1 June 2019", "June 1, 2019", "19/06/2019", "2019-06-01", "6/19"); the day is dropped."""
    raw = text.strip().lower()
    cues = load_cues()["dates"]
    season = _point_patterns()["season"].match(raw)
    if season:
        first, last = cues["seasons"][season["s"]]
        return Point(_year(season["y"], reference), first, last, False, True)
    patterns = _point_patterns()
    match = patterns["month"].fullmatch(raw) or patterns["month_day"].fullmatch(raw)
    if match:
        month = month_number(match[1])
        return Point(_year(match[2], reference), month, month, False, False)
    match = patterns["numeric"].fullmatch(raw)
    if match:
        # Day first ("19/06/2019") unless the second number cannot be a month ("06/19/2019").
        first, second = int(match[1]), int(match[2])
        month = second if 1 <= second <= 12 else first
        if not 1 <= month <= 12:
            return None
        return Point(int(match[3]), month, month, False, False)
    match = patterns["iso_day"].fullmatch(raw)
    if match:
        return Point(int(match[1]), int(match[2]), int(match[2]), False, False)
    match = patterns["month_yy"].fullmatch(raw)
    if match:
        month = int(match[1])
        return Point(_year("'" + match[2], reference), month, month, False, False)
    match = re.fullmatch(rf"q([1-4]),?\s*({YEAR})|({YEAR4})\s*q([1-4])", raw)
    if match:
        quarter = int(match[1] or match[4])
        year = _year(match[2] or match[3], reference)
        return Point(year, quarter * 3 - 2, quarter * 3, False, True)
    match = re.fullmatch(rf"({NUM_MONTH})\s?[/.\-]\s?({YEAR4})", raw)
    if match:
        return Point(int(match[2]), int(match[1]), int(match[1]), False, False)
    match = re.fullmatch(rf"({YEAR4})\s?[/.\-]\s?({NUM_MONTH})", raw)
    if match:
        return Point(int(match[1]), int(match[2]), int(match[2]), False, False)
    match = re.fullmatch(rf"({YEAR})", raw)
    if match:
        return Point(_year(match[1], reference), 1, 12, True, True)
    return None
