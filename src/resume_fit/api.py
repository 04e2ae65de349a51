"""The public library API: one way through parse -> extract -> profile -> match -> report.

Everything heavy (spaCy pipeline, lexicon, catalogue) loads once per process on first use and is
shared by every later call, so a batch worker pays for it once.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from resume_fit.config import Limits
from resume_fit.extract import extract_skills
from resume_fit.extract.listed import find_listed
from resume_fit.lexicon import load_lexicon
from resume_fit.match import match_roles
from resume_fit.parse import parse_file, parse_text
from resume_fit.parse.resume_text import ResumeText
from resume_fit.profile import build_profile
from resume_fit.report import GapReport, build_report
from resume_fit.report.json import render_json
from resume_fit.report.markdown import render_markdown
from resume_fit.report.match import MatchReport, build_match_report
from resume_fit.report.match_render import render_match_json, render_match_markdown
from resume_fit.report.redact import file_pseudonym, find_identity, redact_match, redact_report
from resume_fit.roles import Catalogue, load_catalogue, read_custom_catalogue

if TYPE_CHECKING:
    from resume_fit.posting import JobPosting

__all__ = [
    "analyze",
    "analyze_resume",
    "analyze_text",
    "match_posting",
    "read_job",
    "read_job_text",
    "render_json",
    "render_markdown",
    "render_match_json",
    "render_match_markdown",
    "resolve_catalogue",
]

# A string longer than this, or with a line break, is text rather than a file name.
_MAX_PATH_CHARS = 4096
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
    path = Path(catalogue)
    try:
        stat = path.stat()
        stamp = (stat.st_mtime_ns, stat.st_size)
    except OSError:
        stamp = (0, -1)  # the reader names the file and the problem
    return _user_catalogue(str(catalogue), str(path.resolve()), stamp)


@lru_cache(maxsize=8)
def _user_catalogue(path: str, resolved: str, stamp: tuple[int, int]) -> Catalogue:
    """A user's catalogue (``path`` as given, for messages), read once per process while the file
    at ``resolved`` is unchanged (``stamp``).

    A batch scores every file with it, and the per-role index is kept per catalogue object, so
    reading it again for each file would rebuild that index each time too.
    """
    return read_custom_catalogue(path, load_lexicon())


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
    profile = build_profile(resume, skills, reference_date=reference_date, lexicon=lexicon)
    fits = match_roles(skills, profile, catalogue, lexicon)
    listed = find_listed(resume, skills)
    return build_report(resume, skills, profile, fits, lexicon, catalogue, listed=listed)


def _is_path(value: str | Path) -> bool:
    if isinstance(value, Path):
        return True
    return len(value) < _MAX_PATH_CHARS and "\n" not in value and Path(value).is_file()


def read_job_text(
    posting: str | Path | JobPosting | ResumeText, limits: Limits | None = None
) -> JobPosting | ResumeText:
    """A posting's parsed text (the parse stage only; no skills read yet), or a ``JobPosting``.

    Takes what ``read_job`` takes; ``resume_fit.posting.parse_posting`` finishes the text.
    """
    from resume_fit.posting import JobPosting
    from resume_fit.posting.reader import read_posting_text

    if isinstance(posting, JobPosting | ResumeText):
        return posting
    if str(posting) == "-" or _is_path(posting):
        return read_posting_text(posting, limits if limits is not None else Limits.from_env())
    return read_posting_text(None, text=str(posting))


def read_job(
    posting: str | Path | JobPosting | ResumeText, limits: Limits | None = None
) -> JobPosting:
    """A posting from a file path, ``"-"`` (stdin), its text, parsed text, or a ``JobPosting``.

    A string that names an existing file (or is ``"-"``) is read as a file; any other string is
    the posting's text.

    Raises:
        ResumeFitError: A subclass naming the file and the reason when it cannot be read.
    """
    from resume_fit.posting import JobPosting, parse_posting, posting_from_text, read_posting

    if isinstance(posting, JobPosting):
        return posting
    if isinstance(posting, ResumeText):
        return parse_posting(posting)
    if str(posting) == "-" or _is_path(posting):
        return read_posting(posting, limits if limits is not None else Limits.from_env())
    return posting_from_text(str(posting))


def match_posting(
    resume: str | Path | ResumeText,
    posting: str | Path | JobPosting | ResumeText,
    reference_date: dt.date | None = None,
    limits: Limits | None = None,
    *,
    ocr: bool = False,
    redact: bool = False,
) -> MatchReport:
    """How well a resume fits one job posting: an explained score, each requirement, advice.

    Args:
        resume: A resume file path, its text, or text already parsed (``ResumeText``). A string
            that names an existing file is read as a file, any other string as the text.
        posting: A posting file (PDF, DOCX, TXT, MD, HTML) or ``"-"``, its text, parsed text, or
            a ``JobPosting`` (parse once with ``read_job`` to match many resumes).
        reference_date: The date "present" means in the resume's dates; today when None.
        limits: Safety limits for parsing files; ``Limits.from_env()`` when None.
        ocr: Read a scanned resume PDF with OCR.
        redact: Remove the candidate's personal data from the report (as ``analyze`` does); the
            score and every requirement's status are unchanged.

    Returns:
        The match report (``render_match_markdown`` / ``render_match_json`` /
        ``render_match_html`` render it).

    Raises:
        ResumeFitError: A subclass naming the file and the reason when one cannot be read.
    """
    from resume_fit.match.posting_fit import score_posting

    limits = limits if limits is not None else Limits.from_env()
    job = read_job(posting, limits)
    if isinstance(resume, ResumeText):
        parsed = resume
    elif _is_path(resume):
        parsed = parse_file(resume, limits, ocr=ocr)
    else:
        parsed = parse_text(str(resume))
    skills = extract_skills(parsed)
    lexicon = load_lexicon()
    profile = build_profile(parsed, skills, reference_date=reference_date, lexicon=lexicon)
    fit = score_posting(skills, profile, job, lexicon, load_catalogue().scoring)
    report = build_match_report(parsed, skills, profile, job, fit, lexicon)
    if not redact:
        return report
    fallback = None
    if not isinstance(resume, ResumeText) and _is_path(resume):
        fallback = file_pseudonym(resume)
    return redact_match(report, find_identity(parsed, fallback))
