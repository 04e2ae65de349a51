"""Years in the field: the dated positions that were technical, data or ML work.

Total years count every job; role fit reads the years that count for the role, so a career changer
with eight years in accounting and two as a data analyst is a two-year analyst, neither
over-experienced for Data Analyst nor a candidate for a leadership rung on years that were not in
the field. A position is in the field when its title holds one of ``[field].title_words``
(``lexicons/profile.toml``), or one of ``modifier_words`` with one of ``role_nouns`` ("Data" needs
"Scientist" or "Analyst": a "Data Entry Clerk" is clerical work), and none of
``not_field_titles``; or when its own text mentions at least ``min_skills`` distinct technical
skills (a programming language, library or database, or a skill at or under one of
``skill_roots``, the everyday office tools of ``not_field_skills`` left out). A role family listed
in ``[field.families]`` also counts positions whose title holds one of its own words (a data
analyst's "Analyst" years, a researcher's "Postdoctoral Fellow" years). Years are the union of the
counted spans, overlaps once, 1 decimal, like total years. Placements (internships,
assistantships, student posts: ``Position.placement``) are positions but never years in the field,
so they never make seniority, a rung or the experience component.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from resume_fit.extract.mention import SkillMention
from resume_fit.lexicon import Lexicon
from resume_fit.profile.cues import load_cues
from resume_fit.profile.date_span import merged_months
from resume_fit.profile.positions import Position

# The key of the general rule, which every family also counts.
GENERAL = ""


@dataclass(frozen=True)
class FieldYears:
    """The years one family of roles counts.

    Attributes:
        family: A role family of the catalogue (``"research"``), or ``""`` for the general rule
            (technical, data or ML work) that every family counts.
        years: Years covered by the positions counted, overlaps once, 1 decimal.
        positions: Labels of the positions counted, in text order.
    """

    family: str
    years: float
    positions: tuple[str, ...]


@dataclass(frozen=True)
class _Rule:
    title_words: tuple[re.Pattern[str], ...]
    modifier_words: tuple[re.Pattern[str], ...]
    role_nouns: tuple[re.Pattern[str], ...]
    not_field_titles: tuple[re.Pattern[str], ...]
    skill_categories: frozenset[str]
    skill_roots: frozenset[str]
    not_field_skills: frozenset[str]
    min_skills: int
    families: tuple[tuple[str, tuple[re.Pattern[str], ...]], ...]


def _patterns(words: Iterable[str]) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(rf"(?<![a-z0-9]){re.escape(w.lower())}(?![a-z0-9])") for w in words)


def field_rule(cues: dict[str, Any]) -> _Rule:
    """The rule of a cue file's ``[field]`` table (the shipped one by ``_shipped_rule``)."""
    table = cues.get("field", {})
    return _Rule(
        title_words=_patterns(table.get("title_words", [])),
        modifier_words=_patterns(table.get("modifier_words", [])),
        role_nouns=_patterns(table.get("role_nouns", [])),
        not_field_titles=_patterns(table.get("not_field_titles", [])),
        skill_categories=frozenset(table.get("skill_categories", [])),
        skill_roots=frozenset(table.get("skill_roots", [])),
        not_field_skills=frozenset(table.get("not_field_skills", [])),
        min_skills=int(table.get("min_skills", 2)),
        families=tuple(
            (family, _patterns(words))
            for family, words in sorted(table.get("families", {}).items())
        ),
    )


@lru_cache(maxsize=1)
def _shipped_rule() -> _Rule:
    return field_rule(load_cues())


def _titled(title: str, patterns: tuple[re.Pattern[str], ...]) -> bool:
    lowered = title.lower()
    return any(p.search(lowered) for p in patterns)


def title_in_field(title: str, rule: _Rule | None = None) -> bool:
    """True when a job title names technical, data or ML work: one of ``title_words``, or a
    ``modifier_words`` word with a ``role_nouns`` noun, and none of ``not_field_titles``.

    Args:
        title: A job title as written.
        rule: The ``[field]`` cues; the shipped ones when None.
    """
    rule = rule or _shipped_rule()
    if _titled(title, rule.not_field_titles):
        return False
    if _titled(title, rule.title_words):
        return True
    return _titled(title, rule.modifier_words) and _titled(title, rule.role_nouns)


def _technical(skill: SkillMention, rule: _Rule, lexicon: Lexicon | None) -> bool:
    if skill.id in rule.not_field_skills:
        return False
    if skill.category in rule.skill_categories or skill.id in rule.skill_roots:
        return True
    return lexicon is not None and bool(rule.skill_roots.intersection(lexicon.ancestors(skill.id)))


def _by_skills(
    positions: tuple[Position, ...],
    skills: tuple[SkillMention, ...],
    rule: _Rule,
    lexicon: Lexicon | None,
) -> list[bool]:
    technical = [s for s in skills if _technical(s, rule, lexicon)]
    counted = []
    for position in positions:
        found = {
            s.id
            for s in technical
            if any(position.start <= e.start < position.end for e in s.evidence)
        }
        counted.append(len(found) >= rule.min_skills)
    return counted


def field_years(
    positions: tuple[Position, ...],
    skills: tuple[SkillMention, ...],
    lexicon: Lexicon | None = None,
    rule: _Rule | None = None,
) -> tuple[FieldYears, ...]:
    """The years in the field, for the general rule and for each family with words of its own.

    Args:
        positions: The dated positions.
        skills: The skills found, with evidence offsets (a skill counts for a position when one of
            its evidence starts inside the position's text).
        lexicon: For the broader skills of a skill (``skill_roots``); without it only a skill's
            category and id are read.
        rule: The ``[field]`` cues; the shipped ones when None.

    Returns:
        The general entry (family ``""``) first, then one per family of ``[field.families]``, by
        name; empty when there are no positions.
    """
    if not positions:
        return ()
    rule = rule or _shipped_rule()
    professional = [not p.placement for p in positions]
    general = [
        paid and (titled or title_in_field(p.title, rule))
        for p, titled, paid in zip(
            positions, _by_skills(positions, skills, rule, lexicon), professional, strict=True
        )
    ]
    result = [_entry(GENERAL, positions, general)]
    for family, words in rule.families:
        own = [
            g or (paid and _titled(p.title, words) and not _titled(p.title, rule.not_field_titles))
            for p, g, paid in zip(positions, general, professional, strict=True)
        ]
        result.append(_entry(family, positions, own))
    return tuple(result)


def _entry(family: str, positions: tuple[Position, ...], counted: list[bool]) -> FieldYears:
    kept = [p for p, c in zip(positions, counted, strict=True) if c]
    years = round(merged_months([p.span for p in kept]) / 12, 1) if kept else 0.0
    return FieldYears(family, years, tuple(p.label() for p in kept))
