"""Find a resume's sections from heading cues and expose them as spans over the text.

A line is a heading when it is short, stands alone (an inline label such as "Skills: Python" is
not a heading) and, once normalised, is a variant in the heading lexicon
(``lexicons/sections.toml``). Lines in capitals, lines ending in a colon and lines set in a
heading's typographic style may also end with a known heading ("Machine Learning Projects"). Where
the format carries typography (PDF font size and weight, DOCX paragraph styles), a short line set
in the same style as recognised headings is a heading too, of kind "other" when its words are
unknown ("Welcome to RenderCV").
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Hashable, Mapping
from itertools import islice

from resume_fit.parse.resume_text import Section

_DECORATION_RE = re.compile(r"[^\w\s]|_")
_SPACED_LETTERS_RE = re.compile(r"^(?:\w ){2,}\w$")
_WORD_RE = re.compile(r"[^\W\d_]+")
_ENTRY_MARK_RE = re.compile(r"\s[-–—]\s|[|@,]")
_YEAR_RE = re.compile(r"(?<!\d)(?:19[5-9]\d|20\d\d)(?!\d)")


def normalise_heading(line: str) -> str:
    """Reduce a heading line to its lexicon key.

    Lowercases, reads ``&`` and ``+`` as "and", drops decorative characters and a trailing colon,
    and undoes letter-spacing ("E X P E R I E N C E" -> "experience").

    Args:
        line: One line of text.

    Returns:
        The key, e.g. ``"work experience"`` for ``"== WORK EXPERIENCE: =="``.
    """
    text = line.lower().replace("&", " and ").replace("+", " and ")
    # "W O R K   E X P E R I E N C E": words are separated by wider gaps than letters.
    groups = [g.strip() for g in re.split(r"\s{2,}", _DECORATION_RE.sub(" ", text).strip())]
    groups = [g for g in groups if g]
    if len(groups) > 1 and all(_SPACED_LETTERS_RE.match(g) for g in groups):
        return " ".join(g.replace(" ", "") for g in groups)
    text = " ".join(_DECORATION_RE.sub(" ", text).split())
    if _SPACED_LETTERS_RE.match(text):
        text = text.replace(" ", "")
    return text


def detect_sections(text: str, styles: Mapping[int, Hashable] | None = None) -> tuple[Section, ...]:
    """Split ``text`` into sections at the heading lines.

    Args:
        text: The resume text, lines joined with ``"\\n"``.
        styles: Optional line start offset -> typographic style (from the PDF or DOCX reader).

    Returns:
        Non-overlapping sections in text order that cover the whole text. Text before the first
        heading is a ``"contact"`` section; text with no heading at all is one ``"other"`` section;
        empty text has no sections.
    """
    from resume_fit.parse.settings import load_settings

    if not text:
        return ()
    settings = load_settings()
    styles = styles or {}
    lines = _lines(text)
    # Lines without a style count too, so a document that only styles its headings has no
    # "body style" to reject lexicon matches with.
    style_uses = Counter(styles.get(start) for start, line in lines if line.strip())
    body_style = style_uses.most_common(1)[0][0] if style_uses else None
    headings: list[tuple[int, str, str]] = []
    style_hits: Counter[Hashable] = Counter()
    for start, line in lines:
        kind = classify_heading(line, settings.headings, settings.cues, settings.suffix_headings)
        if kind is None:
            continue
        style = styles.get(start)
        if style is not None and style == body_style and not _emphatic(line):
            continue  # a lexicon phrase set like body text ("Operating Systems" in coursework)
        headings.append((start, line.strip(), kind))
        if style is not None:
            style_hits[style] += 1
    heading_styles = {
        style
        for style, hits in style_hits.items()
        if style != body_style
        and hits >= settings.cues["style_min_hits"]
        and hits >= settings.cues["style_min_share"] * style_uses[style]
    }
    found = {start for start, _, _ in headings}
    first = min(found, default=len(text))
    for index, (start, line) in enumerate(lines):
        style = styles.get(start)
        if start in found or style not in heading_styles or start < first:
            continue  # before the first real heading is the contact block (a name, a tagline)
        kind = _styled_heading(line, settings.headings, settings.cues)
        if kind == "other" and (_ENTRY_MARK_RE.search(line) or _dated_next(lines, index)):
            # An employer or school set in the heading style ("Analyst – Fabrikam", or its dates
            # on the next line): the head of an entry, which stays inside its section.
            continue
        if kind is not None:
            headings.append((start, line.strip(), kind))
    headings.sort()
    return sections_at(text, headings)


def _dated_next(lines: list[tuple[int, str]], index: int) -> bool:
    """True when the first non-blank line after ``lines[index]`` holds a year."""
    following = (line for _, line in islice(lines, index + 1, None) if line.strip())
    return bool(_YEAR_RE.search(next(following, "")))


def classify_heading(
    line: str,
    lexicon: Mapping[str, str],
    cues: Mapping[str, float],
    suffixes: Mapping[str, str] | None = None,
    entry_marks: str = "|,@–—",
) -> str | None:
    """Return the section kind a line announces, or None when it is not a heading.

    Args:
        line: One line of text.
        lexicon: Normalised heading variant -> kind (from ``sections.toml``).
        cues: Heading cue limits (``max_words``, ``max_chars``).
        suffixes: Variants a line in capitals (or ending with a colon) may end with; defaults to
            ``lexicon``.
        entry_marks: Characters that make such a line the head of an entry ("ACME | Research")
            rather than a heading ending with a known one; a job posting's "Data Engineer,
            Analytics Responsibilities:" is a heading, so the posting stage passes fewer.
    """
    stripped = _undecorated(line.strip())
    if not _is_candidate(stripped, cues):
        return None
    if stripped[:1].islower() and stripped.endswith((".", ",", ";")):
        return None  # the wrapped end of a sentence ("... led student teams in⏎hackathons.")
    key = normalise_heading(stripped)
    if key in lexicon:
        return lexicon[key]
    bare = normalise_heading(_TRAILING_NOTE_RE.sub("", stripped))
    if bare != key and bare in lexicon:
        return lexicon[bare]  # "Experience (5 years)", "Work Experience (selected)"
    if _emphatic(stripped):
        return _suffix_kind(stripped, key, lexicon if suffixes is None else suffixes, entry_marks)
    return None


# A section number before a heading ("01. Experience", "2) Education", "IV. Skills").
_NUMBERED_RE = re.compile(r"^(?:\d{1,2}|[IVX]{1,4})[.)]?\s+(?=[^\W\d_])")
# A bullet glyph set before a heading in capitals ("■ WORK EXPERIENCE", "— EXPERIENCE —"): the
# parse stage wrote it as a list item ("- WORK EXPERIENCE —").
_BULLETED_CAPITALS_RE = re.compile(r"^-\s+(?=[^a-z]*[A-Z][^a-z]*$)")
# A note in brackets after a heading ("Experience (5 years)").
_TRAILING_NOTE_RE = re.compile(r"\s*\([^()]*\)\s*$")


def _undecorated(line: str) -> str:
    """``line`` without a section number or a bullet before a heading in capitals; a bulleted
    line in lower case stays a list item ("- Leadership" in a list of strengths)."""
    return _BULLETED_CAPITALS_RE.sub("", _NUMBERED_RE.sub("", line))


def _emphatic(line: str) -> bool:
    """True for lines in capitals or ending with a colon, the plain-text heading cues."""
    stripped = line.strip()
    return (len(stripped) > 3 and stripped.upper() == stripped) or stripped.endswith(":")


def _styled_heading(line: str, lexicon: Mapping[str, str], cues: Mapping[str, float]) -> str | None:
    stripped = line.strip()
    if not _is_candidate(stripped, cues) or any(char.isdigit() for char in stripped):
        return None
    if len(stripped.split()) > cues["style_max_words"] or not stripped[:1].isupper():
        return None
    if stripped.endswith((".", ",", ";")):
        return None
    return _suffix_kind(stripped, normalise_heading(stripped), lexicon) or "other"


def _suffix_kind(
    line: str, key: str, lexicon: Mapping[str, str], entry_marks: str = "|,@–—"
) -> str | None:
    if any(char.isdigit() or char in entry_marks for char in line) or " - " in line:
        return None  # "ACME | RESEARCH 2019", "Analyst – Fabrikam Technologies": entry lines
    words = key.split()
    for size in (3, 2, 1):
        if len(words) > size and " ".join(words[-size:]) in lexicon:
            return lexicon[" ".join(words[-size:])]
    return None


def _is_candidate(stripped: str, cues: Mapping[str, float]) -> bool:
    if not stripped or len(stripped) > cues["max_chars"] or stripped.startswith("- "):
        return False
    head, colon, rest = stripped.partition(":")
    if colon and rest.strip().strip(":").strip():
        return False  # "Skills: Python, SQL" is an inline label, not a heading
    if len(normalise_heading(head).split()) > cues["max_words"]:
        return False
    return bool(_WORD_RE.search(head))


def _lines(text: str) -> list[tuple[int, str]]:
    out: list[tuple[int, str]] = []
    offset = 0
    for line in text.split("\n"):
        out.append((offset, line))
        offset += len(line) + 1
    return out


def sections_at(
    text: str, headings: list[tuple[int, str, str]], lead: str = "contact"
) -> tuple[Section, ...]:
    """The sections that ``headings`` open, covering the whole text.

    Args:
        text: The text the offsets point into.
        headings: ``(start, heading as written, kind)``, sorted by start, one per start.
        lead: Kind of the text before the first heading (a resume's contact block).

    Returns:
        One section per heading, running to the next one, after a ``lead`` section when the
        first heading is not at the start; one ``"other"`` section when there is no heading.
    """
    if not headings:
        return (Section("other", "", 0, len(text)),)
    sections: list[Section] = []
    if headings[0][0] > 0:
        sections.append(Section(lead, "", 0, headings[0][0]))
    for index, (start, heading, kind) in enumerate(headings):
        end = headings[index + 1][0] if index + 1 < len(headings) else len(text)
        sections.append(Section(kind, heading, start, end))
    return tuple(sections)
