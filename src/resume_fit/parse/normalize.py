"""Clean-up shared by every format: ligatures, bullets, glyph junk, hyphenated line breaks.

Extractors hand over lines in reading order; this module turns them into the text the rest of the
pipeline sees. It also counts what could not be read (unmapped ``(cid:NN)`` glyphs and U+FFFD),
which feeds the quality report.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Hashable, Sequence

# Typographic ligatures that fonts map to one code point; spaCy and the lexicon need the letters.
LIGATURES: dict[str, str] = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",
    "\ufb06": "st",
    "\ua733": "aa",
}

# Glyphs used as list markers; at the start of a line they all become "- ".
BULLET_CHARS = "•●▪■□◆◇◦○‣∙⋅·▸►▶➢➤✓✔❖*–—-"
_BULLET_RE = re.compile(rf"^[ \t]*[{re.escape(BULLET_CHARS)}]+[ \t]+")
# A bullet glued to the first word ("•Led a team") is still a bullet, but "-1" or "*args" are not.
_GLUED_BULLET_RE = re.compile(r"^[ \t]*[•●▪■◆◦‣▸►▶➢➤✓✔❖](?=\w)")
# A list marker inside a line, glued to the words around it ("random forest• Deployed",
# "AWS•Azure"): spaced, so the words do not take it in.
_INLINE_BULLET_RE = re.compile(r"[ \t]*([•●▪■◆◦‣▸►▶➢➤❖])[ \t]*")
# UTF-8 text read as Windows-1252 ("â€¢" for "•", "Ã©" for "é"), as text dumps of scraped
# resumes carry it; "â¢" is the bullet with its middle byte lost.
_MOJIBAKE_RE = re.compile(
    "[\u00c2\u00c3\u00e2][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_CID_RE = re.compile(r"\(cid:\d+\)")
_SPACES_RE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ZERO_WIDTH_RE = re.compile("[\u200b\u200c\u200d\u2060\ufeff]")
# Private-use code points are icon-font glyphs (phone, envelope, GitHub logo): not text.
_PRIVATE_USE_RE = re.compile("[\ue000-\uf8ff\U000f0000-\U000ffffd]")
_PLAIN_SYMBOLS = {"Po", "Pd", "Ps", "Pe", "Pi", "Pf", "Sm", "Sc"}  # punctuation, maths, currency
_LAST_WORD_RE = re.compile(r"[^\W\d_]+$")
_HYPHEN_END_RE = re.compile(r"(?<=[A-Za-zÀ-ÿ])[-\u00ad\u2010]$")


def count_unreadable(text: str) -> int:
    """Count glyphs the PDF font could not map to text: ``(cid:NN)`` tokens and U+FFFD marks."""
    return len(_CID_RE.findall(text)) + text.count("\ufffd")


def clean_line(line: str) -> str:
    """Normalise one extracted line.

    Repairs ligatures, drops glyph junk (``(cid:NN)``, icon code points, zero-width marks, U+FFFD),
    turns soft hyphens used as dashes into ``-``, collapses runs of spaces and rewrites a leading
    bullet glyph as ``"- "``.

    Args:
        line: One line of extracted text, without its newline.

    Returns:
        The cleaned line, stripped on the right (leading indentation is dropped too).
    """
    for ligature, letters in LIGATURES.items():
        if ligature in line:
            line = line.replace(ligature, letters)
    if _MOJIBAKE_RE.search(line):
        line = repair_mojibake(line)
    line = _CID_RE.sub(" ", line)
    line = _PRIVATE_USE_RE.sub(" ", line)
    line = _ZERO_WIDTH_RE.sub("", line).replace("\ufffd", " ")
    # Some fonts (LaTeX T1 encodings) emit U+00AD for every visible hyphen or dash.
    line = re.sub(r"\u00ad(?!$)", "-", line.rstrip())
    # A tab stop (a Word tab before right-aligned dates, a table row's cells) separates columns:
    # it stays one tab, so the header reader can split "Employer<tab>Title" where words cannot.
    line = _SPACES_RE.sub(lambda run: "\t" if "\t" in run[0] else " ", line).strip()
    if all(char in BULLET_CHARS or char == " " for char in line):
        return ""  # a rule or a row of rating dots
    line = _GLUED_BULLET_RE.sub("- ", line)
    if _BULLET_RE.match(line):
        line = "- " + _BULLET_RE.sub("", line, count=1)
    line = _INLINE_BULLET_RE.sub(lambda m: " " + m[1] + " ", line).strip()
    return unicodedata.normalize("NFC", line)


def repair_mojibake(line: str) -> str:
    """``line`` with UTF-8 text that was read as Windows-1252 decoded again ("Ã©" -> "é",
    "â€¢" -> "•"); "â¢", a bullet that lost its middle byte, becomes "•". A line that does not
    round-trip is kept as it is, but for those bullets."""
    line = line.replace("\u00e2\u00a2", "\u2022")
    try:
        return line.encode("cp1252").decode("utf-8")
    except UnicodeError:
        return line


def assemble(
    lines: list[str], styles: Sequence[Hashable] | None = None, *, reflow: bool = False
) -> tuple[str, dict[int, Hashable]]:
    """Clean lines, join hyphenated breaks and squeeze blank lines into single paragraph breaks.

    A hyphenated line break is joined when the next line starts in lowercase ("experi-" + "ence"),
    keeping the hyphen after the compound halves listed in ``sections.toml`` ("multi-account").

    Args:
        lines: Raw lines in reading order; ``""`` entries mark block or paragraph breaks.
        styles: Optional typographic style per line (font size, boldness...), same length as
            ``lines``; carried over to the offsets of the lines that survive.
        reflow: Join a visually wrapped line to the one before it when it starts in lowercase
            and has the same style ("... 99.97%" + "uptime"), so phrases broken by the wrap stay
            whole. Meant for PDF lines, where every line break is the layout's.

    Returns:
        The text (lines joined with ``"\\n"``, at most one blank line in a row, no blank edges) and
        a mapping from each non-blank line's start offset to its style (empty without ``styles``).
    """
    from resume_fit.parse.settings import load_settings

    keep_after = load_settings().keep_hyphen_after
    tags = styles if styles is not None else [None] * len(lines)
    kept: list[tuple[str, Hashable]] = []
    for raw, tag in zip(lines, tags, strict=True):
        line = clean_line(raw)
        if kept and line and line[0].islower() and _HYPHEN_END_RE.search(kept[-1][0]):
            previous = kept[-1][0]
            first_half = _LAST_WORD_RE.search(previous[:-1])
            if first_half is not None and first_half.group(0).lower() in keep_after:
                kept[-1] = (previous[:-1] + "-" + line, kept[-1][1])
            else:
                kept[-1] = (previous[:-1] + line, kept[-1][1])
        elif (
            reflow
            and kept
            and kept[-1][0]
            and line[:1].islower()
            and tag == kept[-1][1]
            and not kept[-1][0].endswith(":")
        ):
            kept[-1] = (kept[-1][0] + " " + line, kept[-1][1])
        elif line or (kept and kept[-1][0]):
            kept.append((line, tag))
    while kept and not kept[-1][0]:
        kept.pop()
    parts: list[str] = []
    offsets: dict[int, Hashable] = {}
    offset = 0
    for line, tag in kept:
        if line and tag is not None:
            offsets[offset] = tag
        parts.append(line)
        offset += len(line) + 1
    return "\n".join(parts), offsets


def garbage_ratio(text: str) -> float:
    """Share of non-space characters that are neither letters, digits nor common punctuation.

    Used to refuse text that decodes but is noise (a mis-mapped font, a binary blob).
    """
    # Counted per distinct character: a resume has thousands of characters but few distinct ones.
    visible = bad = 0
    for char, count in Counter(text).items():
        if char.isspace():
            continue
        visible += count
        category = unicodedata.category(char)
        if category[0] in "LN" or category in _PLAIN_SYMBOLS:
            continue
        bad += count
    return bad / visible if visible else 1.0
