"""Score a resume against one job posting, with every point explained.

The same matcher as role fit with the posting's requirements in place of a role's: each item is
credited by ``resume_fit.match.credit`` (exact 1, narrower ``descendant_credit``, broader
``ancestor_credit``, the best option of a "one of" group). The score is the sum of six components,
``weight x value``, with the weights of ``[scoring].weights`` in ``lexicons/posting.toml``
normalised to 100 points:

* **required**: weighted mean credit over the required items (soft-skill-only items weigh
  ``soft_skill_weight``, or 0: see below), divided by at least ``min_required_items`` (a posting
  naming one known skill says little about the job); 0 when the posting names no required skill
  the lexicon knows.
* **preferred**: the same over the preferred items; a posting naming none counts the required value
  (so a short posting is not a free 20 points).
* **evidence**: over the required items, credit x strength (1 demonstrated, ``listed_evidence``
  listed), averaged with the same weights.
* **experience**: years vs asked. Overall: ``min(1, years / asked)`` with the years in the field
  (``Profile.years_in_field()``: technical, data or ML positions, placements left out, as role fit
  and seniority read them; ``unknown_years_value`` without dated positions or stated years); per
  skill asked with years ("3+ years of Python"): ``min(1, years of that skill / asked)``,
  ``unknown_skill_years_value`` for a skill met without dated use, 0 for one missing; the mean of
  the two parts when both are asked.
* **education**: degree vs asked: 1 at or above the preferred degree, ``minimum_education_value`` at
  the minimum (below the preferred, or with no degree found when none is required), 0 below,
  ``unknown_education_value`` when no degree was found and one is required.

A component the posting asks nothing of (no years, no degree named) is worth 0 points and its
points are spread over the others pro rata: whether a posting states years or a degree says
nothing about the fit. Soft-skill-only items (communication, leadership) are shown and credited
but weigh 0 unless the posting's title is at the lead level or the catalogue's
``posting_soft_skills`` is set, as role fit reads a posting: nearly every posting asks them.
* **title**: title and seniority: ``title_words_share`` x the share of the posting title's words
  found in the latest job title (an earlier title counts ``earlier_title_value``), plus the rest x
  the seniority value (same level 1, one apart ``adjacent_level_value``, unknown
  ``unknown_level_value``, else 0).

Experience, education and title are multiplied by the required value (``gate_by_required``), so
years and a degree never make a fit on their own. Contributions are rounded
to 2 decimals and the score is their sum rounded to 1 decimal, so the score recomputes exactly from
the components.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from resume_fit.extract.mention import SkillMention
from resume_fit.lexicon import Lexicon
from resume_fit.match.components import ScoreComponent, evidence_component, profile_components
from resume_fit.match.credit import (
    LISTED,
    RequirementResult,
    SkillCredit,
    credit_items,
    item_weight,
)
from resume_fit.match.index import normal_phrase
from resume_fit.match.plan import related_skill
from resume_fit.match.role_fit import present_skills
from resume_fit.posting import PREFERRED, REQUIRED, JobPosting, PostingRequirement
from resume_fit.posting.cues import load_posting_cues
from resume_fit.profile import Profile
from resume_fit.profile.education import EDUCATION_LEVELS
from resume_fit.profile.seniority import LEVELS, title_level
from resume_fit.roles import COMPONENTS, Scoring

MET = "met"
PARTLY_MET = "partly met"
MISSING = "missing"


@dataclass(frozen=True)
class PostingScoring:
    """The posting score settings (``[scoring]`` of ``lexicons/posting.toml``).

    Attributes:
        points: Points per component (``resume_fit.roles.COMPONENTS``), adding up to 100.
        title_words_share: Share of the title component given to the title's words.
        adjacent_level_value: Seniority value one level apart.
        unknown_level_value: Seniority value when either level is unknown.
        unknown_skill_years_value: Per-skill years value for a skill met without dated use.
        min_required_items: The required mean divides by at least this total weight.
        title_stopwords: Words of a title that do not name the job.
    """

    points: Mapping[str, float]
    title_words_share: float
    adjacent_level_value: float
    unknown_level_value: float
    unknown_skill_years_value: float
    title_stopwords: frozenset[str]
    min_required_items: float = 0.0


def posting_scoring(table: Mapping[str, Any] | None = None) -> PostingScoring:
    """The settings from a ``[scoring]`` table (the shipped one when None)."""
    table = load_posting_cues().scoring if table is None else table
    weights = table["weights"]
    total = sum(float(weights.get(name, 0.0)) for name in COMPONENTS)
    return PostingScoring(
        points={name: float(weights.get(name, 0.0)) * 100 / total for name in COMPONENTS},
        title_words_share=float(table["title_words_share"]),
        adjacent_level_value=float(table["adjacent_level_value"]),
        unknown_level_value=float(table["unknown_level_value"]),
        unknown_skill_years_value=float(table["unknown_skill_years_value"]),
        title_stopwords=frozenset(table["title_stopwords"]),
        min_required_items=float(table.get("min_required_items", 0)),
    )


@dataclass(frozen=True)
class RequirementMatch:
    """One posting requirement and how the resume meets it.

    Attributes:
        requirement: What the posting asks.
        result: The credit (``met_by``, ``via``, ``usage``) as role fit computes it.
        evidence: The resume's evidence for ``result.met_by`` (empty when missing).
        years: Years the resume shows with ``met_by`` (None when unknown or missing).
    """

    requirement: PostingRequirement
    result: RequirementResult
    evidence: tuple[Any, ...] = ()
    years: float | None = None

    @property
    def status(self) -> str:
        """``"met"`` (the skill itself), ``"partly met"`` (narrower or broader) or ``"missing"``."""
        if self.result.via == "exact":
            return MET
        return PARTLY_MET if self.result.via else MISSING


@dataclass(frozen=True)
class Advice:
    """One tailoring suggestion.

    Attributes:
        kind: ``"adjacent"`` (a missing skill next to one the resume shows), ``"new"`` (missing
            with nothing related) or ``"show"`` (met, but only listed: show it in experience).
        skill: The skill id the advice is about.
        related: For ``adjacent``, the resume's skill it is next to; for ``show``, the requirement
            option it meets; else "".
        requirement: ``"required"`` or ``"preferred"``.
    """

    kind: str
    skill: str
    related: str
    requirement: str


@dataclass(frozen=True)
class PostingFit:
    """How well a resume fits one posting.

    Attributes:
        title: The posting's title ("" when none).
        source: The posting's source.
        score: 0-100, 1 decimal; the sum of the component contributions.
        components: The score components, in ``COMPONENTS`` order.
        requirements: One match per requirement, required first, in posting order.
        unrecognised: Requirement lines naming no known skill (from the posting).
        advice: Tailoring advice: adjacent missing skills, new ones, and listed-only skills.
        why: One short line.
    """

    title: str
    source: str
    score: float
    components: tuple[ScoreComponent, ...]
    requirements: tuple[RequirementMatch, ...]
    unrecognised: tuple[Any, ...]
    advice: tuple[Advice, ...]
    why: str

    def component(self, name: str) -> ScoreComponent:
        """The component called ``name``."""
        return next(c for c in self.components if c.name == name)

    @property
    def required(self) -> tuple[RequirementMatch, ...]:
        """Matches of the required items."""
        return tuple(m for m in self.requirements if m.requirement.kind == REQUIRED)

    @property
    def preferred(self) -> tuple[RequirementMatch, ...]:
        """Matches of the preferred items."""
        return tuple(m for m in self.requirements if m.requirement.kind == PREFERRED)

    @property
    def missing_required(self) -> tuple[str, ...]:
        """Labels of the required items not met (partly met ones count as met)."""
        return tuple(m.requirement.label for m in self.required if m.status == MISSING)


_component = ScoreComponent.earned


def _mean(
    results: list[RequirementResult], weights: list[float], floor: float = 0.0
) -> tuple[float, float]:
    total = max(sum(weights), floor) if results else 0.0
    credit = sum(r.credit * w for r, w in zip(results, weights, strict=True))
    return (credit / total if total else 0.0), credit


def _experience(
    posting: JobPosting,
    matches: list[RequirementMatch],
    profile: Profile,
    scoring: Scoring,
    settings: PostingScoring,
) -> tuple[float, str]:
    parts: list[float] = []
    notes: list[str] = []
    if posting.years is not None:
        # The years in the field, as role fit and seniority read them: a posting's "5+ years" asks
        # for years of the work, not of any job or of internships.
        years = profile.years_in_field()
        if years is None:
            parts.append(scoring.unknown_years_value)
            notes.append(
                f"years unknown ({scoring.unknown_years_value:g}) vs {posting.years:g} asked"
            )
        else:
            parts.append(min(1.0, years / posting.years))
            total = profile.total_years
            field = (
                "" if total is None or total == years else f" in the field (of {total:g} in all)"
            )
            notes.append(f"{years:g}{field} of {posting.years:g} years asked")
    asked = [m for m in matches if m.requirement.years]
    if asked:
        values = []
        for match in asked:
            years = match.requirement.years or 0.0
            if match.status == MISSING:
                values.append(0.0)
            elif match.years is None:
                values.append(settings.unknown_skill_years_value)
            else:
                values.append(min(1.0, match.years / years))
        parts.append(sum(values) / len(values))
        notes.append(
            "per skill "
            + ", ".join(
                f"{m.requirement.options[0]} {m.years if m.years is not None else '?'}"
                f"/{m.requirement.years:g}y"
                for m in asked
            )
            + f" ({parts[-1]:.2f})"
        )
    if not parts:
        return 1.0, "no years asked"
    return sum(parts) / len(parts), "; ".join(notes)


def _education(posting: JobPosting, profile: Profile, scoring: Scoring) -> tuple[float, str]:
    minimum, preferred = posting.degree, posting.degree_preferred or posting.degree
    if preferred is None:
        return 1.0, "no degree asked"
    highest = profile.education.highest
    asked = f"{minimum} asked" if minimum else f"none required, {preferred} preferred"
    if highest == "none":
        if minimum is None:
            return scoring.minimum_education_value, (
                f"no degree found; {asked} ({scoring.minimum_education_value:g})"
            )
        return scoring.unknown_education_value, (
            f"no degree found ({scoring.unknown_education_value:g}); {asked}"
        )
    rank = EDUCATION_LEVELS.index(highest)
    if rank >= EDUCATION_LEVELS.index(preferred):
        return 1.0, f"{highest} meets the {preferred} asked"
    if minimum is None or rank >= EDUCATION_LEVELS.index(minimum):
        return scoring.minimum_education_value, (
            f"{highest} meets the minimum ({minimum or 'none'}), below the preferred {preferred}"
        )
    return 0.0, f"{highest} is below the {minimum} asked"


def _title_words(title: str, settings: PostingScoring) -> list[str]:
    return [w for w in normal_phrase(title).split() if w not in settings.title_stopwords]


def _title(
    posting: JobPosting, profile: Profile, scoring: Scoring, settings: PostingScoring
) -> tuple[float, str]:
    words = _title_words(posting.title, settings)
    title_value, title_note = 0.0, "no job title to compare"
    if words and profile.titles:
        title_value, title_note = 0.0, f"no title shares words with {posting.title!r}"
        for rank, title in enumerate(profile.titles):
            written = set(normal_phrase(title).split())
            share = sum(1 for w in words if w in written) / len(words)
            value = share if rank == 0 else share * scoring.earlier_title_value
            if value > title_value:
                which = "latest" if rank == 0 else "earlier"
                title_value = value
                title_note = f"{which} title {title!r} has {share:.0%} of the posting title's words"
    elif not words:
        title_note = "the posting has no title"
    asked, have = posting.seniority, profile.seniority
    if asked not in LEVELS or have not in LEVELS:
        level_value = settings.unknown_level_value
        level_note = f"seniority {have} vs {asked} ({level_value:g})"
    else:
        gap = abs(LEVELS.index(asked) - LEVELS.index(have))
        level_value = 1.0 if gap == 0 else settings.adjacent_level_value if gap == 1 else 0.0
        level_note = f"seniority {have} vs {asked} asked ({level_value:g})"
    share = settings.title_words_share
    value = share * title_value + (1 - share) * level_value
    return value, f"{title_note}; {level_note}"


def _advice(
    matches: list[RequirementMatch], present: Mapping[str, str], lexicon: Lexicon
) -> tuple[Advice, ...]:
    advice: list[Advice] = []
    seen: set[str] = set()
    for match in matches:
        kind = match.requirement.kind
        if match.status == MISSING or match.result.via == "broader":
            # Missing, or only a broader skill: the asked skill itself is worth adding.
            options = [o for o in match.requirement.options if o not in seen]
            related = [(o, related_skill(o, present, lexicon)) for o in options]
            near = next(((o, r) for o, r in related if r), None)
            if near is not None:
                advice.append(Advice("adjacent", near[0], near[1], kind))
                seen.add(near[0])
            elif options:
                advice.append(Advice("new", options[0], "", kind))
                seen.add(options[0])
        elif match.result.usage == LISTED and match.result.met_by not in seen:
            advice.append(Advice("show", match.result.met_by, match.result.option, kind))
            seen.add(match.result.met_by)
    order = {"adjacent": 0, "show": 1, "new": 2}
    return tuple(sorted(advice, key=lambda a: (order[a.kind], a.requirement != REQUIRED)))


def _points(posting: JobPosting, settings: PostingScoring) -> Mapping[str, float]:
    """Points per component for this posting: a component the posting asks nothing of (no
    years, no degree) is worth 0 and its points go to the others pro rata, so a posting that
    leaves them out neither gives them away nor withholds them."""
    unasked = set()
    if posting.years is None and not any(r.years for r in posting.requirements):
        unasked.add("experience")
    if posting.degree_preferred is None and posting.degree is None:
        unasked.add("education")
    kept = sum(v for k, v in settings.points.items() if k not in unasked)
    return {k: 0.0 if k in unasked else v * 100 / kept for k, v in settings.points.items()}


def score_posting(
    skills: tuple[SkillMention, ...],
    profile: Profile,
    posting: JobPosting,
    lexicon: Lexicon,
    scoring: Scoring,
    settings: PostingScoring | None = None,
    credit: SkillCredit | None = None,
) -> PostingFit:
    """Score a resume against one posting.

    Args:
        skills: Skills found in the resume (only these count as present).
        profile: Years, education, titles and seniority of the resume.
        posting: The parsed posting.
        lexicon: The skill graph, for narrower/broader credit and adjacency.
        scoring: Credits and defaults (the catalogue's ``[scoring]``, shared with role fit).
        settings: Component weights and title settings; ``posting_scoring()`` when None.
        credit: A ``SkillCredit`` for these skills to reuse across postings (built when None).

    Returns:
        The fit, with every component, requirement match and piece of advice.
    """
    settings = settings if settings is not None else posting_scoring()
    present = present_skills(skills, profile, lexicon, scoring)
    credit = credit if credit is not None else SkillCredit(present, lexicon, scoring)
    by_id = {s.id: s for s in skills}
    required_items = [(r.options, r.label) for r in posting.required]
    preferred_items = [(r.options, r.label) for r in posting.preferred]
    required = credit_items(REQUIRED, tuple(required_items), credit)
    preferred = credit_items(PREFERRED, tuple(preferred_items), credit)
    matches = []
    for requirement, result in zip(
        (*posting.required, *posting.preferred), (*required, *preferred), strict=True
    ):
        found = profile.years_for(result.met_by) if result.met_by else None
        evidence = by_id[result.met_by].evidence if result.met_by in by_id else ()
        matches.append(
            RequirementMatch(requirement, result, evidence, found.years if found else None)
        )
    # As in role fit's reading of a posting: its soft skills are generic text unless the job is
    # leading people (or the catalogue says they count).
    soft_counts = scoring.posting_soft_skills or title_level(posting.title) == "lead"
    req_weights = [
        item_weight(r.options, lexicon, scoring, soft_counts=soft_counts) for r in posting.required
    ]
    pref_weights = [
        item_weight(r.options, lexicon, scoring, soft_counts=soft_counts) for r in posting.preferred
    ]
    req_value, req_credit = _mean(required, req_weights, settings.min_required_items)
    req_total = max(sum(req_weights), settings.min_required_items)
    pref_value, pref_credit = _mean(preferred, pref_weights)
    met_req = sum(1 for m in matches[: len(required)] if m.status != MISSING)
    met_pref = sum(1 for m in matches[len(required) :] if m.status != MISSING)
    if sum(pref_weights):
        pref_detail = f"{met_pref} of {len(preferred)} preferred met; credit {pref_credit:.2f}"
    else:
        pref_value = req_value
        pref_detail = "the posting names no preferred skill: counts as the required value"
    points = _points(posting, settings)
    components = (
        _component(
            "required",
            points["required"],
            req_value,
            f"{met_req} of {len(required)} required met or partly met; credit {req_credit:.2f} "
            f"/ {req_total:g}"
            + (
                f" (at least {settings.min_required_items:g} items)"
                if req_total > sum(req_weights)
                else ""
            )
            + ("; soft skills shown, not scored" if 0.0 in req_weights else "")
            if required
            else "the posting names no required skill the lexicon knows",
        ),
        _component("preferred", points["preferred"], pref_value, pref_detail),
        evidence_component(points["evidence"], required, req_weights, req_total, scoring),
        *profile_components(
            points,
            scoring,
            req_value,
            {
                "experience": _experience(posting, matches, profile, scoring, settings),
                "education": _education(posting, profile, scoring),
                "title": _title(posting, profile, scoring, settings),
            },
        ),
    )
    score = round(sum(c.contribution for c in components), 1)
    missing = [m.requirement.label for m in matches[: len(required)] if m.status == MISSING]
    why = f"{met_req}/{len(required)} required"
    if missing:
        why += f" (missing {', '.join(missing[:2])}{' ...' if len(missing) > 2 else ''})"
    why += f"; {met_pref}/{len(preferred)} preferred"
    if posting.years is not None and profile.total_years is not None:
        why += f"; {profile.total_years:g}y vs {posting.years:g}y asked"
    return PostingFit(
        title=posting.title,
        source=posting.source,
        score=score,
        components=components,
        requirements=tuple(matches),
        unrecognised=posting.unrecognised,
        advice=_advice(matches, present, lexicon),
        why=why,
    )
