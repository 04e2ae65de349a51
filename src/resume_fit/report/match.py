"""The match report: one resume against one job posting, gathered into a frozen ``MatchReport``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resume_fit.extract.mention import SkillMention
from resume_fit.lexicon import Lexicon
from resume_fit.match.posting_fit import PostingFit
from resume_fit.parse.resume_text import ParseQuality, ResumeText
from resume_fit.posting import JobPosting
from resume_fit.profile import Profile

__all__ = ["MatchReport", "build_match_report"]


@dataclass(frozen=True)
class MatchReport:
    """How well a resume fits a posting, why, what is missing and how to tailor the resume.

    Attributes:
        source: The resume's path as given (or ``"<text>"``).
        reference_date: The date "present" was resolved against.
        quality: How well the resume's text was extracted.
        posting: The parsed posting (title, requirements, years and degree asked).
        fit: The score, its components, each requirement's match and the advice.
        skills: The resume's skills, sorted by id.
        profile: The resume's experience, education and seniority.
        names: ``(skill id, display name)`` for every id the report mentions, sorted by id.
        warnings: Things the reader should know (parse notes, a posting with no known skill).
        lexicon_version: Content hash of the lexicon used.
    """

    source: str
    reference_date: dt.date
    quality: ParseQuality
    posting: JobPosting
    fit: PostingFit
    skills: tuple[SkillMention, ...]
    profile: Profile
    names: tuple[tuple[str, str], ...]
    warnings: tuple[str, ...]
    lexicon_version: str = ""

    def name(self, skill_id: str) -> str:
        """Display name of a skill id (the id itself when unknown)."""
        return dict(self.names).get(skill_id, skill_id)


def build_match_report(
    resume: ResumeText,
    skills: tuple[SkillMention, ...],
    profile: Profile,
    posting: JobPosting,
    fit: PostingFit,
    lexicon: Lexicon,
) -> MatchReport:
    """Gather a posting fit and what it was computed from into a report.

    Returns:
        The report; deterministic for the same inputs and reference date.
    """
    ids = {s.id for s in skills}
    for match in fit.requirements:
        ids.update(match.requirement.options)
        if match.result.met_by:
            ids.add(match.result.met_by)
    ids.update(a.skill for a in fit.advice)
    ids.update(a.related for a in fit.advice if a.related)
    names = {i: lexicon[i].name if i in lexicon else i for i in ids}
    warnings = list(resume.quality.notes)
    if not posting.required:
        warnings.append(
            f"{posting.source}: the posting names no required skill the lexicon knows; "
            "the score cannot say much (see the unrecognised requirements)."
        )
    if not skills:
        warnings.append("No skills from the lexicon were found in the resume.")
    return MatchReport(
        source=resume.source,
        reference_date=profile.reference_date,
        quality=resume.quality,
        posting=posting,
        fit=fit,
        skills=tuple(sorted(skills, key=lambda s: s.id)),
        profile=profile,
        names=tuple(sorted(names.items())),
        warnings=tuple(warnings),
        lexicon_version=getattr(lexicon, "version", ""),
    )
