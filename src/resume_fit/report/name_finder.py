"""Which words of a document are the person's name: candidate lines ranked by evidence.

The first half of ``report.identity``: given the document's lines and the clues read elsewhere
(e-mail local parts, profile link slugs, the file name), ``find_name_line`` returns the words of
the segment most likely to be the name. Real layouts put the name anywhere near the top and not
always first: a two-column or sidebar PDF reads contact details, a photo caption, a skills column
or a summary before it; a DOCX may hold it only in a page header or footer. So candidates come
from the first ``scan_lines`` lines, the last ``top_lines`` lines (a header box read after the
body, a signature; ``RedactionRules.closing_start``) and running lines (a header or footer
repeated on every page), and are ranked by evidence:

1. a segment that an e-mail's local part or a profile slug corroborates (``jdoe``, ``jane-q-doe``,
   ``janedoe`` for "Jane Doe"), the first one found;
2. otherwise the best score of: a "Name:" label, the file name's words, a place among the first
   ``top_lines`` lines (the very first line more), contact details (an e-mail, a link, a phone
   number) within two lines, the name written again a few lines away or more (a footer, a
   signature) or a running line, a segment that is the whole line, two to four words or
   initials, no ordinary word; less for a segment read across a comma or two lines, an item of
   a comma list ("Leeds, United Kingdom") or in lower case. Below the first lines a candidate
   needs a label, the file name, or to be a whole line of two words or more, beside contact
   details or running (a footer), or else among the first ``guess_lines`` and not only of
   skill words; "Adam White" is a name beside a phone number. Never a line between two lines
   of skill words (an item of a one-per-line list). A
   lower-case one is read on the first line or beside contact details only.

Never a name: a segment with a title, heading or stop word (unless labelled or corroborated), a
skill name ("Machine Learning"), mostly place words ("United Kingdom", ``place_words``), an
organisation ("Orbit Labs", ``organisation_words``) or an item of a list of three or more
(``report.name_candidates``). The weights are relative: what matters is their order, stated
beside them. Nothing is looked up.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass

from resume_fit.report.name_candidates import Candidate, candidates, caseless
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

__all__ = ["NameLine", "find_name_line"]

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
        runners_up: The name words (``word_names``: "Grace", "Hunter") and the words no
            vocabulary or dictionary knows ("Okafor", "Wexford") of the other name-shaped
            candidates among the first lines: masked as well (name words only where written as
            a name), since a missed name costs more than a masked town or sidebar word. With a
            name an e-mail or link corroborates they are ().
        corroborated: An e-mail local part or a profile link has a word of the name.
        line: The index of the name's line in the lines given; -1 with no name or when
            corroborated.
    """

    words: tuple[str, ...] = ()
    confident: bool = False
    runners_up: tuple[str, ...] = ()
    corroborated: bool = False
    line: int = -1


@dataclass(frozen=True)
class _Evidence:
    """What a candidate is ranked by, besides its own shape and place."""

    file: set[str]  # folded uncommon words of the file name
    repeated: set[tuple[str, ...]]  # word sequences written twice or more
    running: set[int]  # lines repeated on every page (headers, footers)
    near_contact: set[int]  # lines within two of a line with an e-mail, link or phone number
    in_list: set[int]  # lines between two lines of skill words: an item of a one-per-line list


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
    tail = rules.closing_start(len(lines))
    scanned = [
        (i, line)
        for i, line in enumerate(lines)
        if i < rules.scan_lines or i >= tail or i in running
    ]
    found = candidates(scanned, rules, words)
    contacts = [i for i, line in scanned if _is_contact(line)]
    evidence = _Evidence(
        file=weak,
        repeated=_written_twice(lines, {c.words for c in found if len(c.words) >= 2}),
        running=running,
        near_contact={i for c in contacts for i in range(c - 2, c + 3)},
        in_list=_between_skill_lines(scanned, words),
    )
    best: int | None = None
    chosen = NameLine()
    shaped: list[tuple[str, ...]] = []  # name-shaped candidates among the first lines
    for candidate in found:
        folded = tuple(w for w in candidate.words if w not in rules.particles)
        if not folded or _never_a_name(candidate, folded, rules, words):
            continue
        top = candidate.line < rules.top_lines or candidate.line >= tail
        titled = any(w in words.plain for w in folded)
        if _corroborated(folded, strong) and (top or not titled):
            return NameLine(folded, True, corroborated=True)
        score = _score(candidate, folded, rules, words, evidence)
        # Name-shaped: scored, or two to four capitalised words on one line ("Grace Hunter").
        whole = candidate.capitalised and 2 <= len(folded) <= 4 and not candidate.weak
        if (
            top
            and (score is not None or whole)
            and not (candidate.listed or candidate.line in evidence.in_list)
        ):
            shaped.append(folded)
        if score is not None and (best is None or score > best):
            best = score
            confident = top or candidate.labelled or _corroborated(folded, weak)
            chosen = NameLine(folded, confident or folded in evidence.repeated, line=candidate.line)
    others = sorted(
        {
            w
            for f in shaped
            if f != chosen.words
            for w in f
            if len(w) >= 3 and not _known_word(w, rules, words)
        }
    )
    return dataclasses.replace(chosen, runners_up=tuple(others))


def _known_word(word: str, rules: RedactionRules, words: Vocabulary) -> bool:
    """A word list's word is a word ("Graduate", "June"), unless it is a name word ("Grace")."""
    if word in rules.date_words:
        return True
    return word not in rules.word_names and (word in words.every or word in words.dictionary)


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


def _between_skill_lines(scanned: list[tuple[int, str]], words: Vocabulary) -> set[int]:
    """Lines with a line of skill words right above and right below them."""
    skilled = {i for i, line in scanned if _skill_words(line, words)}
    return {i + 1 for i in skilled if i + 2 in skilled}


def _skill_words(line: str, words: Vocabulary) -> bool:
    """True for a line of skill words only ("Computer Vision", "Python, SQL"), not a title."""
    folded = [fold(w) for w in LETTERS.findall(line)]
    if " ".join(folded) in words.skill_phrases:
        return True
    return bool(folded) and all(w in words.skills and w not in words.plain for w in folded)


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
    candidate: Candidate, folded: tuple[str, ...], rules: RedactionRules, words: Vocabulary
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
    candidate: Candidate,
    folded: tuple[str, ...],
    rules: RedactionRules,
    words: Vocabulary,
    evidence: _Evidence,
) -> int | None:
    """How much evidence makes ``candidate`` the name; None when its shape rules it out."""
    if any(w in words.plain for w in folded) and not candidate.labelled:
        return None  # "Jane Doe Consulting", "Senior Engineer"
    if candidate.line in evidence.in_list and not candidate.labelled:
        return None  # "Computer Vision" / "Tinker Gadgets" / "Linear Algebra": a list's item
    if any(w in words.skills for w in candidate.acronyms) and not candidate.labelled:
        return None  # "OOP Relational", "AWS Lambda": a skill's acronym among other words
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
        or (whole and (near or candidate.line in evidence.running))
        or (whole and not all(w in words.every for w in folded)
            and candidate.line < rules.guess_lines)
    ):  # fmt: skip
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


def _corroborated(words: tuple[str, ...], clues: set[str]) -> bool:
    """True when an e-mail, link or file name has a word of the segment (or the words joined)."""
    joined = "".join(words)
    return any(joined in clue or (len(clue) >= 5 and clue in joined) for clue in clues) or any(
        len(w) >= 3 and any(w in clue for clue in clues) for w in words
    )
