"""The public library API: one way through parse -> extract -> profile -> match -> report.

Everything heavy (spaCy pipeline, lexicon, catalogue) loads once per process on first use and is
shared by every later call, so a batch worker pays for it once.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from resume_fit.config import Limits
from resume_fit.extract import extract_skills
from resume_fit.lexicon import load_lexicon
from resume_fit.match import match_roles
from resume_fit.parse import parse_file, parse_text
from resume_fit.parse.resume_text import ResumeText
from resume_fit.profile import build_profile
from resume_fit.report import GapReport, build_report
from resume_fit.report.json import render_json
from resume_fit.report.markdown import render_markdown
from resume_fit.report.redact import file_pseudonym, find_identity, redact_report
from resume_fit.roles import Catalogue, load_catalogue, read_custom_catalogue

__all__ = [
    "analyze",
    "analyze_resume",
    "analyze_text",
    "render_json",
    "render_markdown",
    "resolve_catalogue",
]

CatalogueSource = str | Path | Catalogue | None


def resolve_catalogue(catalogue: CatalogueSource = None) -> Catalogue:
    """The catalogue to score with: the shipped one, or with a user's roles added.

    Args:
        catalogue: None for the shipped catalogue; a ``Catalogue``; or a TOML file of ``[[roles]]``
            that add roles or override shipped ones by id (``resume_fit.roles.custom``).

    Raises:
        DataFileError: The user's file is unreadable or a role in it is invalid (exit code 9).
    """
    if catalogue is None:
        return load_catalogue()
    if isinstance(catalogue, Catalogue):
        return catalogue
    return read_custom_catalogue(catalogue, load_lexicon())


def analyze(
    path: str | Path,
    limits: Limits | None = None,
    reference_date: dt.date | None = None,
    *,
    ocr: bool = False,
    catalogue: CatalogueSource = None,
    redact: bool = False,
) -> GapReport:
    """Parse a resume file and report which roles it fits and what it is missing.

    Args:
        path: A PDF, DOCX, TXT or Markdown file.
        limits: Safety limits for parsing; ``Limits.from_env()`` when None.
        reference_date: The date "present" means in the experience timeline; today when None.
        ocr: Read a scanned PDF with OCR (needs Debian's poppler-utils and tesseract-ocr).
        catalogue: Score against these roles (``resolve_catalogue``); the shipped ones when None.
        redact: Remove personal data from the report (``resume_fit.report.redact``); the source
            becomes a pseudonym made from a hash of the file's bytes.

    Returns:
        The gap report.

    Raises:
        ResumeFitError: A subclass naming the file and the reason when it cannot be read;
            ``DataFileError`` for a bad ``catalogue`` file.
    """
    roles = resolve_catalogue(catalogue)
    resume = parse_file(path, limits if limits is not None else Limits.from_env(), ocr=ocr)
    report = analyze_resume(resume, reference_date, catalogue=roles)
    if not redact:
        return report
    return redact_report(report, find_identity(resume, file_pseudonym(path)))


def analyze_text(
    text: str,
    source: str = "<text>",
    reference_date: dt.date | None = None,
    *,
    catalogue: CatalogueSource = None,
    redact: bool = False,
) -> GapReport:
    """Score plain text (a resume or a job description) exactly as a file would be scored.

    With ``redact`` the personal data is removed and the source becomes a pseudonym made from a
    hash of the text.
    """
    resume = parse_text(text, source)
    report = analyze_resume(resume, reference_date, catalogue=catalogue)
    return redact_report(report, find_identity(resume)) if redact else report


def analyze_resume(
    resume: ResumeText,
    reference_date: dt.date | None = None,
    *,
    catalogue: CatalogueSource = None,
) -> GapReport:
    """Run extract -> profile -> match -> report on text that is already parsed."""
    lexicon = load_lexicon()
    catalogue = resolve_catalogue(catalogue)
    skills = extract_skills(resume)
    profile = build_profile(resume, skills, reference_date=reference_date)
    fits = match_roles(skills, profile, catalogue, lexicon)
    return build_report(resume, skills, profile, fits, lexicon, catalogue)
