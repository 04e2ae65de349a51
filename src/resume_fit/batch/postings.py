"""Job postings in a batch (``--job``): read once, and the stamp they put on the cache and journal.

A posting's text is read before any resume (``read_postings``: only the parse stage, so a bad file
is refused early); its requirements are read once the pipeline is loaded (``requirements_of``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from resume_fit.config import Limits
from resume_fit.parse.resume_text import ResumeText

if TYPE_CHECKING:
    from resume_fit.posting import JobPosting


def read_postings(
    postings: Sequence[str | Path | JobPosting], limits: Limits | None = None
) -> tuple[JobPosting | ResumeText, ...]:
    """Read each posting's text once (files, ``"-"``, texts; ``JobPosting``s pass through).

    Only the parse stage runs here (no spaCy), so a missing or broken posting file is refused
    before any resume is read; ``run_batch`` reads the requirements once the pipeline is loaded.

    Raises:
        ResumeFitError: A posting file cannot be read (it names the file).
    """
    from resume_fit.api import read_job_text

    return tuple(read_job_text(p, limits) for p in postings)


def requirements_of(postings: Sequence[JobPosting | ResumeText]) -> tuple[JobPosting, ...]:
    """Each posting's requirements (texts are parsed here: the spaCy pipeline is loaded)."""
    from resume_fit.posting import parse_posting

    return tuple(parse_posting(p) if isinstance(p, ResumeText) else p for p in postings)


def postings_salt(postings: Sequence[JobPosting | ResumeText]) -> str:
    """What the postings add to the cache key and the journal's stamp ("" for none)."""
    if not postings:
        return ""
    digest = hashlib.sha256()
    for posting in postings:
        digest.update(repr(posting).encode())
    return f"\npostings={digest.hexdigest()}"
