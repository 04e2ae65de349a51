"""What each format reader hands to the parse stage before sections and quality are worked out."""

from __future__ import annotations

import time
from collections.abc import Hashable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from resume_fit.errors import LimitExceededError
from resume_fit.parse.resume_text import Link


@dataclass(frozen=True)
class Extraction:
    """Text pulled out of one document, in reading order, plus what the reader learnt on the way.

    Attributes:
        text: Cleaned text, lines joined with ``"\\n"``.
        method: Extraction method for the quality report (``"pdfminer-layout"``, ``"docx"``...).
        pages: Pages read.
        links: Hyperlink targets found by the reader, in document order.
        columns: Pages on which a multi-column or sidebar layout was untangled.
        unreadable: Glyphs that could not be mapped to text.
        inked: Visible glyphs seen, the denominator of the unreadable ratio.
        notes: Remarks for the quality report.
        styles: Start offset of a line -> its typographic style (size, boldness, heading style),
            used as a heading cue; empty where the format has no such information.
    """

    text: str
    method: str
    pages: int = 1
    links: tuple[Link, ...] = ()
    columns: int = 0
    unreadable: int = 0
    inked: int = 0
    notes: tuple[str, ...] = ()
    styles: Mapping[int, Hashable] = field(default_factory=dict)


class Deadline:
    """A per-file time budget that long-running readers check cooperatively.

    Args:
        path: The file being read, named in the error.
        seconds: The budget; 0 or less disables it.
    """

    def __init__(self, path: str | Path, seconds: float) -> None:
        self.path = path
        self.seconds = seconds
        self._end = time.monotonic() + seconds if seconds > 0 else None

    def check(self) -> None:
        """Raise LimitExceededError when the budget is spent."""
        if self._end is not None and time.monotonic() > self._end:
            raise LimitExceededError(
                self.path,
                f"parsing took longer than the {self.seconds:g} s time budget; "
                "raise it with RESUME_FIT_TIMEOUT if the file is genuine",
            )
