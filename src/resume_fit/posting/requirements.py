"""From a posting's skills, sections and clauses to its requirements.

Each skill the extract stage found (with its evidence) becomes a requirement:

* **kind**: ``preferred`` when its clause has a preferred cue ("nice to have", "a plus",
  "familiarity with") or it sits in a nice-to-have section without a hard required cue ("must");
  otherwise ``required`` (requirements, responsibilities, title, or no section). Skills in the
  company's "about us" and in the benefits are not requirements.
* **one of** groups: skills in one clause joined only by "or", "/", "|" (and commas before a final
  "or": "Python, Scala or Java") are one item any option of which meets it.
* **years**: "3+ years of Python" gives the years to every skill of its clause; the years asked
  overall are the largest such figure.
* **degree**: the lowest and highest degree levels named outside about/benefits.
* A degree's field ("BS in Computer Science") is not a skill requirement.

Requirement clauses in requirements and nice-to-have sections that name no known skill, degree or
years are kept as unrecognised requirements.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from resume_fit.extract.mention import SkillMention
from resume_fit.parse.sections import normalise_heading
from resume_fit.posting.cues import PostingCues
from resume_fit.posting.job_posting import (
    PREFERRED,
    REQUIRED,
    AskedEvidence,
    PostingRequirement,
    PostingSection,
    UnrecognisedRequirement,
)
from resume_fit.profile.education import EDUCATION_LEVELS, degree_levels, find_degrees

# Sections whose skills describe the employer or the offer, not the candidate.
NOT_ASKED = frozenset({"about", "benefits"})
# Where the job is described rather than the candidate: a field or method named there ("you will
# shape our data science roadmap") is asked only when its clause has a cue; tools always are.
DESCRIBING = frozenset({"responsibilities", "other"})
DESCRIPTIVE_CATEGORIES = frozenset({"field", "method"})
_YEARS = re.compile(
    r"(?<![\d.])(?P<n>\d{1,2}(?:\.\d)?)\s*\+?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?"
    r"(?:years?|yrs?)(?!\s+old)\b",
    re.IGNORECASE,
)
_MAX_ASKED_YEARS = 20
_MAX_UNRECOGNISED = 40


def _clause_of(clauses: Sequence[tuple[int, int]], offset: int) -> int:
    lo, hi = 0, len(clauses) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        start, end = clauses[mid]
        if offset < start:
            hi = mid - 1
        elif offset >= end:
            lo = mid + 1
        else:
            return mid
    return max(0, min(lo, len(clauses) - 1))


def _section_at(sections: Sequence[PostingSection], offset: int) -> str:
    for section in sections:
        if section.start <= offset < section.end:
            return section.kind
    return "other"


def _kind(clause: str, section: str, cues: PostingCues) -> tuple[str, str]:
    preferred = cues.preferred.search(clause)
    if preferred:
        return PREFERRED, f"cue {preferred.group(0).lower()!r}"
    if section == "nice_to_have":
        hard = cues.hard_required.search(clause)
        if hard:
            return REQUIRED, f"cue {hard.group(0).lower()!r}"
        return PREFERRED, "nice-to-have section"
    required = cues.required.search(clause)
    if required:
        return REQUIRED, f"cue {required.group(0).lower()!r}"
    return REQUIRED, f"{section.replace('_', ' ')} section"


def _joins(gap: str, cues: PostingCues) -> str:
    """How ``gap`` joins two skills: ``"or"`` (options), ``"eg"`` (examples follow: "(", "such
    as", "e.g."), ``","`` (a list comma) or ``""`` (not joined)."""
    if ")" in gap:
        return ""
    example = cues.examples.search(gap)
    if "(" in gap or example:
        left = cues.examples.sub(" ", gap.replace("(", " ")).replace(",", " ").replace(":", " ")
        return "eg" if len(left.split()) <= 1 else ""
    words = re.sub(r"[,]", " , ", gap).split()
    if not words:
        return "or" if "/" in gap or "|" in gap else ""
    if all(w == "," for w in words):
        return ","
    rest = [w for w in words if w != ","]
    if len(rest) <= 2 and all(w.lower() in cues.either or w in "/|" for w in rest):
        return "or"
    return ""


def _groups(
    mentions: list[tuple[int, int, str, str]], text: str, cues: PostingCues
) -> list[list[tuple[int, int, str, str]]]:
    """Split a clause's mentions (sorted by offset) into items: single skills or "one of" groups."""
    runs: list[list[tuple[int, int, str, str]]] = []
    links: list[list[str]] = []
    for mention in mentions:
        if runs:
            link = _joins(text[runs[-1][-1][1] : mention[0]], cues)
            if link:
                runs[-1].append(mention)
                links[-1].append(link)
                continue
        runs.append([mention])
        links.append([])
    items: list[list[tuple[int, int, str, str]]] = []
    for run, run_links in zip(runs, links, strict=True):
        if run_links and run_links[-1] == "or" and "eg" not in run_links:
            items.append(run)  # "Python, Scala or Java": all options
            continue
        current = [run[0]]
        examples = False  # inside "cloud platforms (AWS, GCP, Azure)": one item
        for mention, link in zip(run[1:], run_links, strict=True):
            examples = examples or link == "eg"
            if link in ("or", "eg") or (examples and link == ","):
                current.append(mention)
            else:
                items.append(current)
                current = [mention]
        items.append(current)
    return items


def _label(options: tuple[str, ...]) -> str:
    return "one of " + " / ".join(options) if len(options) > 1 else options[0]


def asked_years(clause: str) -> float | None:
    """The years a clause asks ("3+ years", "2-4 years": the lower bound), None when none."""
    found = [float(m["n"]) for m in _YEARS.finditer(clause)]
    found = [y for y in found if 0 < y <= _MAX_ASKED_YEARS]
    return max(found) if found else None


def _years_in(text: str, start: int, end: int) -> list[tuple[int, int, float]]:
    """``(start, end, years)`` of each years asked in ``text[start:end]``, in text offsets."""
    found = []
    for match in _YEARS.finditer(text, start, end):
        years = float(match["n"])
        if 0 < years <= _MAX_ASKED_YEARS:
            found.append((match.start(), match.end(), years))
    return found


def _nearest_years(asked: list[tuple[int, int, float]], start: int, end: int) -> float | None:
    """The years asked nearest to the skills at ``start:end`` of a clause ("5+ years of Python
    and 3 years of Spark": 5 for Python, 3 for Spark); one figure in a clause is every skill's."""
    if not asked:
        return None

    def gap(item: tuple[int, int, float]) -> tuple[int, bool]:
        # Before the skill ("3 years of Python") wins a tie over after it ("Python (3 years)").
        if item[1] <= start:
            return start - item[1], False
        return max(0, item[0] - end), True

    return min(asked, key=gap)[2]


def _names_degree(clause: str, cues: PostingCues) -> bool:
    return bool(find_degrees(clause) or cues.bare_degree.search(clause))


def extract_requirements(
    text: str,
    sections: Sequence[PostingSection],
    clauses: Sequence[tuple[int, int]],
    skills: Sequence[SkillMention],
    cues: PostingCues,
) -> tuple[tuple[PostingRequirement, ...], tuple[UnrecognisedRequirement, ...]]:
    """The posting's requirements (required first, then preferred) and unrecognised lines.

    Args:
        text: The posting's text (the offsets of ``skills`` and ``sections`` point into it).
        sections: From ``find_sections``.
        clauses: From ``find_clauses``.
        skills: Skills found in ``text`` by the extract stage.
        cues: Cue words.
    """
    degree_clauses = {
        index for index, (start, end) in enumerate(clauses) if _names_degree(text[start:end], cues)
    }
    by_clause: dict[int, list[tuple[int, int, str, str]]] = {}
    category = {skill.id: skill.category for skill in skills}
    for skill in skills:
        for place in skill.evidence:
            index = _clause_of(clauses, place.start)
            if skill.category == "field" and index in degree_clauses:
                continue  # the subject of a degree asked, not a skill
            by_clause.setdefault(index, []).append((place.start, place.end, skill.id, place.text))
    found: dict[tuple[str, ...], PostingRequirement] = {}
    for index in sorted(by_clause):
        start, end = clauses[index]
        section = _section_at(sections, start)
        if section in NOT_ASKED:
            continue
        clause = " ".join(text[start:end].split()).strip(" -–•*·")
        kind, reason = _kind(clause, section, cues)
        asked = _years_in(text, start, end)
        mentions = sorted(set(by_clause[index]))
        if section in DESCRIBING and reason.endswith("section"):
            mentions = [m for m in mentions if category[m[2]] not in DESCRIPTIVE_CATEGORIES]
        for group in _groups(mentions, text, cues):
            options = tuple(dict.fromkeys(m[2] for m in group))
            places = tuple(AskedEvidence(section, m[3], m[0], m[1], clause) for m in group)
            years = _nearest_years(asked, group[0][0], group[-1][1])
            _add(found, PostingRequirement(kind, options, _label(options), years, places, reason))
    requirements = sorted(found.values(), key=lambda r: (r.kind != REQUIRED, r.evidence[0].start))
    return tuple(requirements), _unrecognised(text, sections, clauses, by_clause, cues)


def _add(found: dict[tuple[str, ...], PostingRequirement], item: PostingRequirement) -> None:
    known = found.get(item.options)
    if known is None:
        found[item.options] = item
        return
    # Asked twice: required wins over preferred, the first place stays first, years are kept.
    kind = REQUIRED if REQUIRED in (known.kind, item.kind) else PREFERRED
    first = known if known.kind == kind else item
    years = max((y for y in (known.years, item.years) if y is not None), default=None)
    found[item.options] = PostingRequirement(
        kind,
        known.options,
        known.label,
        years,
        (
            *first.evidence,
            *(e for e in (known.evidence + item.evidence) if e not in first.evidence),
        ),
        first.reason,
    )


_BULLET_MARKS = frozenset("-–•*·")


def _list_item(text: str, start: int, end: int, clause: str) -> bool:
    """True when the clause is a whole bulleted line ("- Spark"): an item the employer listed,
    however short, not a fragment of a sentence or a label ("Tools:")."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line = text[line_start : len(text) if line_end < 0 else line_end].strip()
    return (
        line[:1] in _BULLET_MARKS
        and not line.endswith(":")
        and " ".join(line.split()).strip(" -–•*·:") == clause
        and any(c.isalpha() for c in clause)
    )


def _unrecognised(
    text: str,
    sections: Sequence[PostingSection],
    clauses: Sequence[tuple[int, int]],
    by_clause: dict[int, list[tuple[int, int, str, str]]],
    cues: PostingCues,
) -> tuple[UnrecognisedRequirement, ...]:
    kept = []
    for index, (start, end) in enumerate(clauses):
        section = _section_at(sections, start)
        if section not in ("requirements", "nice_to_have") or index in by_clause:
            continue
        clause = " ".join(text[start:end].split()).strip(" -–•*·:")
        words = len(clause.split())
        if not words or cues.ignore.search(clause):
            continue
        if words < cues.unrecognised_min_words and not _list_item(text, start, end, clause):
            continue
        if _names_degree(clause, cues) or normalise_heading(clause) in cues.headings:
            continue
        kind, _ = _kind(clause, section, cues)
        if len(clause) > cues.unrecognised_max_chars:
            clause = clause[: cues.unrecognised_max_chars - 1].rstrip() + "…"
        kept.append(UnrecognisedRequirement(kind, clause, start))
        if len(kept) >= _MAX_UNRECOGNISED:
            break
    return tuple(kept)


# The parts of a clause a degree cue is read in: "Bachelor's or Master's (Master's preferred)"
# prefers the Master's only.
_DEGREE_PARTS = re.compile(r"[;()\[\]]|,\s|\s(?:or|and/or)\s", re.IGNORECASE)


def degree_asks(clause: str, section: str, cues: PostingCues) -> list[tuple[str, bool]]:
    """``(level, preferred)`` for every degree level a clause names.

    A level is preferred in a nice-to-have section (unless a hard cue keeps it required), next
    to a preferred cue in its part of the clause, or when the clause lets experience stand in for
    the degree; a degree named without a level is ``cues.bare_degree_level``.
    """
    clause_preferred = bool(cues.equivalent.search(clause)) or (
        section == "nice_to_have" and not cues.hard_required.search(clause)
    )
    asks: list[tuple[str, bool]] = []
    for part in _DEGREE_PARTS.split(clause):
        levels = degree_levels(part)
        if not levels and cues.bare_degree.search(part):
            levels = (cues.bare_degree_level,)
        preferred = clause_preferred or bool(cues.preferred.search(part))
        asks.extend((level, preferred) for level in levels)
    return asks


def asked_degree(
    text: str,
    sections: Sequence[PostingSection],
    clauses: Sequence[tuple[int, int]],
    cues: PostingCues,
) -> tuple[str | None, str | None]:
    """``(minimum, preferred)`` degree level the posting asks outside about/benefits.

    The minimum is the lowest level named as required (None when every degree named is only
    preferred); the preferred is the highest level named at all (None when none is). Read clause
    by clause, so "a Bachelor's degree; Master's preferred" gives both levels.
    """
    asks = [
        ask
        for start, end in clauses
        if (section := _section_at(sections, start)) not in NOT_ASKED
        for ask in degree_asks(" ".join(text[start:end].split()), section, cues)
    ]
    if not asks:
        return None, None
    required = [level for level, preferred in asks if not preferred]
    minimum = min(required, key=EDUCATION_LEVELS.index) if required else None
    return minimum, max((level for level, _ in asks), key=EDUCATION_LEVELS.index)


def overall_years(
    text: str, sections: Sequence[PostingSection], clauses: Sequence[tuple[int, int]]
) -> tuple[float | None, str]:
    """The largest years of experience asked outside about/benefits, and the clause it is in."""
    best: tuple[float, str] | None = None
    for start, end in clauses:
        if _section_at(sections, start) in NOT_ASKED:
            continue
        clause = " ".join(text[start:end].split())
        years = asked_years(clause)
        if years is not None and (best is None or years > best[0]):
            best = (years, clause)
    return (best[0], best[1]) if best is not None else (None, "")
