"""The report stage: everything the person reads, gathered into one frozen ``GapReport``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from resume_fit.errors import ResumeFitError
from resume_fit.extract.listed import ListedItem
from resume_fit.extract.mention import SkillMention
from resume_fit.lexicon import Lexicon
from resume_fit.match import RoleFit, present_skills
from resume_fit.match.credit import DEGREE
from resume_fit.match.plan import LearningPlan, build_plan
from resume_fit.match.subjects import degree_subjects
from resume_fit.parse.language import load_profiles
from resume_fit.parse.resume_text import ParseQuality, ResumeText, Section
from resume_fit.profile import Profile
from resume_fit.roles import Catalogue

__all__ = ["GapReport", "build_report"]


@dataclass(frozen=True)
class GapReport:
    """Which roles a resume fits, why, what is missing and what to learn next.

    Attributes:
        source: The input path as given (or ``"<text>"``).
        format: ``"pdf"``, ``"docx"`` or ``"text"``.
        reference_date: The date "present" was resolved against.
        quality: How well the text was extracted.
        skills: Skills found, sorted by id; only these are ever shown as present.
        profile: Experience, education, seniority.
        roles: Every role's fit, best first.
        plan: The learning plan for the top roles.
        warnings: Things the reader should know (parse notes, missing dates, no skills).
        names: ``(skill id, display name)`` for every id the report mentions, sorted by id.
        contexts: ``(skill id, snippets)``: for each evidence of the skill, in the same order, the
            words around it on its line (the evidence itself kept whole).
        lexicon_version: Content hash of the lexicon used.
        catalogue_version: Content hash of the catalogue used.
        weak_fit: True when even the best role scores under the catalogue's ``weak_fit_below``.
        sections: The resume's sections (kind, heading, offsets in the parsed text), so every
            "listed" or "demonstrated" verdict can be checked against them.
        language: The resume's main language code, or ``"unknown"``.
        other_skills: Items of the resume's skills lists that no lexicon skill covers
            (``extract.listed``), in text order, with their evidence. They are shown, never scored.
    """

    source: str
    format: str
    reference_date: dt.date
    quality: ParseQuality
    skills: tuple[SkillMention, ...]
    profile: Profile
    roles: tuple[RoleFit, ...]
    plan: LearningPlan
    warnings: tuple[str, ...]
    names: tuple[tuple[str, str], ...] = ()
    contexts: tuple[tuple[str, tuple[str, ...]], ...] = ()
    lexicon_version: str = ""
    catalogue_version: str = ""
    weak_fit: bool = False
    sections: tuple[Section, ...] = ()
    language: str = "unknown"
    other_skills: tuple[ListedItem, ...] = ()

    def name(self, skill_id: str) -> str:
        """Display name of a skill id (the id itself when unknown)."""
        return dict(self.names).get(skill_id, skill_id)

    def context(self, skill_id: str) -> tuple[str, ...]:
        """Snippets around each evidence of a skill (empty when unknown)."""
        return dict(self.contexts).get(skill_id, ())

    def role(self, role_id: str) -> RoleFit | None:
        """The fit for ``role_id``, or None."""
        return next((r for r in self.roles if r.id == role_id), None)

    def detailed_roles(self, top: int = 3, role: str | None = None) -> list[tuple[int, RoleFit]]:
        """The roles a rendering details, with their rank: ``role`` alone, or the ``top`` best.

        Raises:
            ResumeFitError: ``role`` is not a role of the report (the message lists the ids).
        """
        if role is None:
            return list(enumerate(self.roles[: max(top, 0)], start=1))
        chosen = self.role(role)
        if chosen is None:
            known = ", ".join(sorted(r.id for r in self.roles))
            raise ResumeFitError(self.source, f"unknown role {role!r}; known roles: {known}")
        return [(self.roles.index(chosen) + 1, chosen)]


# Words kept on each side of an evidence in a snippet.
_CONTEXT_CHARS = 40


def weak_fit_headline(best: RoleFit) -> str:
    """The summary's opening words when no role fits well. When every role scores 0 (roles are
    ranked by score), the first is only first by name, so none is named as the closest."""
    if best.score <= 0:
        return "No role fits (every role scores 0/100)"
    return f"No role fits well (closest: {best.name}, {best.score:.1f}/100)"


def _snippet(text: str, start: int, end: int) -> str:
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    left = max(line_start, start - _CONTEXT_CHARS)
    right = min(line_end, end + _CONTEXT_CHARS)
    # Cut at word boundaries so a snippet never starts or ends mid-word.
    if left > line_start:
        left = text.find(" ", left, start) + 1 or start
    if right < line_end:
        space = text.rfind(" ", end, right)
        right = space if space > 0 else right
    prefix = "…" if left > line_start else ""
    suffix = "…" if right < line_end else ""
    return prefix + " ".join(text[left:right].split()) + suffix


def _warnings(resume: ResumeText, skills: tuple[SkillMention, ...], profile: Profile) -> list[str]:
    warnings = list(resume.quality.notes)
    if resume.language not in {"en", "unknown"}:
        name = load_profiles().name(resume.language)
        warnings.append(
            f"The resume looks written in {name}; skills are matched in English only, so skills "
            f"named in {name} may be missed and the scores may be too low."
        )
    if resume.quality.verdict == "poor":
        warnings.append("The text extraction quality is poor; skills and dates may be missed.")
    if not skills:
        warnings.append(
            "No skills from the lexicon were found, so every role scores low; "
            "check that the file is a resume and its text was extracted."
        )
    if profile.positions:
        pass
    elif profile.total_years is not None:
        warnings.append(f"Years of experience: {profile.years_derivation}.")
    elif not any(s.kind == "experience" for s in resume.sections):
        warnings.append("No experience section was found; years of experience are unknown.")
    else:
        warnings.append("No dated positions were found in the experience section.")
    if profile.education.highest == "none":
        warnings.append("No degree was found; education is scored as unknown.")
    return warnings


def build_report(
    resume: ResumeText,
    skills: tuple[SkillMention, ...],
    profile: Profile,
    fits: tuple[RoleFit, ...],
    lexicon: Lexicon,
    catalogue: Catalogue,
    *,
    listed: tuple[ListedItem, ...] = (),
) -> GapReport:
    """Gather the stages' results into a report, and compute the learning plan.

    Args:
        resume: The parsed resume.
        skills: Skills found.
        profile: The profile.
        fits: Role fits from ``match_roles`` (best first).
        lexicon: For skill names and the learning plan's skill graph.
        catalogue: For the learning plan and career steps.
        listed: The skills lists' items no lexicon skill covers (``extract.listed.find_listed``).

    Returns:
        The report; deterministic for the same inputs and reference date.
    """
    present = present_skills(skills, profile, lexicon, catalogue.scoring)
    plan = build_plan(fits, present, profile, catalogue, lexicon)
    warnings = _warnings(resume, skills, profile)
    weak_fit = bool(fits) and fits[0].score < catalogue.scoring.weak_fit_below
    if weak_fit:
        warnings.append(
            f"No role fits well: the best score is {fits[0].score:.1f} "
            f"(under {catalogue.scoring.weak_fit_below:g}); the resume shows few of the skills "
            "these machine-learning roles require."
        )
    ids = {s.id for s in skills}
    for fit in fits:
        ids.update(fit.matched, fit.missing)
        ids.update(o for r in fit.requirements for o in r.options)
    ids.update(step.id for step in plan.steps)
    names = {i: lexicon[i].name if i in lexicon else i for i in ids}
    names.update({s.id: s.name for s in skills})
    found = {
        skill.id: tuple(_snippet(resume.text, e.start, e.end) for e in skill.evidence)
        for skill in skills
    }
    # A degree's subject that scoring counted is shown by its degree line.
    for skill_id, line in degree_subjects(profile.education, lexicon).items():
        if skill_id not in found and present.get(skill_id) == DEGREE:
            found[skill_id] = (line,)
            names.setdefault(skill_id, lexicon[skill_id].name)
    contexts = tuple(sorted(found.items()))
    return GapReport(
        source=resume.source,
        format=resume.format,
        reference_date=profile.reference_date,
        quality=resume.quality,
        skills=tuple(sorted(skills, key=lambda s: s.id)),
        profile=profile,
        roles=fits,
        plan=plan,
        warnings=tuple(warnings),
        names=tuple(sorted(names.items())),
        contexts=contexts,
        lexicon_version=getattr(lexicon, "version", ""),
        catalogue_version=catalogue.version,
        weak_fit=weak_fit,
        sections=resume.sections,
        language=resume.language,
        other_skills=listed,
    )
