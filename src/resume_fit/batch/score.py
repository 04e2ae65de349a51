"""The analysis a batch runs per file: the report's table fields, without the learning plan.

A batch row shows roles and scores, missing skills, skills, years, seniority and the parse verdict.
``resume_fit.api.analyze`` also builds the learning plan, which re-scores every role once per
candidate skill and costs about a third of the time per file; a table never shows it. So the batch
runs the same stages as ``analyze`` up to ``match_roles`` and stops there. The roles, skills and
profile are the very objects ``analyze`` would put in its ``GapReport`` (a test checks it).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from resume_fit.config import Limits
from resume_fit.parse.resume_text import ResumeText

if TYPE_CHECKING:
    from resume_fit.extract.mention import SkillMention
    from resume_fit.match import RoleFit
    from resume_fit.match.posting_fit import PostingFit
    from resume_fit.parse.resume_text import ParseQuality
    from resume_fit.posting import JobPosting
    from resume_fit.profile import Profile


@dataclass(frozen=True)
class FileScore:
    """The part of a ``GapReport`` a batch row is made of (same field names and meaning).

    Attributes:
        source: The input path as given.
        quality: How well the text was extracted.
        skills: Skills found, sorted by id.
        profile: Experience, education, seniority.
        roles: Every role's fit, best first.
        postings: The fit to each posting of ``batch --job``, in the order given.
    """

    source: str
    quality: ParseQuality
    skills: tuple[SkillMention, ...]
    profile: Profile
    roles: tuple[RoleFit, ...]
    postings: tuple[PostingFit, ...] = ()


def score_file(
    path: str | Path | ResumeText,
    limits: Limits | None = None,
    reference_date: dt.date | None = None,
    postings: tuple[JobPosting, ...] = (),
    catalogue: str | Path | None = None,
) -> FileScore:
    """Parse a resume and match it against every role, as ``resume_fit.api.analyze`` does.

    Args:
        path: A PDF, DOCX, TXT or Markdown file, or its text already parsed by ``parse_file``
            (a batch's head start parses some files before the workers start).
        limits: Safety limits for parsing; ``Limits.from_env()`` when None.
        reference_date: The date "present" means in the experience timeline; today when None.
        postings: Job postings (parsed once by the caller) to score the resume against too.
        catalogue: A TOML file of the user's roles (``resume_fit.api.resolve_catalogue``); the
            shipped catalogue when None. Read once per process.

    Raises:
        ResumeFitError: A subclass naming the file and the reason when it cannot be read.
    """
    # Imported here so that importing the batch package stays free of spaCy and pdfminer.
    from resume_fit.api import resolve_catalogue
    from resume_fit.extract import extract_skills
    from resume_fit.lexicon import load_lexicon
    from resume_fit.match import match_roles
    from resume_fit.parse import parse_file
    from resume_fit.profile import build_profile

    roles = resolve_catalogue(catalogue)
    if isinstance(path, ResumeText):
        resume = path
    else:
        resume = parse_file(path, limits if limits is not None else Limits.from_env())
    skills = extract_skills(resume)
    lexicon = load_lexicon()
    profile = build_profile(resume, skills, reference_date=reference_date, lexicon=lexicon)
    fits = match_roles(skills, profile, roles, lexicon)
    posting_fits: tuple[PostingFit, ...] = ()
    if postings:
        from resume_fit.match.credit import SkillCredit
        from resume_fit.match.posting_fit import posting_scoring, score_posting
        from resume_fit.match.role_fit import present_skills

        # One credit table for every posting: a skill several postings ask is resolved once.
        credit = SkillCredit(
            present_skills(skills, profile, lexicon, roles.scoring), lexicon, roles.scoring
        )
        settings = posting_scoring()
        posting_fits = tuple(
            score_posting(skills, profile, p, lexicon, roles.scoring, settings, credit)
            for p in postings
        )
    return FileScore(resume.source, resume.quality, skills, profile, fits, posting_fits)
