"""Is this text a job posting or a resume, and which parts of a posting say what?

A posting speaks to an applicant ("we are looking for", "you will", "what you'll bring",
"benefits", "apply"); a resume speaks about its author. ``is_posting`` counts those cue phrases
(data in ``lexicons/posting.toml``: strong ones such as "you will" weigh 1, words a resume may also
use such as "responsibilities" weigh less) and calls the text a posting when the sum reaches the
threshold. For a posting it also reads the title (the first title-like line) and the blocks under
its headings: *required* and *duties* (what the job asks for), *preferred* ("nice to have", and a
requirement line saying "is a plus"), and *boilerplate* (about the company, benefits, and any
equal-opportunity line), so the match stage can count a skill by where the posting names it.

This module depends on nothing but the text and its data file. The posting stage
(``resume_fit.posting``) reads the same ``[blocks]`` heading lists for its sections.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from resume_fit.config import lexicon_files, read_tables
from resume_fit.errors import DataFileError

_ORIGIN = "lexicons/posting.toml"
BLOCK_KINDS: tuple[str, ...] = ("required", "duties", "preferred", "boilerplate")
# The [blocks] heading lists of each kind: benefits headings are company text too (the posting
# stage, which reads the same lists, tells "about" from "benefits").
BLOCK_LISTS: dict[str, tuple[str, ...]] = {
    "required": ("required",),
    "duties": ("duties",),
    "preferred": ("preferred",),
    "boilerplate": ("boilerplate", "benefits"),
}
_TITLE_LINES = 4
_TITLE_WORDS = 14


@dataclass(frozen=True)
class PostingBlock:
    """A part of a posting under one heading (or one boilerplate line).

    Attributes:
        kind: One of ``BLOCK_KINDS``.
        heading: The heading line as written ("" for a boilerplate line without a heading).
        start: Offset of the block's first character in the text.
        end: Offset one past its last character.
    """

    kind: str
    heading: str
    start: int
    end: int


@dataclass(frozen=True)
class PostingSignal:
    """Whether a text reads as a job posting, and why.

    Attributes:
        is_posting: True when the cue weight reaches the threshold.
        cues: The distinct cue phrases found, in the order of the data file's lists.
        weight: Their summed weight.
        threshold: The weight a posting needs.
        title: The posting's title (first short line near the top), "" when not a posting.
        blocks: The posting's blocks in text order (empty when not a posting).
    """

    is_posting: bool
    cues: tuple[str, ...] = ()
    weight: float = 0.0
    threshold: float = 0.0
    title: str = ""
    blocks: tuple[PostingBlock, ...] = ()

    def block_at(self, offset: int) -> str:
        """The kind of block holding ``offset``, or "" outside every block."""
        kinds = {b.kind for b in self.blocks if b.start <= offset < b.end}
        # A line-level mark beats its heading: an equal-opportunity line or "X is a plus" inside
        # a requirements block is boilerplate or preferred.
        for kind in ("boilerplate", "preferred", "required", "duties"):
            if kind in kinds:
                return kind
        return ""

    def describe(self) -> str:
        """One line for a report: the verdict and the cues behind it."""
        verdict = "job posting" if self.is_posting else "resume"
        shown = ", ".join(repr(c) for c in self.cues[:6]) + (" ..." if len(self.cues) > 6 else "")
        return (
            f"read as a {verdict}: posting cues weigh {self.weight:g} "
            f"(threshold {self.threshold:g})" + (f": {shown}" if shown else "")
        )


NOT_A_POSTING = PostingSignal(False)


@lru_cache(maxsize=1)
def load_posting_cues() -> dict[str, Any]:
    """The shipped cue tables, read and checked once per process."""
    return parse_posting_cues((lexicon_files() / "posting.toml").read_text(encoding="utf-8"))


def parse_posting_cues(data: str, origin: str = _ORIGIN) -> dict[str, Any]:
    """Parse and check a posting cue file.

    Raises:
        DataFileError: Not TOML, or a table or list is missing.
    """
    document = read_tables(data, origin, ("detect", "blocks"))
    for table, keys in (
        ("detect", ("threshold", "strong", "weak", "strong_weight", "weak_weight", "headings")),
        ("blocks", ("max_heading_words", "boilerplate_lines", *BLOCK_KINDS, "benefits")),
    ):
        for key in keys:
            if key not in document[table]:
                raise DataFileError(origin, f"[{table}] needs {key!r}")
    return document


def _normal(text: str) -> str:
    text = text.lower().replace("\u2019", "'").replace("\u2018", "'")
    return " " + re.sub(r"[^a-z0-9']+", " ", text).strip() + " "


def _cues_found(normal: str, phrases: list[str]) -> list[str]:
    return [p for p in phrases if _normal(p) in normal]


def is_posting(text: str) -> PostingSignal:
    """Read ``text`` as a posting or a resume.

    Args:
        text: The whole document text.

    Returns:
        The signal; for a posting also its title and blocks.
    """
    cues = load_posting_cues()
    detect = cues["detect"]
    normal = _normal(text)
    strong = _cues_found(normal, detect["strong"])
    weak = [c for c in _cues_found(normal, detect["weak"]) if c not in strong]
    headings = _headings_found(text, detect["headings"], cues["blocks"]["max_heading_words"])
    weight = round(
        len(strong) * detect["strong_weight"]
        + len(weak) * detect["weak_weight"]
        + len(headings) * detect["heading_weight"],
        2,
    )
    found = tuple(strong + weak + [f"heading: {h}" for h in headings])
    threshold = float(detect["threshold"])
    if weight < threshold:
        return PostingSignal(False, found, weight, threshold)
    return PostingSignal(
        True, found, weight, threshold, _title(text), _blocks(text, cues["blocks"])
    )


def _headings_found(text: str, phrases: list[str], max_words: int) -> list[str]:
    lines = [_normal(_strip_marks(line)) for line in text.split("\n")]
    lines = [line for line in lines if 0 < len(line.split()) <= max_words]
    return [p for p in phrases if any(line.startswith(_normal(p)) for line in lines)]


def _strip_marks(line: str) -> str:
    return re.sub(r"^[#*_\-\s•]+|[*_\s]+$", "", line)


def _title(text: str) -> str:
    for line in [line for line in text.split("\n") if line.strip()][:_TITLE_LINES]:
        cleaned = re.sub(r"^[#*_\s]+|[*_:]+$", "", line).strip()
        cleaned = re.sub(r"^(?:job\s+)?title\s*[:\-]\s*", "", cleaned, flags=re.IGNORECASE)
        words = cleaned.split()
        if 0 < len(words) <= _TITLE_WORDS and not cleaned.endswith("."):
            return cleaned
    return ""


def _heading_kind(line: str, blocks: dict[str, Any]) -> str:
    words = line.split()
    if len(words) > blocks["max_heading_words"]:
        # "Requirements: 3+ years of Python ..." opens a block on a line of its own words.
        lead = re.match(r"\s*([^:.;!?]{2,60}):", line)
        return _heading_kind(lead.group(1), blocks) if lead else ""
    if not words:
        return ""
    normal = _normal(line)
    best, best_len = "", 0
    for kind in BLOCK_KINDS:
        for phrase in (p for name in BLOCK_LISTS[kind] for p in blocks.get(name, ())):
            key = _normal(phrase)
            # The heading starts with the phrase ("Requirements:", "Nice to have (bonus)").
            if normal.startswith(key) and len(key) > best_len:
                best, best_len = kind, len(key)
    return best


def _blocks(text: str, blocks: dict[str, Any]) -> tuple[PostingBlock, ...]:
    found: list[PostingBlock] = []
    open_kind, open_heading, open_start = "", "", 0
    offset = 0
    line_marks = [_normal(p) for p in blocks["boilerplate_lines"]]
    preferred_marks = [_normal(p) for p in blocks.get("preferred_lines", [])]
    longest = blocks.get("boilerplate_max_chars", 0)
    for line in text.split("\n"):
        start, end = offset, offset + len(line)
        offset = end + 1
        stripped = _strip_marks(line)
        kind = _heading_kind(stripped, blocks)
        if not kind and open_kind == "boilerplate" and longest and start - open_start > longest:
            # A company block seldom runs long; past that, a missed heading is likelier.
            found.append(PostingBlock(open_kind, open_heading, open_start, start))
            open_kind = ""
        if kind:
            if open_kind:
                found.append(PostingBlock(open_kind, open_heading, open_start, start))
            open_kind, open_heading, open_start = kind, stripped.strip()[:80], start
            continue
        normal = _normal(line)
        if any(mark in normal for mark in line_marks):
            found.append(PostingBlock("boilerplate", "", start, end))
        elif open_kind in ("required", "duties") and any(m in normal for m in preferred_marks):
            found.append(PostingBlock("preferred", "", start, end))
    if open_kind:
        found.append(PostingBlock(open_kind, open_heading, open_start, len(text)))
    return tuple(sorted(found, key=lambda b: (b.start, b.end)))
