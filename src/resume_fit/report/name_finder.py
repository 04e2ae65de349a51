"""Which words of a document are the person's name: candidate lines ranked by evidence.

The first half of ``report.identity``: given the document's lines and the clues read elsewhere
(e-mail local parts, profile link slugs, the file name), ``find_name_line`` returns the words of
the segment most likely to be the name. Real layouts put the name anywhere near the top and not
always first: a two-column or sidebar PDF reads contact details, a photo caption, a skills column
or a summary before it; a DOCX may hold it only in a page header or footer. So candidates come
from the first ``scan_lines`` lines and from running lines (a header or footer repeated on every
page), and are ranked by evidence:

1. a segment that an e-mail's local part or a profile slug corroborates (``jdoe``, ``jane-q-doe``,
   ``janedoe`` for "Jane Doe"), the first one found;
2. otherwise the best score of: a "Name:" label, the file name's words, the name repeated
   elsewhere in the document (a footer, a signature), a place among the first ``top_lines``
   lines (the very first line more), a segment that is the whole line, two to four words or
   initials; less for a segment read across a comma or two lines, one of a comma list
   ("Leeds, United Kingdom") or in lower case. Beyond the first lines only a whole line of two
   or more uncommon capitalised words counts.

Never a name: a segment mostly of title, heading or stop words, a skill name ("Machine
Learning"), only skill words (after the first line), only place words ("United Kingdom"), or
an organisation ("Orbit Labs", "Kestrel Analytics Ltd").
Contact details (e-mail addresses, links, phone numbers) are separators, so "Jane Doe +44 ..."
and a side column's links do not hide or fake a name. Nothing is looked up.
"""

from __future__ import annotations

import re
from collections import Counter
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

__all__ = ["NameLine", "caseless", "capitalised", "find_name_line", "name_words"]

SEPARATORS = re.compile(r"\s*(?:[|•·;/–—]|\s-\s|\t|\s{3,}|,(?!\s*(?:jr|sr|ph\.?d)\b))\s*", re.I)
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’\-.][^\W\d_]+)*\.?$")
_NAME_LABEL = re.compile(r"^\s*(?:full\s+)?name\s*[:：]\s*(.+)$", re.IGNORECASE)
_WRAPPERS = '"“”„‘’«»()[]{}<>,;:'
# A region code closing a comma list: "Austin, TX", "Leeds, UK".
_REGION_CODE = re.compile(r"^[A-Z]{2,3}$")

# Evidence weights: what each kind of clue adds to a candidate's score. The first line outweighs
# the file name (a file "account_manager_cv" names a job); the file name or a repetition outweighs
# any other place among the first lines (a side column above the name).
_LABEL, _FILE, _REPEATED, _TOP, _FIRST, _WHOLE, _SHAPED = 6, 4, 4, 3, 4, 1, 1
_WEAK, _LISTED, _LOWER = -2, -2, -2


@dataclass(frozen=True)
class NameLine:
    """The name read from the document's lines.

    Attributes:
        words: Folded content words (particles, honorifics and initials left out); () for none.
        confident: Read among the first lines, or corroborated by a clue, a label or its
            repetition; False for a best guess from further down (the file name's words are
            then added as well).
    """

    words: tuple[str, ...] = ()
    confident: bool = False


@dataclass(frozen=True)
class _Candidate:
    """A segment of the document's lines that may be the name."""

    words: tuple[str, ...]  # folded letter runs of its content words
    capitalised: bool
    initials: int
    line: int
    labelled: bool = False
    weak: bool = False  # read across a comma or two lines
    listed: bool = False  # one item of a comma list ("Leeds, United Kingdom")
    whole: bool = False  # every uncommon word of its line is in it


def find_name_line(
    lines: list[str],
    rules: RedactionRules,
    words: Vocabulary,
    strong: set[str],
    weak: set[str],
) -> NameLine:
    """The name line of a document (see the module docstring).

    Args:
        lines: The document's non-empty lines, in reading order (letter-spaced words joined).
        rules: The redaction rules (``top_lines``, ``scan_lines``, word lists).
        words: The ordinary words.
        strong: Folded words of e-mail local parts and profile slugs.
        weak: Folded uncommon words of the file name.
    """
    scanned = _scanned(lines, rules.scan_lines)
    found = _candidates(scanned, rules, words)
    repeats = _written_twice(lines, {c.words for c in found if len(c.words) >= 2})
    best: tuple[int, int] | None = None
    chosen = NameLine()
    for order, candidate in enumerate(found):
        folded = tuple(w for w in candidate.words if w not in rules.particles)
        if not folded or _never_a_name(candidate, folded, rules, words):
            continue
        top = candidate.line < rules.top_lines
        titled = any(w in words.plain for w in folded)
        if _corroborated(folded, strong) and (top or not titled):
            return NameLine(folded, True)
        score = _score(candidate, folded, rules, words, weak, repeats)
        if score is None:
            continue
        if best is None or score > best[0]:
            best = (score, order)
            confident = top or candidate.labelled or _corroborated(folded, weak)
            chosen = NameLine(folded, confident or folded in repeats)
    return chosen


def _scanned(lines: list[str], scan_lines: int) -> list[tuple[int, str]]:
    """The first ``scan_lines`` lines and the running lines after them, with their index."""
    shapes = Counter(re.sub(r"\d+", "#", line.strip().casefold()) for line in lines)
    return [
        (index, line)
        for index, line in enumerate(lines)
        if index < scan_lines or shapes[re.sub(r"\d+", "#", line.strip().casefold())] >= 2
    ]


def _written_twice(lines: list[str], sequences: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The word sequences written two times or more in ``lines`` (a footer, a signature)."""
    tokens = [fold(w) for line in lines for w in LETTERS.findall(line)]
    positions: dict[str, list[int]] = {}
    for index, token in enumerate(tokens):
        positions.setdefault(token, []).append(index)
    twice = set()
    for sequence in sequences:
        hits = sum(
            1
            for start in positions.get(sequence[0], [])
            if tuple(tokens[start : start + len(sequence)]) == sequence
        )
        if hits >= 2:
            twice.add(sequence)
    return twice


def _never_a_name(
    candidate: _Candidate, folded: tuple[str, ...], rules: RedactionRules, words: Vocabulary
) -> bool:
    """Titles, headings, skill names and places: never the name, wherever they are."""
    titled = sum(1 for w in folded if w in words.plain)
    skill = not candidate.initials and " ".join(candidate.words) in words.skill_phrases
    if any(w in rules.organisation_words for w in folded):
        return True  # "Orbit Labs", "Kestrel Analytics Ltd"
    places = [w in rules.place_words for w in folded]
    if all(places) or ((candidate.listed or candidate.weak) and any(places)):
        return True
    return titled * 2 > len(folded) or skill


def _score(
    candidate: _Candidate,
    folded: tuple[str, ...],
    rules: RedactionRules,
    words: Vocabulary,
    weak: set[str],
    repeats: set[tuple[str, ...]],
) -> int | None:
    """How much evidence makes ``candidate`` the name; None when its shape rules it out."""
    top = candidate.line < rules.top_lines
    if any(w in words.plain for w in folded) and not candidate.labelled:
        return None  # "Jane Doe Consulting", "Senior Engineer"
    named = len(folded) >= 2 or candidate.initials > 0 or caseless(folded[0])
    skills_only = (
        all(w in words.skills for w in folded) and candidate.line > 0 and not candidate.initials
    )
    # A lower-case name is read only as the whole first line: "jane doe".
    lower = not candidate.capitalised
    if lower and not (candidate.line == 0 and candidate.whole and len(folded) >= 2):
        return None
    if lower and any(w in words.every for w in folded):
        return None
    if not named or skills_only:
        return None
    if not top and not (
        candidate.labelled
        or _corroborated(folded, weak)
        or (candidate.whole and len(folded) >= 2 and not candidate.weak
            and sum(w in words.every for w in folded) * 2 <= len(folded))
    ):  # fmt: skip
        return None
    if top and len(folded) < 2 and not candidate.initials and candidate.line > 0:
        return None  # one word below the first line: "Engineer", "Leeds"
    score = _LABEL * candidate.labelled + _FILE * _corroborated(folded, weak)
    score += _REPEATED * (folded in repeats) + _TOP * top + _FIRST * (candidate.line == 0)
    score += _WHOLE * candidate.whole + _SHAPED * (2 <= len(folded) <= 4 or candidate.initials > 0)
    score += _WEAK * candidate.weak + _LISTED * candidate.listed + _LOWER * lower
    return score


def _contact_free(line: str) -> str:
    """``line`` with its e-mail addresses, links and phone numbers made separators."""
    for pattern in (EMAIL, OBFUSCATED_EMAIL, URL, DOMAIN):
        line = pattern.sub(" | ", line)
    return PHONE.sub(lambda m: " | " if is_phone(m[0]) else m[0], line)


def _candidates(
    lines: list[tuple[int, str]], rules: RedactionRules, words: Vocabulary
) -> list[_Candidate]:
    found: list[_Candidate] = []
    for position, (index, raw) in enumerate(lines):
        labelled = _NAME_LABEL.match(raw)
        if labelled:
            found += _candidate(labelled[1], rules, index, labelled=True, whole=True)
            continue
        line = _contact_free(raw).strip(" |")
        uncommon = {fold(w) for w in LETTERS.findall(line) if len(w) >= 2}
        uncommon -= words.plain | rules.not_name | rules.honorifics | rules.particles
        segments = [s for s in SEPARATORS.split(line) if s.strip()]
        listed = line.count(",") >= 1 and len(segments) >= 2
        for segment in segments:
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
) -> list[_Candidate]:
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
    whole = whole or (uncommon is not None and uncommon <= set(folded))
    return [_Candidate(folded, is_capitalised, initials, line, labelled, weak, listed, whole)]


def _corroborated(words: tuple[str, ...], clues: set[str]) -> bool:
    """True when an e-mail, link or file name has a word of the segment (or the words joined)."""
    joined = "".join(words)
    return any(joined in clue or (len(clue) >= 5 and clue in joined) for clue in clues) or any(
        len(w) >= 3 and any(w in clue for clue in clues) for w in words
    )


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
