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
Learning"), only skill words (after the first line), mostly place words ("United Kingdom"),
an organisation ("Orbit Labs", "Kestrel Analytics Ltd") or an item of a list of three or more.
Contact details (e-mail addresses, links, phone numbers) are separators, so "Jane Doe +44 ..."
and a side column's links do not hide or fake a name. Nothing is looked up.
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

__all__ = ["NameLine", "caseless", "capitalised", "find_name_line", "name_words"]

SEPARATORS = re.compile(r"\s*(?:[|•·;/–—]|\s-\s|\t|\s{3,}|,(?!\s*(?:jr|sr|ph\.?d)\b))\s*", re.I)
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’\-.][^\W\d_]+)*\.?$")
_NAME_LABEL = re.compile(r"^\s*(?:full\s+)?name\s*[:：]\s*(.+)$", re.IGNORECASE)
_WRAPPERS = '"“”„‘’«»()[]{}<>,;:'
# A region code closing a comma list: "Austin, TX", "Leeds, UK".
_REGION_CODE = re.compile(r"^[A-Z]{2,3}$")

# Evidence weights: what each kind of clue adds to a candidate's score. The first line outweighs
# the file name (a file "account_manager_cv" names a job); the file name, or contact details
# beside a whole line, outweigh any other place among the first lines (a side column above the
# name); a repetition (a footer, a signature) adds to either.
_LABEL, _FILE, _TOP, _FIRST, _CONTACT, _REPEATED, _RUNNING = 6, 4, 3, 4, 3, 2, 2
_WHOLE, _SHAPED, _DISTINCT = 1, 1, 1
_WEAK, _LISTED, _LOWER = -2, -2, -2
# Fewest lines between two copies of a running header or footer (a page holds more).
_PAGE_LINES = 15
# Fewest lines between two writings of a name for it to count as repeated.
_APART = 3


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


@dataclass(frozen=True)
class _Evidence:
    """What a candidate is ranked by, besides its own shape and place."""

    file: set[str]  # folded uncommon words of the file name
    repeated: set[tuple[str, ...]]  # word sequences written twice or more
    running: set[int]  # lines repeated on every page (headers, footers)
    near_contact: set[int]  # lines within two of a line with an e-mail, link or phone number


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
    running = _running(lines)
    scanned = [(i, line) for i, line in enumerate(lines) if i < rules.scan_lines or i in running]
    found = _candidates(scanned, rules, words)
    contacts = [i for i, line in scanned if _is_contact(line)]
    evidence = _Evidence(
        file=weak,
        repeated=_written_twice(lines, {c.words for c in found if len(c.words) >= 2}),
        running=running,
        near_contact={i for c in contacts for i in range(c - 2, c + 3)},
    )
    best: int | None = None
    chosen = NameLine()
    for candidate in found:
        folded = tuple(w for w in candidate.words if w not in rules.particles)
        if not folded or _never_a_name(candidate, folded, rules, words):
            continue
        top = candidate.line < rules.top_lines
        titled = any(w in words.plain for w in folded)
        if _corroborated(folded, strong) and (top or not titled):
            return NameLine(folded, True)
        score = _score(candidate, folded, rules, words, evidence)
        if score is not None and (best is None or score > best):
            best = score
            confident = top or candidate.labelled or _corroborated(folded, weak)
            chosen = NameLine(folded, confident or folded in evidence.repeated)
    return chosen


def _running(lines: list[str]) -> set[int]:
    """Lines repeated a page apart or more: running headers and footers ("Jane Doe | Page 2")."""
    seen: dict[str, list[int]] = {}
    for index, line in enumerate(lines):
        seen.setdefault(_shape(line), []).append(index)
    return {
        index
        for at in seen.values()
        if len(at) >= 2 and min(b - a for a, b in zip(at, at[1:], strict=False)) >= _PAGE_LINES
        for index in at
    }


def _shape(line: str) -> str:
    """A line with its numbers blanked: a running footer's lines share one ("Page #")."""
    return re.sub(r"\d+", "#", line.strip().casefold())


def _is_contact(line: str) -> bool:
    """True for a line with an e-mail address, a link or a phone number."""
    return bool(
        EMAIL.search(line)
        or OBFUSCATED_EMAIL.search(line)
        or URL.search(line)
        or DOMAIN.search(line)
        or any(is_phone(m[0]) or _dialled(m[0]) for m in PHONE.finditer(line))
    )


def _dialled(number: str) -> bool:
    """An international number in any grouping ("+33 6 12 34 56 78"): a contact line's cue."""
    return number.startswith("+") and len(re.sub(r"\D", "", number)) >= 9


def _written_twice(lines: list[str], sequences: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
    """The word sequences written again a few lines away or more (a footer, a signature).

    A line copied right below itself (a parser's duplicate) is no repetition.
    """
    tokens: list[str] = []
    line_of: list[int] = []
    for index, line in enumerate(lines):
        for word in LETTERS.findall(line):
            tokens.append(fold(word))
            line_of.append(index)
    positions: dict[str, list[int]] = {}
    for at, token in enumerate(tokens):
        positions.setdefault(token, []).append(at)
    twice = set()
    for sequence in sequences:
        found = [
            line_of[start]
            for start in positions.get(sequence[0], [])
            if tuple(tokens[start : start + len(sequence)]) == sequence
        ]
        if found and max(found) - min(found) >= _APART:
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
    places = sum(w in rules.place_words for w in folded)
    if places * 2 > len(folded) or ((candidate.listed or candidate.weak) and places):
        return True  # "Central Florida", "Leeds, England"
    return titled * 2 > len(folded) or skill


def _score(
    candidate: _Candidate,
    folded: tuple[str, ...],
    rules: RedactionRules,
    words: Vocabulary,
    evidence: _Evidence,
) -> int | None:
    """How much evidence makes ``candidate`` the name; None when its shape rules it out."""
    if any(w in words.plain for w in folded) and not candidate.labelled:
        return None  # "Jane Doe Consulting", "Senior Engineer"
    top = candidate.line < rules.top_lines
    near = candidate.line in evidence.near_contact
    by_file = _corroborated(folded, evidence.file)
    named = len(folded) >= 2 or candidate.initials > 0 or caseless(folded[0])
    # Skill words alone ("Python SQL") are a name only first, with initials, or as a whole line
    # by the contact details ("John Doe", "Adam White": names that are also skill words).
    skills_only = (
        all(w in words.skills for w in folded)
        and candidate.line > 0
        and not candidate.initials
        and not (near and candidate.whole and len(folded) >= 2 and not candidate.weak)
    )
    if not named or skills_only or (top and len(folded) < 2 and candidate.line > 0
                                    and not candidate.initials):  # fmt: skip
        return None  # one word below the first line: "Engineer", "Leeds"
    # A lower-case name is read only as a whole line of uncommon words, first or by contacts.
    lower = not candidate.capitalised
    if lower and not (
        candidate.whole
        and len(folded) >= 2
        and (candidate.line == 0 or (near and not any(w in words.every for w in folded)))
    ):
        return None
    # Below the first lines: a label, the file name, or a whole line of two words or more,
    # by the contact details or not made only of skill words.
    whole = candidate.whole and len(folded) >= 2 and not candidate.weak
    if not top and not (
        candidate.labelled
        or by_file
        or (whole and (near or not all(w in words.every for w in folded)))
    ):
        return None
    score = _LABEL * candidate.labelled + _FILE * by_file + _TOP * top
    score += _REPEATED * (folded in evidence.repeated) + _RUNNING * (
        candidate.line in evidence.running
    )
    score += _CONTACT * near + _FIRST * (candidate.line == 0) + _WHOLE * candidate.whole
    score += _SHAPED * (2 <= len(folded) <= 4 or candidate.initials > 0)
    score += _DISTINCT * (not any(w in words.every for w in folded))
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
