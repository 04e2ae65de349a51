"""The posting stage's data, from ``lexicons/posting.toml``: headings, cue words, score weights.

Section headings are the ``[blocks]`` lists that ``resume_fit.profile.document_kind`` reads too (one
set of heading phrases for both), mapped to section kinds by ``BLOCK_SECTIONS``, plus the
``[headings]`` variants only this stage uses, less ``[headings].not_sections``.

Read once per process and checked lightly: a missing table raises ``DataFileError`` naming the file
and the table.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from resume_fit.config import lexicon_files, require_tables
from resume_fit.errors import DataFileError
from resume_fit.parse.sections import normalise_heading
from resume_fit.posting.job_posting import POSTING_SECTION_KINDS
from resume_fit.profile.document_kind import parse_posting_cues as parse_document_cues
from resume_fit.profile.education import EDUCATION_LEVELS

_ORIGIN = "lexicons/posting.toml"
_TABLES = ("headings", "heading_limits", "cues", "degree", "unrecognised", "scoring")
# A [blocks] list (document_kind's block kinds, "benefits" split from "boilerplate") -> the section
# kind its headings open here.
BLOCK_SECTIONS: dict[str, str] = {
    "required": "requirements",
    "duties": "responsibilities",
    "preferred": "nice_to_have",
    "boilerplate": "about",
    "benefits": "benefits",
}
_NOT_SECTIONS = "not_sections"


@dataclass(frozen=True)
class PostingCues:
    """The parsed ``posting.toml``.

    Attributes:
        headings: Heading normalised as a resume's (``parse.sections.normalise_heading``) ->
            section kind.
        heading_limits: Longest heading line: ``max_words`` and ``max_chars``.
        preferred: Pattern matching any preferred cue as whole words.
        required: Pattern matching any required cue.
        hard_required: Pattern matching a cue that keeps an item required in a nice-to-have list.
        either: Words that join two skills into a "one of" group.
        examples: Pattern for the words that introduce examples of a skill ("such as", "e.g.").
        bare_degree: Pattern for a degree asked without a level ("a degree in ...").
        bare_degree_level: The level such a degree is.
        equivalent: Pattern for the words that let experience stand in for a degree.
        unrecognised_min_words: Shortest unrecognised requirement line kept, in words.
        unrecognised_max_chars: Longer lines are cut to this many characters.
        ignore: Pattern for lines that are not requirements (pay, place, how to apply).
        scoring: The ``[scoring]`` table as read.
        version: Content hash of the file, for caches.
    """

    headings: dict[str, str]
    heading_limits: dict[str, float]
    preferred: re.Pattern[str]
    required: re.Pattern[str]
    hard_required: re.Pattern[str]
    either: frozenset[str]
    examples: re.Pattern[str]
    bare_degree: re.Pattern[str]
    bare_degree_level: str
    equivalent: re.Pattern[str]
    unrecognised_min_words: int
    unrecognised_max_chars: int
    ignore: re.Pattern[str]
    scoring: dict[str, Any]
    version: str


def _words(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<![\w]){'(?:' + alternatives + ')'}(?![\w])", re.IGNORECASE)


def _level(level: str, origin: str) -> str:
    if level not in EDUCATION_LEVELS:
        raise DataFileError(
            origin, f"[degree] bare_level: {level!r} is not one of {EDUCATION_LEVELS}"
        )
    return level


def parse_posting_cues(data: str, origin: str = _ORIGIN) -> PostingCues:
    """Parse and check a posting cue file.

    The [detect] and [blocks] tables are checked by ``resume_fit.profile.document_kind``, the
    file's other reader, so both read one file one way.

    Raises:
        DataFileError: Not TOML, a missing table or list, or a heading kind that is not a
            section kind.
    """
    # The file's first reader checks its own tables ([detect], [blocks]); these are the rest.
    document = parse_document_cues(data, origin)
    require_tables(document, origin, _TABLES)
    headings: dict[str, str] = {}
    for name, kind in BLOCK_SECTIONS.items():
        for variant in document["blocks"].get(name, ()):
            headings.setdefault(normalise_heading(variant), kind)
    for kind, variants in document["headings"].items():
        if kind == _NOT_SECTIONS:
            continue
        if kind not in POSTING_SECTION_KINDS:
            raise DataFileError(origin, f"[headings]: unknown section kind {kind!r}")
        for variant in variants:
            headings.setdefault(normalise_heading(variant), kind)
    for variant in document["headings"].get(_NOT_SECTIONS, ()):
        headings.pop(normalise_heading(variant), None)
    cues = document["cues"]
    unrecognised = document["unrecognised"]
    return PostingCues(
        headings=headings,
        heading_limits={
            k: float(document["heading_limits"][k]) for k in ("max_words", "max_chars")
        },
        preferred=_words(cues["preferred"]),
        required=_words(cues["required"]),
        hard_required=_words(cues["hard_required"]),
        either=frozenset(cues["either"]),
        examples=re.compile(
            "|".join(re.escape(w) for w in sorted(cues.get("examples", []), key=len, reverse=True))
            or "(?!)",  # no example words: never matches
            re.IGNORECASE,
        ),
        bare_degree=_words(document["degree"]["bare"]),
        bare_degree_level=_level(document["degree"]["bare_level"], origin),
        equivalent=_words(document["degree"]["equivalent"]),
        unrecognised_min_words=int(unrecognised["min_words"]),
        unrecognised_max_chars=int(unrecognised["max_chars"]),
        ignore=_words(unrecognised["ignore"]),
        scoring=document["scoring"],
        version=hashlib.sha256(data.encode()).hexdigest()[:16],
    )


@lru_cache(maxsize=1)
def load_posting_cues() -> PostingCues:
    """The shipped ``lexicons/posting.toml``, read once per process."""
    resource = lexicon_files() / "posting.toml"
    return parse_posting_cues(resource.read_text(encoding="utf-8"))
