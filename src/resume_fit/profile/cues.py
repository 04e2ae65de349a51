"""The cue words the profile stage reads with, from ``lexicons/profile.toml``.

Date words, degree patterns, title and seniority cues are data so a reviewer can add a form a
resume uses without touching code. The file is validated lightly on load; a missing table raises
``DataFileError`` naming the file and the table.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from resume_fit.config import lexicon_files, read_tables
from resume_fit.errors import DataFileError

_ORIGIN = "lexicons/profile.toml"
# The only characters outside ASCII that re.IGNORECASE equates with ASCII letters: dotted and
# dotless i, long s, Kelvin sign.
_ASCII_CASE_TWINS = ("\u0130", "\u0131", "\u017f", "\u212a")
_TABLES = ("dates", "education", "publications", "titles", "seniority")


def parse_cues(data: str, origin: str = _ORIGIN) -> dict[str, Any]:
    """Parse and check a profile cue file.

    Args:
        data: The TOML text.
        origin: File name for error messages.

    Returns:
        The tables, keyed by name.

    Raises:
        DataFileError: The text is not TOML or a required table is missing.
    """
    document = read_tables(data, origin, _TABLES)
    levels = document["education"].get("levels")
    if not isinstance(levels, list) or not levels:
        raise DataFileError(origin, "[education] needs at least one [[education.levels]] entry")
    return document


@lru_cache(maxsize=1)
def load_cues() -> dict[str, Any]:
    """The shipped cue tables, read once per process."""
    resource = lexicon_files() / "profile.toml"
    return parse_cues(resource.read_text(encoding="utf-8"))


def folded(text: str) -> str | None:
    """``text.lower()`` when a lower-cased substring test can stand in for a case-blind search.

    ``re.IGNORECASE`` finds an ASCII phrase only where the lower-cased phrase occurs in
    ``text.lower()``, except in a text holding one of the four non-ASCII characters it equates
    with ASCII letters; for such a text the answer is None.
    """
    if any(twin in text for twin in _ASCII_CASE_TWINS):
        return None
    return text.lower()


def may_occur(phrase: str, lowered: str | None) -> bool:
    """False only when a case-blind search for ``phrase`` is sure to find nothing.

    Args:
        phrase: The words a pattern needs to match literally (ASCII, or the answer is True).
        lowered: ``folded(text)`` of the text to be searched.
    """
    return lowered is None or not phrase.isascii() or phrase.lower() in lowered
