"""A posting's sections and clauses.

Sections are found the way a resume's are (``resume_fit.parse.sections``): a line is a heading when
``classify_heading`` finds it, normalised, in the posting's heading lexicon (``posting.toml``), or,
ending in a colon or set in capitals, ending with one ("Data Engineer, Analytics
Responsibilities:"); ``sections_at`` turns the headings into spans. Two things only postings need
come on top: the first line is the title when it is short and not a sentence, and a heading with a
colon inside a line opens a section there (postings pasted without line breaks: "...the
team.Requirements: 5+ years ...").

Clauses are what requirement cues are read in: lines, sentences, and the pieces of run-together
text ("backgroundExperience with", "platform.Our") that pasting into one line leaves.
"""

from __future__ import annotations

import re
from functools import lru_cache

from resume_fit.parse.sections import classify_heading, normalise_heading, sections_at
from resume_fit.posting.cues import PostingCues
from resume_fit.posting.job_posting import PostingSection

# A title is a short first line.
_TITLE_WORDS = 16
# A posting's title line may hold a comma ("Data Engineer, Analytics Responsibilities:"); the
# other marks of a resume's entry line still tell an entry from a heading.
_ENTRY_MARKS = "|@"
_BULLETS = re.compile(r"^(?:[-–—•*·▪#>]+\s*)+")
_CLAUSE_BREAK = re.compile(
    r"\n"
    r"|(?<=[.!?;•·▪])\s+"
    # "platform.Our" but not "Ph.D" or "B.Sc": two lower-case letters (or digits) before the stop.
    r"|(?<=[a-z0-9)\]]{2}[.!?:;])(?=[A-Z])"
    r"|\s[-–•]\s"
)
# Run-together bullets: an all-lower-case word of 4+ letters straight into a capitalised word
# ("backgroundExperience"), but not a product name's inner capital ("TensorFlow", "JavaScript").
_GLUED = re.compile(r"\b[a-z]{4,}(?=[A-Z][a-z])")


@lru_cache(maxsize=4)
def _inline_pattern(keys: tuple[str, ...]) -> re.Pattern[str]:
    # Keys are normalised headings: any run of spaces or punctuation stands between their words
    # ("what you ll do" matches "What you'll do", "must have" matches "Must-have").
    alternatives = "|".join(
        r"[\W_]+".join(re.escape(word) for word in key.split())
        for key in sorted(keys, key=len, reverse=True)
    )
    # A heading inside a line starts a sentence: after a line start, a sentence end or a glued
    # lower-case letter, and is followed by a colon.
    return re.compile(rf"(?:^|(?<=[.!?:;)\]]|\s)|(?<=[a-z]))(?P<h>{alternatives})\s*:", re.I | re.M)


def _line_heading(line: str, cues: PostingCues) -> str | None:
    """The kind of section a whole line heads, None when it is no heading."""
    # Bullets and rules around a heading are decoration ("- What You Will Do ----"); a line in
    # parentheses ("(preferred),") qualifies the line before it.
    stripped = _BULLETS.sub("", line.strip())
    if not stripped or stripped.startswith("("):
        return None
    kind = classify_heading(stripped, cues.headings, cues.heading_limits, entry_marks=_ENTRY_MARKS)
    if kind is None or normalise_heading(stripped) in cues.headings:
        return kind
    # A heading that ends with a known one but starts with a nice-to-have one is nice to have:
    # the first words qualify the rest ("Nice to have skills and experience", "Bonus (but not
    # required):", "Desired Experience:").
    words = normalise_heading(stripped).split()
    for size in range(min(4, len(words) - 1), 0, -1):
        if cues.headings.get(" ".join(words[:size])) == "nice_to_have":
            return "nice_to_have"
    return kind


def _is_title(line: str) -> bool:
    stripped = line.strip()
    words = stripped.split()
    return 0 < len(words) <= _TITLE_WORDS and not stripped.endswith((".", ":"))


def find_sections(text: str, cues: PostingCues) -> tuple[PostingSection, ...]:
    """Split a posting into sections that cover the whole text, in order.

    Args:
        text: The posting's text.
        cues: Headings and their limits (``load_posting_cues()``).

    Returns:
        Sections; text before the first heading is ``"other"`` (or ``"title"`` for a title-like
        first line).
    """
    marks: dict[int, tuple[str, str]] = {}  # offset -> (heading as written, kind); the last wins
    offset = 0
    first = True
    for line in text.split("\n"):
        if line.strip():
            kind = _line_heading(line, cues)
            if kind is not None:
                marks[offset] = (line.strip(), kind)
            elif first and _is_title(line):
                marks[offset] = ("", "title")
                marks[offset + len(line)] = ("", "other")
            else:
                pattern = _inline_pattern(tuple(cues.headings))
                for match in pattern.finditer(line):
                    kind = cues.headings[normalise_heading(match["h"])]
                    marks[offset + match.start("h")] = (match["h"], kind)
            first = False
        offset += len(line) + 1
    headings = [(start, *marks[start]) for start in sorted(marks) if start < len(text)]
    return sections_at(text, headings, lead="other")


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
