"""Settings that callers may change, and where the shipped data lives.

Safety limits are a frozen dataclass so a batch can hand the same settings to every worker. Shipped
data (``lexicons/`` and ``models/`` at the top of the repository) is installed as the packages
``resume_fit.lexicons`` and ``resume_fit.models`` and found with ``importlib.resources``, never by
walking up from ``__file__``.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from resume_fit.errors import DataFileError

MB = 1024 * 1024


def _env_number(name: str, default: float) -> float:
    value = os.environ.get(name)
    if value is None or value.strip() == "":
        return default
    try:
        return float(value)
    except ValueError:
        return default


@dataclass(frozen=True)
class Limits:
    """Limits against hostile or broken input files.

    Each limit can be set per call, on the command line, or by an environment variable
    (``RESUME_FIT_MAX_BYTES``, ``RESUME_FIT_MAX_PAGES``, ``RESUME_FIT_MAX_UNZIPPED_BYTES``,
    ``RESUME_FIT_TIMEOUT``); see ``Limits.from_env``.

    Attributes:
        max_bytes: Largest input file accepted, in bytes.
        max_pages: Most PDF pages read; a resume longer than this is refused.
        max_unzipped_bytes: Largest total uncompressed size of a DOCX archive (zip bombs).
        timeout_seconds: Time budget for parsing one file; 0 disables it.
    """

    max_bytes: int = 20 * MB
    max_pages: int = 30
    max_unzipped_bytes: int = 200 * MB
    timeout_seconds: float = 60.0

    @classmethod
    def from_env(cls) -> Limits:
        """Return the defaults, overridden by any ``RESUME_FIT_*`` environment variables."""
        default = cls()
        return cls(
            max_bytes=int(_env_number("RESUME_FIT_MAX_BYTES", default.max_bytes)),
            max_pages=int(_env_number("RESUME_FIT_MAX_PAGES", default.max_pages)),
            max_unzipped_bytes=int(
                _env_number("RESUME_FIT_MAX_UNZIPPED_BYTES", default.max_unzipped_bytes)
            ),
            timeout_seconds=_env_number("RESUME_FIT_TIMEOUT", default.timeout_seconds),
        )


def lexicon_files() -> Traversable:
    """The shipped ``lexicons/`` folder (skill lexicon, role catalogue, section headings)."""
    return resources.files("resume_fit.lexicons")


def model_files() -> Traversable:
    """The shipped ``models/`` folder (the assembled spaCy pipeline)."""
    return resources.files("resume_fit.models")


def read_tables(data: str, origin: str, tables: Iterable[str] = ()) -> dict[str, Any]:
    """Parse a data file's TOML text and check that each of ``tables`` is a table in it.

    Args:
        data: The TOML text.
        origin: The file's name for error messages (``"lexicons/profile.toml"``).
        tables: Names of the tables the reader needs.

    Returns:
        The document.

    Raises:
        DataFileError: The text is not TOML, or a table is missing.
    """
    try:
        document = tomllib.loads(data)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(origin, f"not valid TOML ({error})") from error
    require_tables(document, origin, tables)
    return document


def require_tables(document: Mapping[str, Any], origin: str, tables: Iterable[str]) -> None:
    """Raise ``DataFileError`` naming ``origin`` and the first of ``tables`` not in ``document``."""
    for table in tables:
        if not isinstance(document.get(table), dict):
            raise DataFileError(origin, f"missing the [{table}] table")
