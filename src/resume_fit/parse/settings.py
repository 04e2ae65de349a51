"""The parse stage's data file ``lexicons/sections.toml``: heading variants and thresholds."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from resume_fit.config import lexicon_files
from resume_fit.errors import DataFileError
from resume_fit.parse.resume_text import SECTION_KINDS

SETTINGS_FILE = "sections.toml"


@dataclass(frozen=True)
class ParseSettings:
    """Heading lexicon and thresholds read from ``lexicons/sections.toml``.

    Attributes:
        headings: Normalised heading variant -> section kind.
        cues: Heading cue limits (``max_words``, ``max_chars``, ``style_max_words``...).
        quality: Quality verdict and refusal thresholds.
        zip: DOCX archive checks (``max_ratio``, ``max_members``).
        keep_hyphen_after: Lowercase first halves of compounds whose line-end hyphen is kept.
        suffix_headings: The heading variants a capitalised line may end with
            ("MACHINE LEARNING PROJECTS"), i.e. ``headings`` minus ``[suffix] exclude``.
        docx: DOCX reading thresholds (``layout_box_share``); optional table.
    """

    headings: dict[str, str]
    cues: dict[str, float]
    quality: dict[str, float]
    zip: dict[str, float]
    keep_hyphen_after: frozenset[str] = frozenset()
    suffix_headings: dict[str, str] = field(default_factory=dict)
    docx: dict[str, float] = field(default_factory=dict)


@lru_cache(maxsize=1)
def load_settings() -> ParseSettings:
    """Read and validate ``sections.toml`` once.

    Raises:
        DataFileError: The file is missing, not TOML, or names an unknown section kind.
    """
    resource = lexicon_files() / SETTINGS_FILE
    try:
        data = tomllib.loads(resource.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise DataFileError(SETTINGS_FILE, f"cannot read the heading lexicon: {error}") from None
    return parse_settings(data, SETTINGS_FILE)


def parse_settings(data: dict[str, Any], name: str) -> ParseSettings:
    """Validate the decoded TOML of a sections file.

    Args:
        data: The decoded TOML.
        name: The file name, for error messages.

    Raises:
        DataFileError: A table is missing or a kind, variant or number is invalid.
    """
    from resume_fit.parse.sections import normalise_heading

    headings: dict[str, str] = {}
    table = data.get("headings")
    if not isinstance(table, dict) or not table:
        raise DataFileError(name, "missing [headings] table")
    for kind, variants in sorted(table.items()):
        if kind not in SECTION_KINDS:
            raise DataFileError(name, f"[headings] {kind!r} is not a section kind {SECTION_KINDS}")
        if not isinstance(variants, list) or not all(isinstance(v, str) for v in variants):
            raise DataFileError(name, f"[headings] {kind!r} must be a list of strings")
        for variant in variants:
            key = normalise_heading(variant)
            if key in headings and headings[key] != kind:
                raise DataFileError(
                    name, f"[headings] {variant!r} is listed under {headings[key]!r} and {kind!r}"
                )
            headings[key] = kind
    headings |= _continued(data.get("continued", {}), headings, name)
    # A qualifier after a variant ("Education Details", "Skills Information") keeps its kind; a
    # variant already listed under another kind wins.
    qualified = _continued(data.get("qualified", {}), headings, name, "qualified")
    headings |= {key: kind for key, kind in qualified.items() if key not in headings}
    headings = _with_glued(headings)
    tables: list[dict[str, float]] = []
    for section in ("cues", "quality", "zip"):
        values = data.get(section)
        if not isinstance(values, dict) or not all(
            isinstance(v, int | float) for v in values.values()
        ):
            raise DataFileError(name, f"[{section}] must be a table of numbers")
        tables.append({key: float(value) for key, value in values.items()})
    hyphenation = data.get("hyphenation", {})
    keep = hyphenation.get("keep_after", []) if isinstance(hyphenation, dict) else None
    if not isinstance(keep, list) or not all(isinstance(word, str) for word in keep):
        raise DataFileError(name, "[hyphenation] keep_after must be a list of strings")
    suffix = data.get("suffix", {})
    exclude = suffix.get("exclude", []) if isinstance(suffix, dict) else None
    if not isinstance(exclude, list) or not all(isinstance(word, str) for word in exclude):
        raise DataFileError(name, "[suffix] exclude must be a list of strings")
    excluded = {normalise_heading(word) for word in exclude}
    docx = data.get("docx", {})
    if not isinstance(docx, dict) or not all(isinstance(v, int | float) for v in docx.values()):
        raise DataFileError(name, "[docx] must be a table of numbers")
    return ParseSettings(
        headings,
        tables[0],
        tables[1],
        tables[2],
        frozenset(word.lower() for word in keep),
        {key: kind for key, kind in headings.items() if key not in excluded},
        {key: float(value) for key, value in docx.items()},
    )


def _continued(
    table: object, headings: dict[str, str], name: str, label: str = "continued"
) -> dict[str, str]:
    """Each heading with a continuation mark after it ("Experience (continued)", "Experience,
    cont'd"): a section carried over a page break or a column is the same kind of section. The
    ``[qualified]`` table's marks are read the same way ("Education Details")."""
    from resume_fit.parse.sections import normalise_heading

    marks = table.get("marks", []) if isinstance(table, dict) else None
    if not isinstance(marks, list) or not all(isinstance(mark, str) for mark in marks):
        raise DataFileError(name, f"[{label}] marks must be a list of strings")
    keys = [normalise_heading(mark) for mark in marks]
    return {f"{heading} {key}": kind for heading, kind in headings.items() for key in keys if key}


def _with_glued(headings: dict[str, str]) -> dict[str, str]:
    """The headings plus each several-word variant written without its spaces, as a PDF text
    layer glues it ("WORKEXPERIENCE") or letter-spacing reads once the single spaces between
    letters are undone ("W O R K E X P E R I E N C E"); a glued form two kinds share is left out."""
    glued: dict[str, str | None] = {}
    for key, kind in headings.items():
        compact = key.replace(" ", "")
        if compact != key and compact not in headings:
            glued[compact] = kind if glued.get(compact, kind) == kind else None
    return headings | {key: kind for key, kind in glued.items() if kind is not None}
