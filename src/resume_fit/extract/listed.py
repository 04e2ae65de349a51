"""The items of a resume's skills lists that no lexicon skill covers ("other skills listed").

A person who writes "Skills: Python, Dataroma, vector storage" claims three skills; the lexicon
knows Python only. The other two are reported by name, with their evidence, apart from the
skills: they never score (the catalogue cannot weigh a name it does not know) and never enter
role fit, but the reader sees that the tool read them instead of silently dropping them.

An item is a piece of a line in a section of kind ``"skills"`` (or a "Languages" section that
extraction read as one: it holds technical names), the heading line excluded, cut at
list separators (``,`` ``;`` ``|`` bullets, tabs, runs of spaces, a spaced dash or slash, a slash
between two words of three letters or more: "React/Redux" but not "CI/CD" or "TCP/IP", and "and"
or "&" on a line that holds a comma), after a leading bullet and a list label ("Data Platforms:")
are taken off; a parenthesis that holds a list is read as items ("Python (pandas, Dask)"), any
other is cut ("French (native)"). It is kept when it is shaped like a name and is none of what a
skills list also holds (``lexicons/listed.toml``):

- no lexicon skill's evidence overlaps it (those are skills already);
- at most ``max_words`` words and ``max_chars`` characters, with letters, no year, link or e-mail;
- not the words of the document's first line (the person's name), nor holding a word of the
  document itself ("CV", "Page", "Portfolio": a footer);
- not a heading variant, nor a group label: alone on its line ("Programming Languages"), or
  ordinary words ending in a group noun anywhere ("SQL/Query Languages");
- not a spoken language, a proficiency level, a person noun ("Team Player"), a quality of
  character ("Hard-working") or a sentence's tail (it starts with a function word);
- a single word must be no ordinary English word (the fuzzy matcher's word list) unless it is
  written as a product name (an inner capital or a digit: "OpenCode", "Neo4j");
- a line holding one item only, all of ordinary words, is a fragment of a layout (a skill chart,
  two columns read across) unless the section lists one item a line throughout.

Deterministic: items in text order, one per folded name, with every place it is written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from resume_fit.config import lexicon_files, read_tables
from resume_fit.errors import DataFileError
from resume_fit.extract.mention import Evidence, SkillMention
from resume_fit.extract.settings import load_settings, read_word_list
from resume_fit.parse.resume_text import ResumeText, Section
from resume_fit.parse.sections import normalise_heading
from resume_fit.parse.settings import load_settings as load_parse_settings

METHOD = "listed"
# The confidence of a listed item's evidence: the words are the person's, the reading is not
# the lexicon's.
CONFIDENCE = 0.5
_ORIGIN = "lexicons/listed.toml"
_MARKS = r"[,;|•·▪●◦‣∙■►➢✓]|\t|\s{2,}|\s[/–—-]\s"
_SEPARATOR = re.compile(rf"\s*(?:{_MARKS})\s*")
# Between items, a slash joining two words of three letters or more separates too
# ("React/Redux"); it does not make a line a list for ``_one_item_a_line``.
_ITEM_SEPARATOR = re.compile(rf"\s*(?:{_MARKS}|(?<=[^\W\d_]{{3}})/(?=[^\W\d_]{{3}}))\s*")
# The last item of a list joined by "and" or "&" ("Python, Docker and Kafka"), on a line that
# already holds a comma.
_LAST_AND = re.compile(r"\s+(?:and|&)\s+")
# A bracket holding a list of its own ("Python (pandas, NumPy)"): its items are items too.
_SUBLIST = re.compile(r"\(([^()]*[,;|/][^()]*)\)")
_BULLET = re.compile(r"^\s*(?:[-*+>•·▪●◦‣∙■►➢✓]|\d{1,2}[.)])\s+")
_LABEL = re.compile(r"([^:,;|]{1,40}):\s*")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_CONTACT = re.compile(r"@|https?:|www\.|\.com\b", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_][\w'’+#.-]*|\d[\w.+#-]*", re.UNICODE)
_PRODUCT_SHAPE = re.compile(r"\w[a-z]+[A-Z0-9]|\d")


@dataclass(frozen=True)
class ListedItem:
    """An item of a skills list that no lexicon skill covers.

    Attributes:
        text: The item as first written (spaces collapsed). It is the document's words, not a
            lexicon name, so redaction masks it like any other text of the document.
        evidence: Every place it is written, in text order (method ``"listed"``).
    """

    text: str
    evidence: tuple[Evidence, ...]


@dataclass(frozen=True)
class ListedRules:
    """The shape limits and word lists of ``lexicons/listed.toml``, lower-cased."""

    max_words: int
    max_chars: int
    min_letters: int
    group_labels: frozenset[str]
    levels: frozenset[str]
    person_nouns: frozenset[str]
    document_words: frozenset[str]
    qualities: frozenset[str]
    function_words: frozenset[str]
    spoken_languages: frozenset[str]


@lru_cache(maxsize=1)
def load_listed_rules() -> ListedRules:
    """Read the shipped ``lexicons/listed.toml``."""
    return parse_listed_rules((lexicon_files() / "listed.toml").read_text(encoding="utf-8"))


def parse_listed_rules(text: str, origin: str = _ORIGIN) -> ListedRules:
    """The rules in a ``listed.toml`` text.

    Raises:
        DataFileError: The text is not TOML, a table is missing or a limit is not a number.
    """
    data = read_tables(text, origin, ("shape", "words"))
    shape, words = data["shape"], data["words"]

    def word_set(key: str) -> frozenset[str]:
        return frozenset(str(w).casefold() for w in words.get(key, []))

    try:
        limits = [int(shape[key]) for key in ("max_words", "max_chars", "min_letters")]
    except (KeyError, TypeError, ValueError) as error:
        raise DataFileError(origin, f"[shape] needs whole-number limits ({error})") from error
    return ListedRules(
        max_words=limits[0],
        max_chars=limits[1],
        min_letters=limits[2],
        group_labels=word_set("group_labels"),
        levels=word_set("levels"),
        person_nouns=word_set("person_nouns"),
        qualities=word_set("qualities"),
        document_words=word_set("document_words"),
        function_words=word_set("function_words"),
        spoken_languages=word_set("spoken_languages"),
    )


@lru_cache(maxsize=1)
def _ordinary_words() -> frozenset[str]:
    return read_word_list(load_settings().known_words)


@lru_cache(maxsize=1)
def _heading_variants() -> frozenset[str]:
    return frozenset(load_parse_settings().headings)


def find_listed(resume: ResumeText, skills: tuple[SkillMention, ...]) -> tuple[ListedItem, ...]:
    """The items of the resume's skills lists that none of ``skills`` covers.

    Args:
        resume: The parsed resume (its sections say where the skills lists are).
        skills: The lexicon skills found in it; an item any of their evidence overlaps is left out.

    Returns:
        One ``ListedItem`` per folded name, in the order first written; empty when the resume has
        no skills section.
    """
    rules = load_listed_rules()
    header = _header_words(resume.text)
    covered = sorted((e.start, e.end) for skill in skills for e in skill.evidence)
    found: dict[str, tuple[str, list[Evidence]]] = {}
    for section in resume.sections:
        if section.kind != "skills" and not _read_as_skills(section, skills):
            continue
        lines = list(_body_lines(resume.text, section))
        one_a_line = _one_item_a_line(lines)
        for offset, line in lines:
            pieces = list(_pieces(line))
            for start, end in pieces:
                text = line[start:end]
                if not _keeps(text, len(pieces) == 1, one_a_line, rules, header):
                    continue
                start, end = offset + start, offset + end
                if _overlaps(covered, start, end):
                    continue
                name = " ".join(text.split())
                places = found.setdefault(_fold(name), (name, []))[1]
                places.append(
                    Evidence("skills", resume.text[start:end], start, end, METHOD, CONFIDENCE)
                )
    return tuple(ListedItem(text, tuple(places)) for text, places in found.values())


def _read_as_skills(section: Section, skills: tuple[SkillMention, ...]) -> bool:
    """True for a "Languages" section that extraction read as a skills list (it holds
    technical names: "Languages" labelling a row of a skills table, "Languages: Python, Go")."""
    if section.kind != "languages":
        return False
    # Spoken languages are no lexicon skill: two skills there make it a list of technical ones,
    # as for the ambiguity policy (extract.ambiguity_layout.promote_language_sections).
    inside = {
        skill.id
        for skill in skills
        for e in skill.evidence
        if section.start <= e.start < section.end
    }
    return len(inside) >= 2


def _body_lines(text: str, section: Section) -> Iterator[tuple[int, str]]:
    """(offset, line) of each non-blank line of a section after its heading line."""
    start = section.start
    if section.heading:
        line_end = text.find("\n", section.start, section.end)
        start = section.end if line_end < 0 else line_end + 1
    at = start
    for line in text[start : section.end].split("\n"):
        if line.strip():
            yield at, line
        at += len(line) + 1


def _one_item_a_line(lines: list[tuple[int, str]]) -> bool:
    """True when no line of the section holds a list separator: a list of one item a line."""
    for _, line in lines:
        stripped = line.strip()
        label = _LABEL.match(stripped)
        if _SEPARATOR.search(stripped, label.end() if label else 0):
            return False
    return True


def _pieces(line: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each item of a line, bullet, label and parenthesis taken off."""
    at = 0
    bullet = _BULLET.match(line)
    if bullet:
        at = bullet.end()
    label = _LABEL.match(line, at)
    if label and len(label.group(1).split()) <= 4:
        at = label.end()
    # A bracketed list is read as items: its brackets become separators of the same length, so
    # offsets are kept.
    line = _SUBLIST.sub(lambda m: "," + m.group(1) + ",", line)
    separators = list(_ITEM_SEPARATOR.finditer(line, at))
    listed = _a_list(line, at, separators)
    if listed:
        separators = sorted([*separators, *_LAST_AND.finditer(line, at)], key=lambda m: m.start())
    for separator in separators:
        if separator.start() < at:
            continue
        yield from _trimmed(line, _after_and(line, at, listed), separator.start())
        at = separator.end()
    yield from _trimmed(line, _after_and(line, at, listed), len(line))


def _after_and(line: str, at: int, listed: bool) -> int:
    """Past an "and " that starts an item of a list ("Python, Docker, and Kafka")."""
    return at + 4 if listed and line[at : at + 4].casefold() == "and " else at


def _a_list(line: str, at: int, separators: list[re.Match[str]]) -> bool:
    """True when the line from ``at`` is a comma list of short items, not prose (no closing
    full stop): its last item may then be joined by "and" ("Python, Docker and Kafka")."""
    if line.rstrip().endswith(".") or not any(m.group().strip() == "," for m in separators):
        return False
    bounds = [at, *(b for m in separators for b in (m.start(), m.end())), len(line)]
    pieces = (line[a:b] for a, b in zip(bounds[::2], bounds[1::2], strict=True))
    return all(len(piece.split()) <= load_listed_rules().max_words for piece in pieces)


def _trimmed(line: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """The piece without a parenthesis and its tail, or surrounding spaces and marks."""
    cut = line.find("(", start, end)
    if cut >= 0:
        end = cut
    while start < end and not line[start].isalnum():
        start += 1
    while end > start and not (line[end - 1].isalnum() or line[end - 1] in "+#"):
        end -= 1
    if start < end:
        yield start, end


def _header_words(text: str) -> frozenset[str]:
    """The folded words of the document's first non-blank line (where the person's name is)."""
    first = next((line for line in text.split("\n") if line.strip()), "")
    return frozenset(w.casefold() for w in _WORD.findall(first))


def _keeps(
    text: str, alone: bool, one_a_line: bool, rules: ListedRules, header: frozenset[str]
) -> bool:
    """True when a piece of a skills list is shaped like a skill's name (module docstring)."""
    words = _WORD.findall(text)
    folded = [w.casefold().strip(".") for w in words]
    if not words or set(folded) <= header or set(folded) & rules.document_words:
        return False
    if not words or len(words) > rules.max_words or len(text) > rules.max_chars:
        return False
    if sum(c.isalpha() for c in text) < rules.min_letters or _YEAR.search(text):
        return False
    if _CONTACT.search(text) or text.rstrip().endswith(":"):
        return False
    key = normalise_heading(text).split()
    # A heading, or a heading of two words or more run into the next line's item ("Personal
    # Interests Swimming"): the layout put a heading in the list.
    headings = _heading_variants()
    if " ".join(key) in headings or any(" ".join(key[:n]) in headings for n in (2, 3)):
        return False
    ordinary = _ordinary_words()
    plain = all(w in ordinary for w in folded)
    # "Programming Languages" alone on its line, or any item of ordinary words ending in a group
    # noun ("SQL/Query Languages"), labels a group.
    if folded[-1] in rules.group_labels and (alone or plain):
        return False
    if folded[0] in rules.function_words or folded[0] in rules.qualities:
        return False
    if folded[-1] in rules.person_nouns:
        return False
    if all(w in rules.levels or w in rules.spoken_languages for w in folded):
        return False
    if len(words) == 1 and plain and not _PRODUCT_SHAPE.search(words[0]):
        return False
    return not (alone and plain and not one_a_line)


def _overlaps(spans: list[tuple[int, int]], start: int, end: int) -> bool:
    return any(a < end and start < b for a, b in spans)


def _fold(name: str) -> str:
    return re.sub(r"[\s\-_.]+", "", name.casefold())
