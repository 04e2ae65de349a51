"""Assemble the profile: what a resume says beyond skill names."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resume_fit.extract.mention import SkillMention
from resume_fit.parse.resume_text import ResumeText
from resume_fit.profile.education import Education, read_education
from resume_fit.profile.seniority import estimate_seniority
from resume_fit.profile.timeline import (
    Position,
    SkillYears,
    find_positions,
    skill_years,
    total_years,
)


@dataclass(frozen=True)
class Profile:
    """Experience, education and seniority read from a resume.

    Attributes:
        reference_date: The date "present" was resolved against (shown in the report).
        positions: Dated positions from the experience section(s), in text order.
        total_years: Years of professional experience (overlaps merged), None with no dated work.
        years_derivation: How ``total_years`` was computed.
        skill_years: Years of use and last use per skill mentioned in a dated position, by id.
        education: Degrees, field, publications and patents.
        seniority: ``"entry"``, ``"mid"``, ``"senior"``, ``"lead"`` or ``"unknown"``.
        seniority_reason: Why.
    """

    reference_date: dt.date
    positions: tuple[Position, ...]
    total_years: float | None
    years_derivation: str
    skill_years: tuple[SkillYears, ...]
    education: Education
    seniority: str
    seniority_reason: str

    def years_for(self, skill_id: str) -> SkillYears | None:
        """The years-of-use entry for a skill, or None when no dated position mentions it."""
        return next((s for s in self.skill_years if s.id == skill_id), None)


def build_profile(
    resume: ResumeText,
    skills: tuple[SkillMention, ...],
    reference_date: dt.date | None = None,
) -> Profile:
    """Read the experience timeline, education and seniority of a resume.

    Args:
        resume: The parsed resume (sections decide what counts as work and as education).
        skills: The skills found, so each can be credited with the positions that mention it.
        reference_date: What "present" means; today when None. Pass a fixed date for output that
            does not change from day to day.

    Returns:
        The profile.
    """
    reference = reference_date or dt.date.today()
    positions = find_positions(resume, reference)
    years = total_years(positions)
    if years is None:
        derivation = "no dated positions found in an experience section"
    else:
        derivation = (
            f"union of {len(positions)} dated position(s) in the experience section, overlaps "
            f"counted once, 'present' = {reference.isoformat()}"
        )
    experience_text = "\n".join(
        resume.text[s.start : s.end] for s in resume.sections if s.kind == "experience"
    )
    seniority = estimate_seniority(positions, years, experience_text)
    return Profile(
        reference_date=reference,
        positions=positions,
        total_years=years,
        years_derivation=derivation,
        skill_years=skill_years(skills, positions),
        education=read_education(resume),
        seniority=seniority.level,
        seniority_reason=seniority.reason,
    )
