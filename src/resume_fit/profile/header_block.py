"""Which lines around a date line make an entry's header, and the parts read from them.

A line of an experience section that holds a date range starts an entry; its title and employer
stand on that line, on up to ``_LINES_ABOVE`` short lines above it, or on the line below (an
employer under "Title  Dates", a title under a date-only line). ``header_parts`` gathers that
block; ``header_text.py`` reads each line's parts; ``positions.py`` decides which date lines
start entries.
"""

from __future__ import annotations

import re

from resume_fit.profile.date_span import FoundSpan
from resume_fit.profile.header_text import (
    cue_words,
    is_location,
    is_title,
    name_before_place,
    split_parts,
    word_set,
)

BULLET = re.compile(r"^\s*(?:[-*•·▪◦●■–]|\d+[.)])\s+")
HEADER_LINE_MAX = 110
# Dot leaders between a title and its dates ("Developer @ Acme ........ 2019 - 2022").
_LEADER = re.compile(r"(?:\s?[.·…]){4,}\s?")
# How far above a date line its title and employer may be (a location line may sit between).
_LINES_ABOVE = 3
# Small words inside an employer's name ("Bank of Leeds", "Marks and Spencer").
_JOINERS = frozenset({"of", "and", "the", "for", "de", "la", "du", "der", "und", "&"})


def section_lines(text: str, base: int) -> list[tuple[int, int, str]]:
    """The lines of ``text`` as (start, end, text), offsets counted from ``base``."""
    lines = []
    offset = 0
    for raw in text.split("\n"):
        lines.append((base + offset, base + offset + len(raw), raw))
        offset += len(raw) + 1
    return lines


def is_header_candidate(line: str) -> bool:
    """True for a line that may be part of a header: not blank, short, not a bullet."""
    stripped = without_leaders(line).strip()
    return bool(stripped) and len(stripped) <= HEADER_LINE_MAX and not BULLET.match(line)


# Lower-case words of three letters or more that make a line a sentence rather than a header
# ("Led the migration of forty services ... to a managed cluster").
_PROSE_WORDS = 4
_LOWER_WORD = re.compile(r"(?<![\w.@/-])[a-z][a-z'-]{2,}(?![\w@/])")


def reads_as_prose(line: str) -> bool:
    """True for a line that reads as a sentence: at least ``_PROSE_WORDS`` lower-case words that
    are not the small words of a name ("of", "and", "the": ``_JOINERS``). A header names a title,
    an employer and a place, in capitals ("Data Scientist at Kestrel Systems, Berlin")."""
    words = [w for w in _LOWER_WORD.findall(line) if w not in _JOINERS]
    return len(words) >= _PROSE_WORDS


def header_parts(
    body: str,
    lines: list[tuple[int, int, str]],
    index: int,
    item: FoundSpan,
    floor: int,
    ceiling: int,
) -> tuple[int, list[str], int]:
    """The first line of an entry's header block, the title, organisation or place parts in it,
    and how many lines under the date line it took (1 for an employer line, else 0).

    Resumes set the block in many orders: "Title | Company | Dates", "Company  Dates" over
    "Title", "Title" over "Company, Place" over a date-only line, "Dates  Company" over "Title".
    The date line's own parts come first; while they hold no title (a part with a title word,
    ``is_title``) the block grows upwards over short lines (at most ``_LINES_ABOVE``, never into
    the previous entry's date line ``floor``): any line while fewer than two parts are known,
    then only a line that holds a title. Still without a title, the first non-blank short line
    below (before the next entry's header, ``ceiling``) is the title when it reads as one.
    """
    line = lines[index][2]
    parts = split_parts(without_leaders(line.replace(body[item.start : item.end], " | ")))
    top = index
    while top - 1 > floor and index - (top - 1) <= _LINES_ABOVE:
        titled = any(is_title(p) for p in parts)
        if len(parts) >= 2 and titled:
            break
        candidate = lines[top - 1][2]
        if not is_header_candidate(candidate):
            break
        above = split_parts(candidate)
        if len(parts) >= 2 and not any(is_title(p) for p in above):
            break
        parts = above + parts
        top -= 1
    if item.tail is not None:
        # A range split over lines: the lines down to its second part belong to the entry
        # (the organisation or place set between "2021 –" and "Present").
        parts += _entry_parts(body, lines, index, *item.tail)
    taken = 0
    if not any(is_title(p) for p in parts) and item.tail is None:
        below, taken = _title_below(lines, index, ceiling)
        if below:
            parts = parts + below
        if len(parts) == 1 and below:
            # A date-only line over "Title" over "Employer, City" (a two-column layout's dates
            # column read first): the employer is the line under the title.
            employer = _employer_below(lines, index + taken, ceiling)
            if employer:
                return top, parts + employer, taken + 1
    elif len(parts) == 1 and item.tail is None:
        # "Senior Data Scientist    Jan 2019 - Mar 2022" over "Kestrel Systems": a title and
        # dates on one line, the employer on the next; or the title on the line above the dates
        # ("Title" over "Dates" over "Employer, City"), unless that next line is the top of the
        # next entry (a title line follows it).
        employer = _employer_below(lines, index, ceiling)
        if employer and (top == index or not _title_line(lines, index + 2, ceiling)):
            return top, parts + employer, 1
    if len(parts) == 1 and is_title(parts[0]):
        # "Harlow Analytics, Leeds" over "Data Analyst": a name and a city read as a place line
        # is the employer when the block names no other.
        name = next((n for _, _, text in lines[top:index] if (n := name_before_place(text))), "")
        if name:
            parts = [*parts, name]
    return top, parts, taken


_NAME_WORDS_MAX = 6


def _employer_below(lines: list[tuple[int, int, str]], index: int, ceiling: int) -> list[str]:
    """The employer on the line under a title-and-dates line: the next line, when it is short,
    not a bullet, holds no title word and no date, and reads as a name (capitalised words, no
    sentence end, not a list); else nothing."""
    number = index + 1
    if number >= min(ceiling, len(lines)):
        return []
    text = lines[number][2].strip()
    words = text.split()
    if (
        not text
        or BULLET.match(lines[number][2])
        or len(words) > _NAME_WORDS_MAX
        or text.endswith(".")
        or text.count(",") > 1
        or re.search(r"\d{4}", text)
        or not all(w[:1].isupper() or w[:1] in "&(" or w.lower() in _JOINERS for w in words)
    ):
        return []
    head, _, place = text.partition("(")
    # "Slalom Works (Chicago, IL)": the name before a place in brackets.
    parts = [head.strip()] if head.strip() and is_location(place) else split_parts(text)
    if not parts and (name := name_before_place(text)):
        parts = [name]  # "Harlow Analytics, Leeds"
    return [] if any(word_set(p) & cue_words()["titles"] for p in parts) else parts[:1]


def _title_line(lines: list[tuple[int, int, str]], number: int, ceiling: int) -> bool:
    """True when ``lines[number]`` (before ``ceiling``) is a short line holding a title."""
    if number >= min(ceiling + 1, len(lines)) or not is_header_candidate(lines[number][2]):
        return False
    return any(is_title(p) for p in split_parts(lines[number][2]))


def _title_below(
    lines: list[tuple[int, int, str]], index: int, ceiling: int
) -> tuple[list[str], int]:
    """The parts of the first non-blank line under a date line, when it is a short title line
    that is not the top of the next entry (the line just above that entry's date line may be its
    title), and how many lines down it is; ``([], 0)`` otherwise."""
    for number in range(index + 1, min(ceiling, index + 3)):
        text = lines[number][2]
        if not text.strip():
            continue
        if number >= ceiling - 1 or not is_header_candidate(text):
            return [], 0
        below = split_parts(text)
        return (below, number - index) if any(is_title(p) for p in below) else ([], 0)
    return [], 0


def _entry_parts(
    body: str, lines: list[tuple[int, int, str]], index: int, tail_start: int, tail_end: int
) -> list[str]:
    """Title, organisation or place parts of the lines after a header, down to a range's tail."""
    base = lines[0][0]
    parts: list[str] = []
    for line_start, line_end, line in lines[index + 1 :]:
        if line_start - base > tail_start:
            break
        if line_end - base >= tail_end:
            line = body[line_start - base : tail_start] + " | " + body[tail_end : line_end - base]
        if is_header_candidate(line):
            parts += split_parts(line)
    return parts


def without_leaders(line: str) -> str:
    """``line`` with dot leaders ("Developer ........ 2019") read as a separator."""
    return _LEADER.sub(" | ", line) if "..." in line or "…" in line or ". ." in line else line
