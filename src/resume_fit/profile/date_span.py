"""Date spans as values: a period of months, both ends included, and its length.

``DateSpan`` is what a range reads to, ``FoundSpan`` where it was found in a text;
``span_between`` resolves two read dates (or one date and "present") into a span, reading a bare
year mid-year on both ends (``bare_year_month`` in ``lexicons/profile.toml``); ``merged_months``
counts the months a set of spans covers, overlaps once.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resume_fit.profile.cues import load_cues
from resume_fit.profile.date_grammar import Point


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


def _index(day: dt.date) -> int:
    return day.year * 12 + day.month - 1


def _from_index(index: int) -> dt.date:
    return dt.date(index // 12, index % 12 + 1, 1)


def span_between(
    start: Point, end: Point | None, text: str, reference: dt.date, present: bool
) -> DateSpan | None:
    """The span from ``start`` to ``end`` (to ``reference`` when ``present``; ``start`` alone
    when neither), or None when it would end before it starts.

    A bare-year start begins at ``bare_year_month`` unless the end is in the same year, and a
    bare-year end in another year stops the month before it: "2019 - 2021" is July 2019 to June
    2021.
    """
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
