"""The experience timeline: total years, and years of use per skill, from the dated positions.

The positions come from ``positions.py``. A skill whose evidence falls inside a position's text is
credited with that position's span; overlapping spans count once. Without dated positions, the
years a text states ("5+ years of experience") stand in (``stated_years``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from resume_fit.extract.mention import SkillMention
from resume_fit.profile.date_span import merged_months
from resume_fit.profile.positions import Position


@dataclass(frozen=True)
class SkillYears:
    """How long and how recently a skill was used, from the dated positions that mention it.

    Attributes:
        id: Skill id.
        years: Years covered by the positions that mention it (overlaps counted once), 1 decimal.
        last_used: ``"present"`` or ``"YYYY-MM"`` of the latest such position's end.
        positions: Labels of the positions that mention it, in text order.
        derivation: One sentence on how the figure was derived.
    """

    id: str
    years: float
    last_used: str
    positions: tuple[str, ...]
    derivation: str


def total_years(positions: tuple[Position, ...]) -> float | None:
    """Years of experience: the union of all position spans, 1 decimal; None with no positions."""
    if not positions:
        return None
    return round(merged_months([p.span for p in positions]) / 12, 1)


def skill_years(
    skills: tuple[SkillMention, ...], positions: tuple[Position, ...]
) -> tuple[SkillYears, ...]:
    """Credit each skill with the spans of the positions whose text mentions it.

    Args:
        skills: Skills found, with evidence offsets.
        positions: Dated positions with their text ranges.

    Returns:
        One entry per skill mentioned inside at least one position, sorted by id.
    """
    result = []
    # Labels are formatted once per position, not once per skill that mentions it.
    position_labels = {id(p): p.label() for p in positions}
    for skill in skills:
        hits = [p for p in positions if any(p.start <= e.start < p.end for e in skill.evidence)]
        if not hits:
            continue
        months = merged_months([p.span for p in hits])
        latest = max(hits, key=lambda p: (p.span.present, p.span.last))
        last_used = "present" if latest.span.present else f"{latest.span.last:%Y-%m}"
        labels = tuple(position_labels[id(p)] for p in hits)
        plural = "position" if len(hits) == 1 else "positions"
        derivation = (
            f"mentioned in {len(hits)} dated {plural} ({'; '.join(labels)}); "
            f"{months} months counted once where they overlap"
        )
        result.append(SkillYears(skill.id, round(months / 12, 1), last_used, labels, derivation))
    return tuple(sorted(result, key=lambda s: s.id))


_STATED_YEARS = re.compile(
    r"(?<![\d.])(?P<n>\d{1,2}(?:\.\d)?)\s*(?P<plus>\+)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?"
    r"(?:years?|yrs?)\b(?P<tail>[^.;,\n]{0,40})",
    re.IGNORECASE,
)


def stated_years(text: str) -> tuple[float, str] | None:
    """Years of experience a text states ("5+ years of experience", "3-5 years building ML").

    Used when there are no dated positions (a job description, a resume without dates). A number
    counts when it has a "+" or "experience" follows it, so "a 2 year warranty" does not.

    Returns:
        The largest such number (the lower bound of a range) and the words it came from, or None.
    """
    best: tuple[float, str] | None = None
    for match in _STATED_YEARS.finditer(text):
        if not match["plus"] and not re.search(r"\bexperience\b", match["tail"], re.I):
            continue
        value = float(match["n"])
        if 0 < value <= 40 and (best is None or value > best[0]):
            best = (value, match.group(0).strip())
    return best
