"""A posting's sections and clauses.

Sections come from the headings in ``lexicons/posting.toml``: a line that is a heading, a short line
ending in a colon whose last words are one ("Data Engineer Responsibilities:"), or a heading
followed by a colon inside a line (postings pasted without line breaks: "...the team.Requirements:
5+ years ..."). The first line is the title when it is short and not a sentence.

Clauses are what requirement cues are read in: lines, sentences, and the pieces of run-together
text ("backgroundExperience with", "platform.Our") that pasting into one line leaves.
"""

from __future__ import annotations

import re
from functools import lru_cache

from resume_fit.posting.cues import PostingCues, normal_heading
from resume_fit.posting.job_posting import PostingSection

# A title is a short first line; a heading line is shorter still.
_TITLE_WORDS = 16
_HEADING_WORDS = 10
_CLAUSE_BREAK = re.compile(
    r"\n"
    r"|(?<=[.!?;•·▪])\s+"
    r"|(?<=[a-z0-9)\]][.!?:;])(?=[A-Z])"
    r"|\s[-–•]\s"
)
# Run-together bullets: an all-lower-case word of 4+ letters straight into a capitalised word
# ("backgroundExperience"), but not a product name's inner capital ("TensorFlow", "JavaScript").
_GLUED = re.compile(r"\b[a-z]{4,}(?=[A-Z][a-z])")


@lru_cache(maxsize=4)
def _inline_pattern(variants: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(
        re.escape(v).replace(r"\ ", r"\s+") for v in sorted(variants, key=len, reverse=True)
    )
    # A heading inside a line starts a sentence: after a line start, a sentence end or a glued
    # lower-case letter, and is followed by a colon.
    return re.compile(rf"(?:^|(?<=[.!?:;)\]]|\s)|(?<=[a-z]))(?P<h>{alternatives})\s*:", re.I | re.M)


def _line_heading(line: str, cues: PostingCues) -> str | None:
    stripped = line.strip()
    if not stripped or len(stripped.split()) > _HEADING_WORDS:
        return None
    key = normal_heading(stripped)
    if key in cues.headings:
        return cues.headings[key]
    if stripped.endswith(":"):
        # "Data Engineer, Product Analytics Responsibilities:" names the kind in its last words.
        words = key.split()
        for size in range(min(4, len(words)), 0, -1):
            tail = " ".join(words[-size:])
            if tail in cues.headings:
                return cues.headings[tail]
    return None


def _is_title(line: str) -> bool:
    stripped = line.strip()
    words = stripped.split()
    return 0 < len(words) <= _TITLE_WORDS and not stripped.endswith((".", ":"))


def find_sections(text: str, cues: PostingCues) -> tuple[PostingSection, ...]:
    """Split a posting into sections that cover the whole text, in order.

    Args:
        text: The posting's text.
        cues: Headings (``load_posting_cues()``).

    Returns:
        Sections; text before the first heading is ``"other"`` (or ``"title"`` for a title-like
        first line).
    """
    marks: list[tuple[int, str, str]] = []  # (offset, kind, heading)
    offset = 0
    first = True
    for line in text.split("\n"):
        if line.strip():
            kind = _line_heading(line, cues)
            if kind is not None:
                marks.append((offset, kind, line.strip()))
            elif first and _is_title(line):
                marks.append((offset, "title", ""))
                marks.append((offset + len(line), "other", ""))
            else:
                pattern = _inline_pattern(tuple(cues.headings))
                for match in pattern.finditer(line):
                    kind = cues.headings[normal_heading(match["h"])]
                    marks.append((offset + match.start("h"), kind, match["h"]))
            first = False
        offset += len(line) + 1
    # Several marks at one offset (a title line that is also the text's start): the last wins.
    at: dict[int, tuple[str, str]] = {0: ("other", "")}
    for start, kind, heading in marks:
        at[start] = (kind, heading)
    starts = sorted(s for s in at if s < len(text)) or [0]
    sections = [
        PostingSection(at[s][0], at[s][1], s, end)
        for s, end in zip(starts, [*starts[1:], len(text)], strict=True)
    ]
    return tuple(sections)


def find_clauses(text: str) -> tuple[tuple[int, int], ...]:
    """``(start, end)`` of every non-empty clause, in order, covering all words of the text."""
    breaks = [(m.start(), m.end()) for m in _CLAUSE_BREAK.finditer(text)]
    breaks += [(m.end(), m.end()) for m in _GLUED.finditer(text)]
    spans = []
    start = 0
    for begin, end in sorted(breaks):
        if begin < start:
            continue
        if text[start:begin].strip():
            spans.append((start, begin))
        start = end
    if text[start:].strip():
        spans.append((start, len(text)))
    return tuple(spans)
