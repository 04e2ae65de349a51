"""The segments of a document's lines that may be a person's name, and the shape of a name.

``report.name_finder`` ranks these candidates. A candidate is a segment of a line between
separators (``|``, ``•``, `` - ``, a comma, wide gaps), with contact details (e-mail addresses,
links, phone numbers) taken for separators too; the leading or trailing run of a segment that
runs a name into a title ("JANE DOE DATA SCIENTIST"); a "Name:" label's value; a line read across
its comma ("Doe, Jane"; "DOE, Jane" is the inverted name itself); and two one-word lines read as
one ("TOBIAS" / "WEXFORD"). ``name_words`` says whether a segment is shaped like a name at all:
honorifics, degrees and particles left out, initials counted, every other word capitalised (or
after a particle, or of a caseless script), or all of them in lower case.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resume_fit.report.redaction_rules import (
    DOMAIN,
    EMAIL,
    LETTERS,
    OBFUSCATED_EMAIL,
    PHONE,
    URL,
    RedactionRules,
    Vocabulary,
    fold,
    is_phone,
)

__all__ = ["SEPARATORS", "Candidate", "candidates", "capitalised", "caseless", "name_words"]

SEPARATORS = re.compile(r"\s*(?:[|•·;/–—]|\s-\s|\t|\s{3,}|,(?!\s*(?:jr|sr|ph\.?d)\b))\s*", re.I)
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’\-.][^\W\d_]+)*\.?$")
_NAME_LABEL = re.compile(r"^\s*(?:full\s+)?name\s*[:：]\s*(.+)$", re.IGNORECASE)
_WRAPPERS = '"“”„‘’«»()[]{}<>,;:'
# A region code closing a comma list: "Austin, TX", "Leeds, UK".
_REGION_CODE = re.compile(r"^[A-Z]{2,3}$")


@dataclass(frozen=True)
class Candidate:
    """A segment of the document's lines that may be the name (see the module docstring)."""

    words: tuple[str, ...]  # folded letter runs of its content words
    capitalised: bool
    initials: int
    line: int
    labelled: bool = False
    weak: bool = False  # read across a comma or two lines
    listed: bool = False  # one item of a comma list ("Leeds, United Kingdom")
    whole: bool = False  # every uncommon word of its line is in it
    acronyms: tuple[str, ...] = ()  # folded short words in capitals among others: "OOP", "AWS"


def _contact_free(line: str) -> str:
    """``line`` with its e-mail addresses, links and phone numbers made separators."""
    for pattern in (EMAIL, OBFUSCATED_EMAIL, URL, DOMAIN):
        line = pattern.sub(" | ", line)
    return PHONE.sub(lambda m: " | " if is_phone(m[0]) else m[0], line)


def candidates(
    lines: list[tuple[int, str]], rules: RedactionRules, words: Vocabulary
) -> list[Candidate]:
    """The candidates of ``(index, line)`` pairs, in line order."""
    found: list[Candidate] = []
    for position, (index, raw) in enumerate(lines):
        labelled = _NAME_LABEL.match(raw)
        if labelled:
            found += _candidate(labelled[1], rules, index, labelled=True, whole=True)
            continue
        line = _contact_free(raw).strip(" |")
        uncommon = {fold(w) for w in LETTERS.findall(line) if len(w) >= 2}
        uncommon -= words.plain | rules.not_name | rules.honorifics | rules.particles
        segments = [s for s in SEPARATORS.split(line) if s.strip()]
        named = [s for s in segments if {fold(w) for w in LETTERS.findall(s)} - rules.honorifics]
        listed = "," in line and len(named) >= 2  # "Leeds, UK"; not "Jane Doe, PhD, PMP"
        for segment in segments:
            if listed and len(named) >= 3:
                continue  # a list: "Problem Solver, Team Player, Mentor"
            found += _candidate(segment, rules, index, listed=listed, uncommon=uncommon)
            for run in _runs_beside_titles(segment, words):
                found += _candidate(run, rules, index, uncommon=uncommon)
        if "," in line:  # "Wexford, Tobias"; "WEXFORD, Tobias" anywhere
            inverted = _inverted(line)
            found += _candidate(
                line.replace(",", " "), rules, index, weak=not inverted, uncommon=uncommon
            )
        following = lines[position + 1][1] if position + 1 < len(lines) else ""
        if following and lines[position + 1][0] == index + 1:
            # One word per line or text box: "TOBIAS" / "WEXFORD".
            pair = [name_words(part, rules) for part in (line, following)]
            if all(p is not None and len(p[0]) == 1 and not p[1] for p in pair):
                both = f"{line.strip()} {following.strip()}"
                found += _candidate(both, rules, index, uncommon=uncommon, weak=True)
    return found


def _inverted(line: str) -> bool:
    """True for "SURNAME, Given [Middle]": two parts, the first in capitals, the second not."""
    parts = [p.strip() for p in line.split(",")]
    if len(parts) != 2 or not all(parts):
        return False
    head, tail = parts
    return head.isupper() and len(head) > 1 and not tail.isupper() and len(tail.split()) <= 3


def _runs_beside_titles(segment: str, words: Vocabulary) -> list[str]:
    """The leading and trailing runs (two words or more) of a segment's non-title words."""
    parts = segment.split()
    plain = [
        any(fold(p) in words.plain for p in LETTERS.findall(part)) or not LETTERS.search(part)
        for part in parts
    ]
    if not any(plain) or all(plain):
        return []
    lead = len(parts) if False not in plain else plain.index(True)
    trail = len(parts) - (max(i for i, p in enumerate(plain) if p) + 1)
    runs = []
    if lead >= 2:
        runs.append(" ".join(parts[:lead]))
    if trail >= 2:
        runs.append(" ".join(parts[len(parts) - trail :]))
    return runs


def _candidate(
    segment: str,
    rules: RedactionRules,
    line: int,
    *,
    labelled: bool = False,
    weak: bool = False,
    listed: bool = False,
    whole: bool = False,
    uncommon: set[str] | None = None,
) -> list[Candidate]:
    shaped = name_words(segment, rules)
    if shaped is None:
        return []
    content, initials = shaped
    # The one-letter head of "O'Neil", "D'Souza" is no word of its own ("d" is a stop word).
    folded = tuple(
        fold(part)
        for w in content
        for part in LETTERS.findall(w)
        if len(part) > 1 or len(LETTERS.findall(w)) == 1
    )
    if listed and _REGION_CODE.match(content[-1].strip(".")) and len(content) >= 2:
        return []  # "Austin TX" read from "Austin, TX"
    is_capitalised = all(capitalised(w, rules) for w in content)
    mixed = not all(w.isupper() for w in content)
    acronyms = tuple(fold(w) for w in content if mixed and w.isupper() and len(w) <= 4)
    whole = whole or (uncommon is not None and uncommon <= set(folded))
    return [
        Candidate(folded, is_capitalised, initials, line, labelled, weak, listed, whole, acronyms)
    ]


def caseless(word: str) -> bool:
    """True for a word of a script without capital letters (Chinese, Arabic, Devanagari ...)."""
    return not any(c.isupper() or c.islower() for c in word)


def capitalised(word: str, rules: RedactionRules) -> bool:
    """A name word's shape: capital first ("O'Neil"), after a particle ("al-Rashidi"), caseless."""
    if caseless(word):
        return True
    if word[0].isupper():
        return True
    head, _, rest = _split(word)
    return bool(rest) and fold(head) in rules.particles and rest[0].isupper()


def _split(word: str) -> tuple[str, str, str]:
    match = re.match(r"^([^'’\-]+)(['’\-])(.+)$", word)
    return (match[1], match[2], match[3]) if match else (word, "", "")


def name_words(segment: str, rules: RedactionRules) -> tuple[list[str], int] | None:
    """The content words of a segment shaped like a name and its number of initials, or None.

    Honorifics ("Dr."), degrees ("PhD") and particles ("van der") are left out; a nickname in
    brackets or quotes ("Robert (Bob) Smith") is a content word.
    """
    words = [w.strip(_WRAPPERS) for w in segment.split()]
    words = [w for w in words if w]
    if not words or len(words) > rules.max_words + 3:
        return None
    content: list[str] = []
    initials = 0
    for word in words:
        folded = fold(word).replace(".", "")
        if folded in rules.honorifics or folded in rules.particles:
            continue
        if not _NAME_WORD.match(word):
            return None
        initial = all(len(part) <= 1 for part in folded.split("-")) and not caseless(folded)
        if initial or re.fullmatch(r"(?:\w\.)+", word):
            initials += 1
            continue
        content.append(word)
    if not 1 <= len(content) <= rules.max_words:
        return None
    lower = all(w.islower() for w in content)
    if not lower and not all(capitalised(w, rules) for w in content):
        return None
    return content, initials
