"""Resumes flattened into one long line, as scraped resume datasets and form exports carry them.

"Skills * Python * Machine Learning Education Details January 2017 B.Tech ... Company Details
company - Acme description - * Built churn models* Deployed ..." keeps its headings and list
markers but lost its line breaks, so no heading stands on a line of its own and no section is
found: every skill then reads as listed, none as used. ``unfold`` puts the breaks back: before
each list marker, and around each heading the section table knows (two words or more written
with capitals, "Education Details", "Work Experience"; one word only before a marker or colon,
"Skills *"), in a line that is long and holds headings of two kinds, or one and list markers.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from resume_fit.parse.normalize import repair_mojibake

# A line this long with headings or markers inside it is a flattened resume, not a paragraph.
_MIN_LENGTH = 300
# List markers inside such a line ("* ", "• ", "â¢" before repair, or a "*" glued to the item
# before it, "XGBoost* Automated"): a new line starts there.
_MARKER_RE = re.compile(r"\s*(?:(?<=\s)\*|\*(?=\s+[A-Z])|[•●▪■◆➢➤►✓✔❖])\s*")
# A capitalised word ("Education", "SKILLS") or "&": what a heading is made of. One glued to the
# small letters before it starts a word too: "24 monthsCompany Details" lost a line break there.
_CAPITAL_WORD_RE = re.compile(r"(?:(?<![\w-])|(?<=[a-z]))(?:[A-Z][A-Za-z]*|&)(?![\w-])")
_WORD_RE = re.compile(r"[a-z]+")
_MAX_WORDS = 4
# What follows a one-word heading in a flattened resume: a marker or a colon.
_ONE_WORD_FOLLOWERS = frozenset({":", "*", "-", "•"})


def unfold(lines: list[str], headings: Mapping[str, str]) -> list[str]:
    """``lines`` with each flattened resume line broken back into lines (see the module).

    Args:
        lines: Decoded lines of a plain-text resume.
        headings: Normalised heading variant -> section kind (``ParseSettings.headings``).
    """
    out: list[str] = []
    for line in lines:
        if len(line) < _MIN_LENGTH:
            out.append(line)
            continue
        line = repair_mojibake(line) if "\u00e2" in line or "\u00c3" in line else line
        spans = _heading_spans(line, headings)
        markers = len(_MARKER_RE.findall(line))
        kinds = {headings[_key(line[start:end])] for start, end in spans}
        if len(kinds) + min(markers, 2) < 2:
            out.append(line)
            continue
        pieces: list[str] = []
        at = 0
        for start, end in spans:
            pieces += [line[at:start], "\n", line[start:end], "\n"]
            at = end
        pieces.append(line[at:])
        text = "".join(pieces)
        if markers >= 2:
            text = _MARKER_RE.sub("\n- ", text)
        out.extend(part.strip() for part in text.split("\n") if part.strip())
    return out


def _heading_spans(line: str, headings: Mapping[str, str]) -> list[tuple[int, int]]:
    """(start, end) of the headings inside ``line``: at each capitalised word, the longest run
    of up to four capitalised words from it that is a heading."""
    words = list(_CAPITAL_WORD_RE.finditer(line))
    spans: list[tuple[int, int]] = []
    i = 0
    while i < len(words):
        found = 0
        for size in range(min(_MAX_WORDS, len(words) - i), 0, -1):
            run = words[i : i + size]
            # The words of a heading follow one another, spaces between them only.
            if any(line[a.end() : b.start()].strip() for a, b in zip(run, run[1:], strict=False)):
                continue
            key = _key(line[run[0].start() : run[-1].end()])
            if key not in headings:
                continue
            rest = line[run[-1].end() :].lstrip()
            if size == 1 and rest[:1] not in _ONE_WORD_FOLLOWERS:
                continue  # one word is a heading only before a marker or a colon
            spans.append((run[0].start(), run[-1].end()))
            found = size
            break
        i += found or 1
    return spans


def _key(phrase: str) -> str:
    """A heading as ``ParseSettings.headings`` keys it: its words, lower case."""
    return " ".join(_WORD_RE.findall(phrase.lower()))
