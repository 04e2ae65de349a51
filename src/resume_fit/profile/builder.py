"""Assemble the profile: what a resume says beyond skill names."""

from __future__ import annotations

import bisect
import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from resume_fit.extract.mention import SkillMention
from resume_fit.lexicon import Lexicon, load_lexicon
from resume_fit.parse.resume_text import ResumeText
from resume_fit.profile.cues import load_cues
from resume_fit.profile.dates import written_date
from resume_fit.profile.document_kind import NOT_A_POSTING, PostingSignal, is_posting
from resume_fit.profile.education import Education, read_education
from resume_fit.profile.field import GENERAL, FieldYears, field_years
from resume_fit.profile.positions import Position, find_positions
from resume_fit.profile.seniority import estimate_seniority, scope_phrases
from resume_fit.profile.timeline import SkillYears, skill_years, stated_years, total_years

# A headline is looked for in the first few non-empty lines and must be short (a title, not prose).
_HEADLINE_LINES = 4
_HEADLINE_WORDS = 12


@dataclass(frozen=True)
class Profile:
    """Experience, education and seniority read from a resume.

    Attributes:
        reference_date: The date "present" was resolved against (shown in the report).
        positions: Dated positions from the experience section(s), in text order; placements
            (internships, assistantships) among them carry ``Position.placement``.
        total_years: Years of work (every dated position, placements too, overlaps merged; without
            any, the years the text states, "5+ years of experience"); None when neither.
        years_derivation: How ``total_years`` was computed.
        skill_years: Years of use and last use per skill mentioned in a dated position, by id.
        education: Degrees, field, publications and patents.
        seniority: ``"entry"``, ``"mid"``, ``"senior"``, ``"lead"`` or ``"unknown"``, from the
            latest title and the years in the field (``years_in_field()``).
        seniority_reason: Why.
        titles: Job titles, latest first: the dated positions' titles, or with none a title-like
            headline near the top (a job posting's first line, a resume's tagline), or else the
            opening of the summary ("Data scientist with ...": ``[titles].self_description_*``).
        management_scope: Each management-scope phrase found in the experience and summary text
            ("managed a team", "direct reports"; ``[seniority].scope``), in cue order.
        architecture_scope: Likewise for architecture scope ("designed the architecture";
            ``[seniority].architecture_scope``).
        posting: Whether the text reads as a job posting, with the cues, its title and blocks.
        field_years: Years in the field from the dated positions (``resume_fit.profile.field``):
            the general entry (technical, data or ML work) first, then one per role family with
            words of its own; empty without dated positions.
        work_lines: ``(skill id, entry numbers)``: the entries of the work sections (experience,
            projects, publications: a line, with the lines in lower case that continue it) that
            name each skill, by id; the specialism gates read how much of the work a specialism
            fills (``resume_fit.match.gates``).
    """

    reference_date: dt.date
    positions: tuple[Position, ...]
    total_years: float | None
    years_derivation: str
    skill_years: tuple[SkillYears, ...]
    education: Education
    seniority: str
    seniority_reason: str
    titles: tuple[str, ...] = ()
    management_scope: tuple[str, ...] = ()
    architecture_scope: tuple[str, ...] = ()
    posting: PostingSignal = NOT_A_POSTING
    field_years: tuple[FieldYears, ...] = ()
    work_lines: tuple[tuple[str, tuple[int, ...]], ...] = ()

    def years_in_field(self, family: str = GENERAL) -> float | None:
        """The years that count for a role of ``family``: its entry of ``field_years``, else the
        general one; ``total_years`` when there are none (no dated positions: unknown, or the
        years the text states)."""
        entry = next((f for f in self.field_years if f.family == family), None)
        if entry is None:
            entry = next((f for f in self.field_years if f.family == GENERAL), None)
        return self.total_years if entry is None else entry.years

    def years_summary(self) -> str:
        """``"8.6 years of experience, 2.1 in technical, data or ML work"`` (the second part only
        when the two differ), or ``"years of experience unknown"``."""
        if self.total_years is None:
            return "years of experience unknown"
        summary = f"{self.total_years:g} years of experience"
        field = self.years_in_field()
        if field is not None and field != self.total_years:
            summary += f", {field:g} in technical, data or ML work"
        return summary

    def years_for(self, skill_id: str) -> SkillYears | None:
        """The years-of-use entry for a skill, or None when no dated position mentions it."""
        return next((s for s in self.skill_years if s.id == skill_id), None)


def build_profile(
    resume: ResumeText,
    skills: tuple[SkillMention, ...],
    reference_date: dt.date | None = None,
    lexicon: Lexicon | None = None,
) -> Profile:
    """Read the experience timeline, education and seniority of a resume.

    Args:
        resume: The parsed resume (sections decide what counts as work and as education).
        skills: The skills found, so each can be credited with the positions that mention it.
        reference_date: What "present" means; today when None. Pass a fixed date for output that
            does not change from day to day.
        lexicon: For the broader skills that make a position technical (years in the field);
            the shipped lexicon when None and there are dated positions.

    Returns:
        The profile.
    """
    reference = reference_date or dt.date.today()
    written = written_date(resume.text, reference)
    written_note = ""
    if written is not None and written[0] < reference:
        # A resume dated 2015 that says "2014 - Present" means until 2015, not until today.
        reference = written[0]
        written_note = f" (the resume's own date: {written[1]!r})"
    positions = find_positions(resume, reference)
    years = total_years(positions)
    stated = stated_years(resume.text) if years is None else None
    if stated is not None:
        years = stated[0]
        derivation = f"no dated positions; used the {years:g} years the text states ({stated[1]!r})"
    elif years is None:
        derivation = "no dated positions found in an experience section"
    else:
        derivation = (
            f"union of {len(positions)} dated position(s) in the experience section, overlaps "
            f"counted once, 'present' = {reference.isoformat()}{written_note}"
        )
    experience_text = "\n".join(
        resume.text[s.start : s.end] for s in resume.sections if s.kind == "experience"
    )
    posting = is_posting(resume.text)
    titles = _titles(resume, positions)
    if posting.is_posting and posting.title:
        titles = (posting.title, *(t for t in titles if t != posting.title))
    in_field = field_years(positions, skills, lexicon or load_lexicon()) if positions else ()
    # Seniority reads the years in the field, as role fit and posting fit do: eight years of
    # accounting or two summers of internships are no years as a senior data scientist.
    general = next((f for f in in_field if f.family == GENERAL), None)
    latest = max(positions, key=lambda p: (p.span.present, p.span.last, p.span.first), default=None)
    seniority = estimate_seniority(
        positions,
        years if general is None else general.years,
        experience_text,
        titles,
        "years" if general is None else "years in the field",
        title_in_field=general is None or latest is None or latest.label() in general.positions,
    )
    scope_text = "\n".join(
        resume.text[s.start : s.end] for s in resume.sections if s.kind in ("experience", "summary")
    )
    if posting.is_posting:
        # A posting's "you will lead a team" is the job's scope, not the author's record.
        scope_text = ""
    seniority_cues = load_cues()["seniority"]
    return Profile(
        reference_date=reference,
        positions=positions,
        total_years=years,
        years_derivation=derivation,
        skill_years=skill_years(skills, positions),
        education=read_education(resume),
        seniority=seniority.level,
        seniority_reason=seniority.reason,
        titles=titles,
        management_scope=scope_phrases(scope_text, seniority_cues["scope"]),
        architecture_scope=scope_phrases(scope_text, seniority_cues.get("architecture_scope", [])),
        posting=posting,
        field_years=in_field,
        work_lines=_work_lines(resume.text, skills),
    )


# Sections whose lines are work done: a specialism's share of them is how much of the work it is.
_WORK_SECTIONS = frozenset({"experience", "projects", "publications"})


def _work_lines(
    text: str, skills: tuple[SkillMention, ...]
) -> tuple[tuple[str, tuple[int, ...]], ...]:
    """Skill id -> the work entries (lines, a wrapped line counted with the one it continues)
    that name it."""
    lines = text.split("\n")
    starts = []
    entry: list[int] = []
    at = 0
    for number, line in enumerate(lines):
        starts.append(at)
        at += len(line) + 1
        stripped = line.lstrip()
        # A line starting in lower case continues the line above (a bullet the layout wrapped).
        wrapped = number > 0 and stripped[:1].islower() and bool(lines[number - 1].strip())
        entry.append(entry[number - 1] if wrapped else number)
    found = []
    for skill in sorted(skills, key=lambda s: s.id):
        places = {
            entry[bisect.bisect_right(starts, e.start) - 1]
            for e in skill.evidence
            if e.section in _WORK_SECTIONS
        }
        if places:
            found.append((skill.id, tuple(sorted(places))))
    return tuple(found)


def _titles(resume: ResumeText, positions: tuple[Position, ...]) -> tuple[str, ...]:
    latest_first = sorted(
        (p for p in positions if p.title),
        key=lambda p: (p.span.present, p.span.last, p.span.first),
        reverse=True,
    )
    if latest_first:
        return tuple(dict.fromkeys(p.title for p in latest_first))
    table = load_cues()["titles"]
    cues = {c.lower() for c in table["cues"]}
    headlines = []
    for line in [line for line in resume.text.split("\n") if line.strip()][:_HEADLINE_LINES]:
        cleaned = re.sub(r"^[#*_\s]+|[*_]+$", "", line).strip()
        words = re.findall(r"[a-z][a-z.\-]*", cleaned.lower())
        if words and len(words) <= _HEADLINE_WORDS and set(words) & cues:
            headlines.append(cleaned)
    if headlines:
        return tuple(headlines[:2])
    described = _self_description(resume, table, cues)
    return (described,) if described else ()


def _self_description(resume: ResumeText, table: dict[str, Any], cues: set[str]) -> str | None:
    """The title a summary opens with ("Experienced data scientist with ..."), or None.

    Only the summary section's first sentence is read, without opening words ("I am a"): its
    words up to the first title cue, when the cue comes within ``self_description_words`` words
    and no break word (``[titles].self_description_breaks``) or punctuation comes before it.
    """
    summary = next((s for s in resume.sections if s.kind == "summary"), None)
    if summary is None:
        return None
    body = resume.text[summary.start : summary.end]
    if summary.heading and body.lstrip().startswith(summary.heading):
        body = body.lstrip()[len(summary.heading) :]
    breaks = set(table["self_description_breaks"])
    openers = set(table["self_description_openers"])
    opening = re.split(r"[.,;:!?()|•·–—]|\s-\s|\n\s*\n", body.strip(), maxsplit=1)[0]
    words: list[str] = []
    for word in opening.split():
        bare = re.sub(r"['’]s$", "", word.strip("\"'“”‘’*_").lower())
        if not words and bare in openers:
            continue
        if bare in breaks or len(words) >= table["self_description_words"]:
            return _objective_target(opening, table, cues)
        words.append(word.strip('"“”‘*_'))
        if bare in cues:
            return " ".join(words)
    return _objective_target(opening, table, cues)


def _objective_target(opening: str, table: dict[str, Any], cues: set[str]) -> str | None:
    """The role a career objective names ("To work as a Data Scientist where ...", "Seeking a
    position as Data Analyst"), or None: the words after a marker (``[titles]
    objective_markers``: "as", "for", "aspiring"; the first that reaches one) up to a title cue
    within ``objective_words`` words, articles dropped. A resume with no dated title and no
    headline is read by the role its author names, as a headline "Aspiring Data Scientist" is."""
    markers = set(table["objective_markers"])
    articles = {"a", "an", "the"}
    words = [w.strip("\"'“”‘’*_") for w in opening.split()]
    for at, word in enumerate(words):
        if word.lower() not in markers:
            continue
        phrase: list[str] = []
        for follower in words[at + 1 : at + 1 + table["objective_words"]]:
            bare = re.sub(r"['’]s$", "", follower.lower())
            if not phrase and bare in articles:
                continue
            if bare in markers:
                break
            phrase.append(follower)
            if bare in cues:
                return " ".join(phrase)
    return None
