"""The patterns that find dates and date ranges in a line of text.

Builds, from the one-date grammar of ``date_grammar`` and the cue words of ``[dates]`` in
``lexicons/profile.toml`` (separators, "present" words, seasons, open starts), one compiled
pattern per kind of span ``dates.find_spans`` looks for, and the cheap tests that let it skip a
kind (a needed word) or a position (a date's first character) without changing any match.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from resume_fit.profile.cues import load_cues
from resume_fit.profile.date_grammar import (
    DAY_AFTER,
    DAY_BEFORE,
    FULL_NUMERIC,
    MONTH_YY,
    MONTHS,
    NUM_MONTH,
    YEAR,
    YEAR2,
    YEAR4,
    alternation,
    ambiguous_month_names,
    month_names,
    month_pattern,
)


@lru_cache(maxsize=1)
def needed_words() -> dict[str, tuple[str, ...]]:
    """Kind of span -> the words one of which a text must hold for that kind to be looked for.

    A text without any is not scanned for that kind (the full patterns try every position of the
    text and cost much more than a substring test).
    """
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
        *(m[0] for m in MONTHS),
        *(m[0] for m in month_names()),
        *(m[0] for m in ambiguous_month_names()),
        *(w[0] for w in seasons),
    }
    return "(?=[" + "".join(re.escape(c) for c in sorted(initials)) + "])"


def _point(month: str, seasons: str) -> str:
    """The pattern of one date, with ``month`` the month-name pattern to use."""
    return (
        rf"(?:{DAY_BEFORE}{month}[,-]?\s*{YEAR}|{month}{DAY_AFTER}{YEAR4}"
        rf"|(?:{seasons}),?\s*{YEAR}|q[1-4],?\s*{YEAR}|{YEAR4}\s*q[1-4]"
        rf"|{FULL_NUMERIC}|{NUM_MONTH}\s?[/.]\s?{YEAR4}|(?:0[1-9]|1[0-2])-{YEAR4}"
        rf"|{YEAR4}\s?[/.]\s?{NUM_MONTH}(?!\d)|{YEAR4}|{YEAR2})"
    )


@lru_cache(maxsize=2)
def range_patterns(foreign: bool = True) -> dict[str, re.Pattern[str]]:
    """Kind -> compiled pattern: the span kinds ``find_spans`` tries in order ("iso", "short",
    "month_yy", "month_pair", "range", "onwards", "open", "point"), then "present" (a whole
    "present" word) and the over-lines pieces "fragment", "lead", "dash_lead" and "dangling".

    Args:
        foreign: Include the other languages' month names (slower; only for texts holding one).
    """
    cues = load_cues()["dates"]
    seasons = alternation(list(cues["seasons"]))
    present = alternation(cues["present"])
    words = [s for s in cues["separators"] if s.strip().isalpha()]
    symbols = "".join(re.escape(s) for s in cues["separators"] if not s.strip().isalpha())
    sep = rf"\s*(?:[{symbols}]+\s*(?:{alternation(words)})?|{alternation(words)})\s*"
    point = _point(month_pattern(foreign), seasons)
    # Inside a range of two dates, the other languages' month abbreviations that are also English
    # words ("set 2016 – mag 2018") are months too; alone they stay words.
    range_point = _point(month_pattern(foreign, foreign), seasons)
    left = r"(?<![\w/.\-])"
    starts = left + _first_character(cues)
    # A range set at the right margin and glued to the words before it by PDF extraction
    # ("Harlow AnalyticsJan 2019 - Mar 2022", "Kestrel Systems2016 - 2018"): a capitalised month
    # name right after a letter, or a four-digit year right after a letter. Ranges only: a lone
    # date glued to a word is too often part of a name ("Windows2000").
    glued = rf"(?:{left}|(?<=[^\W\d_])(?-i:(?=[A-Z][a-z]))|(?<=[^\W\d_])(?={YEAR4}\b))"
    glued_starts = glued + _first_character(cues)
    right = r"(?![\w/]|\.\d)"
    iso = rf"{YEAR4}-(?:0[1-9]|1[0-2])(?:-[0-3]\d)?"
    open_words = alternation(cues["open_start"])
    return {
        "iso": re.compile(
            rf"{left}(?P<a>{iso})(?:{sep}|/)(?P<b>{iso}|(?:{present})){right}", re.IGNORECASE
        ),
        "short": re.compile(
            rf"{left}(?P<a>{YEAR4})\s?[-\u2013\u2014/]\s?(?P<b>\d\d){right}", re.IGNORECASE
        ),
        "month_yy": re.compile(
            rf"{left}(?P<a>{MONTH_YY})\s*[-\u2013\u2014]\s*(?P<b>{MONTH_YY}|(?:{present})){right}",
            re.IGNORECASE,
        ),
        "month_pair": re.compile(
            rf"{glued_starts}(?P<m>{month_pattern(foreign)}){sep}(?P<b>{month_pattern(foreign)},?\s*{YEAR}){right}",
            re.IGNORECASE,
        ),
        "range": re.compile(
            rf"{glued_starts}(?P<a>{range_point}){sep}(?P<b>{range_point}|(?:{present})){right}",
            re.IGNORECASE,
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
        # ...or, the first line below, one that starts with the range's dash and its end ("06/2020
        # • Data Analyst" over "– now Liffey Hospital": a timeline's marker split the range).
        "dash_lead": re.compile(
            rf"^[ \t]*[-\u2013\u2014][ \t]*(?P<b>{point}|(?:{present}))(?![\w/])",
            re.IGNORECASE | re.MULTILINE,
        ),
        "dangling": re.compile(rf"^\s*[{symbols}]"),
    }
