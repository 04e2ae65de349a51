"""Seniority on the seeds' ladder (entry -> mid -> senior -> lead) from titles, years and scope.

The latest position's title speaks first ("Senior", "Staff", "Head of", "Manager"), checked against
the years behind it so a two-year "Lead" is not called a veteran; with a plain title the years
decide, and "lead" without a lead title needs management scope in the text ("managed a team of 6").
Cue words and year thresholds are in ``lexicons/profile.toml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from resume_fit.profile.cues import folded, load_cues, may_occur
from resume_fit.profile.timeline import Position

LEVELS: tuple[str, ...] = ("entry", "mid", "senior", "lead")


@dataclass(frozen=True)
class Seniority:
    """A seniority estimate and why.

    Attributes:
        level: ``"entry"``, ``"mid"``, ``"senior"``, ``"lead"``; ``"unknown"`` with no dated work.
        reason: One sentence a reader can check.
    """

    level: str
    reason: str


def _has(words: list[str], text: str) -> bool:
    return any(pattern.search(text) for pattern in _word_patterns(tuple(words)))


@lru_cache(maxsize=16)
def _word_patterns(words: tuple[str, ...]) -> tuple[re.Pattern[str], ...]:
    # Compiled once per cue list: titles are checked on every resume.
    return tuple(re.compile(rf"(?<![\w]){re.escape(w)}(?![\w])", re.IGNORECASE) for w in words)


def title_level(title: str) -> str | None:
    """The level a title states ("Senior Data Scientist" -> "senior"); None for a plain one."""
    cues = load_cues()["seniority"]
    cleaned = title
    for phrase in cues.get("not_lead", []):
        cleaned = re.sub(re.escape(phrase), " ", cleaned, flags=re.IGNORECASE)
    if _has(cues["lead"], cleaned):
        return "lead"
    if _has(cues["senior"], title):
        return "senior"
    if _has(cues["entry"], title):
        return "entry"
    return None


def years_level(years: float) -> str:
    """The highest level whose year threshold ``years`` reaches."""
    thresholds = load_cues()["seniority"]["years"]
    level = "entry"
    for name in LEVELS:
        if years >= thresholds[name]:
            level = name
    return level


def scope_phrases(text: str, phrases: list[str] | tuple[str, ...]) -> tuple[str, ...]:
    """Each occurrence of a scope phrase in ``text`` (case-blind, whole words), in list order.

    Args:
        text: Experience (and summary) text.
        phrases: Cue phrases, e.g. ``[seniority].scope`` ("managed a team", "direct reports").
    """
    lowered = folded(text)
    found: list[str] = []
    for phrase in phrases:
        if may_occur(phrase, lowered):
            hits = re.findall(rf"\b{re.escape(phrase)}\b", text, re.IGNORECASE)
            found.extend([phrase] * len(hits))
    return tuple(found)


def estimate_seniority(
    positions: tuple[Position, ...],
    total_years: float | None,
    experience_text: str,
    titles: tuple[str, ...] = (),
    years_label: str = "years",
    title_in_field: bool = True,
) -> Seniority:
    """Estimate seniority.

    Args:
        positions: Dated positions; the one with the latest end is the current title.
        total_years: The years that count: the years in the field (``Profile.years_in_field``,
            placements and work outside the field left out), or the years the text states; None
            when unknown.
        experience_text: Text of the experience section(s), searched for management scope.
        titles: Headline titles, used as the current title when there are no positions.
        years_label: What the years are, for the reason ("years in the field").
        title_in_field: False when the latest position is outside the field (a "Head Chef"): its
            level is no rung on this ladder, so the years alone decide.

    Returns:
        The level and the reason.
    """
    cues = load_cues()["seniority"]
    thresholds = cues["years"]
    scope = len(scope_phrases(experience_text, cues["scope"]))
    if total_years is None:
        return Seniority("unknown", "no dated positions and no stated years of experience")
    if positions:
        latest_title = max(
            positions, key=lambda p: (p.span.present, p.span.last, p.span.first)
        ).title
    else:
        latest_title = titles[0] if titles else ""
    stated = title_level(latest_title) if title_in_field else None
    by_years = years_level(total_years)
    if by_years == "lead" and scope < cues["scope_for_lead"]:
        by_years = "senior"
    facts = f"{total_years:g} {years_label}; latest title {latest_title or 'not found'!r}"
    if stated == "lead":
        level = "lead" if total_years >= thresholds["mid"] else "mid"
    elif stated == "senior":
        level = "senior" if total_years >= thresholds["mid"] else "mid"
    elif stated == "entry":
        level = "entry" if total_years < thresholds["senior"] else "mid"
    else:
        level = by_years
        if (
            level == "senior"
            and scope >= cues["scope_for_lead"]
            and (total_years >= thresholds["lead"])
        ):
            level = "lead"
    title_note = (
        f"title says {stated}"
        if stated
        else "title states no level"
        if title_in_field
        else "title outside the field"
    )
    return Seniority(level, f"{facts} ({title_note}); {scope} management-scope phrase(s)")
