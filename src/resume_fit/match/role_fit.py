"""Score a resume against every role of the catalogue, with every point explained.

The score of a role is the sum of six components, each ``weight x value`` where the weights are the
role's (``[scoring].weights`` in ``lexicons/roles.toml`` with per-role overrides), normalised to 100
points, and each value is between 0 and 1:

* **required**: weighted mean credit over the required items (an item made only of soft skills
  weighs ``soft_skill_weight``, others 1). An item is one skill or a "one of" group; its
  credit is the best credit of its options: 1 when the skill was found, ``descendant_credit`` when
  only a narrower skill was found (PyTorch for "deep learning", through ``Lexicon.ancestors``),
  ``ancestor_credit`` when only a broader one was found ("deep learning" for PyTorch), else 0.
* **preferred**: the same mean over the preferred items (1 when the role lists none).
* **evidence**: over the required items, credit x strength, averaged with the same weights,
  where strength is 1 for a skill
  shown in experience or projects ("demonstrated") and ``listed_evidence`` for one only listed;
  an item takes its best support (``SkillCredit.shown``): "statistics" listed but "hypothesis
  testing" used in a job shows it at ``descendant_credit``.
* **experience**: ``min(1, years / min_years)``, where years are the years in the field for the
  role's family (``Profile.years_in_field``: technical, data or ML positions, and the family's own
  kind of work, ``resume_fit.profile.field``), not every year of work (1 when the role expects no
  minimum; ``unknown_years_value`` for every role when the resume has no dated positions and
  states no years); for a role with ``max_years``
  (an entry role a veteran is over-qualified for), ``max(0, 1 - (years - max) / max)`` above it;
  times the required value when ``gate_by_required`` is set, so years only count as far as the
  skills do.
* **education**: 1 at or above the preferred level, ``minimum_education_value`` at or above the
  minimum, 0 below it, ``unknown_education_value`` when no degree was found; for a role expecting
  publications, the mean of that and ``min(1, publications / expected)``; gated like experience.
* **title**: 1 when the latest job title (or, without dated positions, a headline such as a job
  posting's first line) contains one of the role's ``titles``, ``earlier_title_value`` when an
  earlier title does (0 for an entry role with ``max_years`` when the latest title, naming it
  not, is in the field: a Data Analyst who became a data scientist took that step), else 0;
  gated like experience. A resume's title weighs
  ``resume_title_factor`` times the catalogue's ``title`` weight before the weights are normalised.

A role with a ``gate`` (rungs: lead, manager, head-of, architects; specialisms: computer vision,
NLP, research) has a seventh component named after the gate's kind (``rung`` or ``focus``): its
weight is minus the points the six components earned, its value the share of them taken back,
``discount x (1 - evidence)`` (``rung_discount`` / ``focus_discount``; the evidence is defined in
``resume_fit.match.gates``). A gated role without full evidence is also capped: ``match_roles``
keeps its score ``gate_margin`` under the best score of its ``base`` roles, taking the extra points
back in the same component (its detail says so), so Lead Data Scientist never outranks Data
Scientist on a junior or undated resume, nor NLP Engineer ML Engineer on one NLP project.

A role with ``core`` skills (the ones that make it an ML, AI or vision role at all: machine
learning for ML Engineer, computer vision for Computer Vision Engineer) has a ``core`` component
after the six, before the gate's: 0 when one of them or a narrower skill was found (its detail
names which), else minus ``core_discount`` of the points earned, so an SRE's Kubernetes, Python and
CI/CD do not make an ML Engineer or an ML Platform Engineer fit. A gate then weighs what is left.

A job posting (``Profile.posting``) is read as a posting: a skill named only in its company
boilerplate (about us, benefits, equal-opportunity text) does not count, one in its requirements or
duties counts as shown (``demonstrated``), one only under "nice to have" as ``listed``; its soft
skills count only when ``posting_soft_skills`` is set or its title is a lead one; its title weighs
``posting_title_factor`` times as much before the weights are normalised and is not gated by the
required value (the title is what the posting is for); and its gates read the title alone.

Contributions are rounded to 2 decimals and the score is their sum rounded to 1 decimal, so a reader
can recompute the score from the components the report prints. Roles are sorted by score (desc)
then id. A requirement counts as *met* when an option or a narrower skill was found; everything else
is *missing* (required first, then preferred), a "one of" group named by its first option.

What does not depend on the resume (points, item weights, names) is computed once per role, and
each skill id's credit once per resume for all roles, by ``resume_fit.match.index``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from resume_fit.extract.mention import SkillMention
from resume_fit.lexicon import Lexicon
from resume_fit.match.components import ScoreComponent, evidence_component, profile_components
from resume_fit.match.credit import (
    DEMONSTRATED,
    LISTED,
    RequirementResult,
    SkillCredit,
    credit_items,
)
from resume_fit.match.gates import gate_evidence
from resume_fit.match.index import RoleIndex, role_index, title_phrase
from resume_fit.match.subjects import DEGREE, degree_subjects
from resume_fit.match.titles import names_title
from resume_fit.profile import Profile
from resume_fit.profile.education import EDUCATION_LEVELS
from resume_fit.profile.field import title_in_field
from resume_fit.profile.seniority import title_level
from resume_fit.roles import Catalogue, Role, Scoring

__all__ = [
    "DEMONSTRATED",
    "LISTED",
    "RequirementResult",
    "RoleFit",
    "ScoreComponent",
    "match_roles",
    "present_skills",
    "score_role",
    "skill_usage",
]


@dataclass(frozen=True)
class RoleFit:
    """How well a resume fits one role.

    Attributes:
        id: Role id.
        name: Role name.
        score: 0-100, 1 decimal; the sum of the component contributions.
        matched: The resume's skill ids that met an item, required items first, no duplicates.
        missing: ``missing_required + missing_preferred``.
        missing_required: Unmet required items, by skill id (a group by its first option).
        missing_preferred: Unmet preferred items, likewise.
        components: The score components, in ``resume_fit.roles.COMPONENTS`` order.
        why: One short line: what drives the score.
        requirements: Per-item results, required then preferred, in catalogue order.
        gate_evidence: For a gated role, the evidence of its rung or specialism (0..1); 1 for
            other roles.
        ceiling: For a gated role without full evidence, the most it may score (just under its
            best base role, ``match_roles``); None otherwise.
    """

    id: str
    name: str
    score: float
    matched: tuple[str, ...]
    missing: tuple[str, ...]
    missing_required: tuple[str, ...]
    missing_preferred: tuple[str, ...]
    components: tuple[ScoreComponent, ...]
    why: str
    requirements: tuple[RequirementResult, ...] = ()
    gate_evidence: float = 1.0
    ceiling: float | None = None

    def component(self, name: str) -> ScoreComponent:
        """The component called ``name``."""
        return next(c for c in self.components if c.name == name)


_component = ScoreComponent.earned


def _in_field(profile: Profile, years: float) -> str:
    # " in the field (of 8.6 in all)" when the years that count differ from the total, so the
    # report shows both; "" when every year counts.
    total = profile.total_years
    return "" if total is None or total == years else f" in the field (of {total:g} in all)"


def _experience(role: Role, profile: Profile, scoring: Scoring) -> tuple[float, str]:
    years = profile.years_in_field(role.family)
    if role.max_years and years is not None and years > role.max_years:
        value = max(0.0, 1 - (years - role.max_years) / role.max_years)
        return value, (
            f"{years:g} years{_in_field(profile, years)} is above the {role.max_years:g} typical "
            f"for the role: 1 - ({years:g} - {role.max_years:g}) / {role.max_years:g}"
        )
    if years is None:
        # Unknown years are no evidence for any role: an entry role with no minimum does not
        # earn full points on an undated resume that a role expecting a year or two cannot.
        expects = f"{role.min_years:g}+ years" if role.min_years > 0 else "no minimum"
        return scoring.unknown_years_value, (
            f"no dated positions; {scoring.unknown_years_value:g} assumed (role expects {expects})"
        )
    if role.min_years <= 0:
        note = _in_field(profile, years)
        if role.max_years and note:
            return 1.0, (
                f"no minimum years expected; {years:g} years{note}, within the "
                f"{role.max_years:g} typical for the role"
            )
        return 1.0, "no minimum years expected"
    value = min(1.0, years / role.min_years)
    note = _in_field(profile, years)
    if note:
        return value, f"{years:g} years{note} of {role.min_years:g} expected"
    return value, f"{years:g} of {role.min_years:g} expected years"


def _education(role: Role, profile: Profile, scoring: Scoring) -> tuple[float, str]:
    expected = role.education
    if expected.minimum is None:
        return 1.0, "no education expectation"
    highest = profile.education.highest
    rank = EDUCATION_LEVELS.index(highest)
    if highest == "none":
        value = scoring.unknown_education_value
        detail = f"no degree found ({value:g}); role expects {expected.minimum}"
    elif rank >= EDUCATION_LEVELS.index(expected.preferred or expected.minimum):
        value, detail = 1.0, f"{highest} meets the preferred {expected.preferred}"
    elif rank >= EDUCATION_LEVELS.index(expected.minimum):
        value = scoring.minimum_education_value
        detail = f"{highest} meets the minimum {expected.minimum}, below {expected.preferred}"
    else:
        value, detail = 0.0, f"{highest} is below the minimum {expected.minimum}"
    if expected.publications:
        research = min(1.0, profile.education.publications / expected.publications)
        detail += (
            f"; {profile.education.publications} of {expected.publications} expected "
            f"publications ({research:.2f}), averaged with the degree ({value:g})"
        )
        value = (value + research) / 2
    return value, detail


def _weighted(values: list[float], weights: tuple[float, ...]) -> float:
    return sum(v * w for v, w in zip(values, weights, strict=True))


def _credit_note(credit: float, weights: tuple[float, ...], total: float, scoring: Scoring) -> str:
    note = f"credit {credit:.2f} / {total:g}"
    if any(w != 1.0 for w in weights):
        note += f" (soft-skill items weigh {scoring.soft_skill_weight:g})"
    return note


def _title(index: RoleIndex, profile: Profile, scoring: Scoring) -> tuple[float, str]:
    if not index.titles:
        return 0.0, "the role lists no titles"
    if not profile.titles:
        return 0.0, "no job title found"
    for rank, title in enumerate(profile.titles):
        written = title_phrase(title)
        phrase = next((t for t, normal in index.titles if names_title(normal, written)), None)
        if phrase is None:
            continue
        if rank == 0:
            return 1.0, f"latest title {title!r} matches {phrase!r}"
        latest = profile.titles[0]
        if index.role.max_years and not profile.posting.is_posting and title_in_field(latest):
            # An entry role one outgrows (Data Analyst), held before a later title in the field
            # that names it not ("Director of Data Science"): the step taken before, not the fit.
            return 0.0, (
                f"earlier title {title!r} matches {phrase!r}, but the latest, {latest!r}, is a "
                "later step in the field: 0"
            )
        return scoring.earlier_title_value, f"earlier title {title!r} matches {phrase!r}"
    return 0.0, f"no title matches (latest {profile.titles[0]!r})"


def score_role(
    role: Role,
    present: Mapping[str, str],
    profile: Profile,
    scoring: Scoring,
    lexicon: Lexicon,
    ceiling: float | None = None,
) -> RoleFit:
    """Score one role.

    Args:
        role: The role.
        present: Skill id -> ``"demonstrated"`` or ``"listed"`` for every skill the resume has
            (``present_skills``).
        profile: Years and education.
        scoring: Credits and defaults from the catalogue.
        lexicon: For narrower/broader credit through the skill graph.
        ceiling: For a gated role, the most it may score without full evidence (``match_roles``
            sets it just under its best base role); None for no cap.

    Returns:
        The fit, with every component and requirement result.
    """
    credit = SkillCredit(present, lexicon, scoring)
    index = role_index(role, lexicon, scoring, profile.posting.is_posting)
    return _score(index, credit, profile, ceiling)


def _core_component(index: RoleIndex, credit: SkillCredit, earned: float) -> ScoreComponent | None:
    """The ``core`` component: nothing when one of the role's core skills (or a narrower one)
    was found, else ``core_discount`` of the points earned taken back."""
    role, scoring, lexicon = index.role, index.scoring, index.lexicon

    def name(skill: str) -> str:
        return lexicon[skill].name if skill in lexicon else skill

    if not role.core:
        return None
    for skill in role.core:
        _, found, via = credit.option(skill)
        if via in ("exact", "narrower"):
            how = "" if via == "exact" else f", through the narrower {name(found)}"
            detail = f"{name(skill)} found{how}"
            return ScoreComponent("core", round(-earned, 2) + 0.0, 0.0, 0.0, detail)
    discount = scoring.core_discount
    taken = earned * discount
    detail = (
        f"none of {', '.join(name(s) for s in role.core)} found, nor a narrower skill: the "
        f"role's core; takes back {discount:g} of the {earned:.2f} points earned"
    )
    return ScoreComponent("core", round(-earned, 2) + 0.0, discount, -round(taken, 2) + 0.0, detail)


def _gate_component(
    index: RoleIndex,
    credit: SkillCredit,
    profile: Profile,
    earned: float,
    title_value: float,
    ceiling: float | None,
) -> tuple[ScoreComponent | None, float]:
    role, scoring = index.role, index.scoring
    if role.gate is None:
        return None, 1.0
    evidence, how = gate_evidence(
        role, credit.present, profile, scoring, index.lexicon, title_value
    )
    discount = scoring.rung_discount if role.gate.kind == "rung" else scoring.focus_discount
    missing = 1.0 - evidence
    taken = earned * discount * missing
    detail = (
        f"evidence {evidence:.2f} ({how}); takes back {discount:g} x {missing:.2f} of the "
        f"{earned:.2f} points earned"
    )
    if ceiling is not None and evidence < 1.0 and earned - taken > ceiling:
        taken = earned - ceiling
        detail += f"; capped at {ceiling:.1f}, just under its base role"
    share = taken / earned if earned > 0 else 0.0
    # "+ 0.0" turns -0.0 into 0.0, so nothing prints as "-0.00".
    component = ScoreComponent(
        role.gate.kind, round(-earned, 2) + 0.0, round(share, 4), -round(taken, 2) + 0.0, detail
    )
    return component, evidence


def _score(
    index: RoleIndex, credit: SkillCredit, profile: Profile, ceiling: float | None = None
) -> RoleFit:
    role, scoring = index.role, index.scoring
    posting = profile.posting.is_posting
    required = credit_items("required", index.required_items, credit)
    preferred = credit_items("preferred", index.preferred_items, credit)
    points = index.points
    req_weights, pref_weights = index.required_weights, index.preferred_weights
    req_total, pref_total = sum(req_weights), sum(pref_weights)
    req_credit = _weighted([r.credit for r in required], req_weights)
    pref_credit = _weighted([r.credit for r in preferred], pref_weights)
    req_value = req_credit / req_total if req_total else 0.0
    pref_value = (pref_credit / pref_total if pref_total else 0.0) if preferred else 1.0
    title_value, title_detail = _title(index, profile, scoring)
    met_required = [r for r in required if r.met]
    met_preferred = [r for r in preferred if r.met]
    unmet_required = [r for r in required if not r.met]
    unmet_preferred = [r for r in preferred if not r.met]
    components: tuple[ScoreComponent, ...] = (
        _component(
            "required",
            points["required"],
            req_value,
            f"{len(met_required)} of {len(required)} required met; "
            + _credit_note(req_credit, req_weights, req_total, scoring),
        ),
        _component(
            "preferred",
            points["preferred"],
            pref_value,
            f"{len(met_preferred)} of {len(preferred)} preferred met; "
            + _credit_note(pref_credit, pref_weights, pref_total, scoring),
        ),
        evidence_component(
            points["evidence"],
            required,
            req_weights,
            req_total,
            scoring,
            [credit.shown(r.options) for r in required],
        ),
        *profile_components(
            points,
            scoring,
            req_value,
            {
                "experience": _experience(role, profile, scoring),
                "education": _education(role, profile, scoring),
                "title": (title_value, title_detail),
            },
            {"title": "; a posting's title is not gated"} if posting else None,
        ),
    )
    earned = sum(c.contribution for c in components)
    core_part = _core_component(index, credit, earned)
    if core_part is not None:
        components = (*components, core_part)
        earned += core_part.contribution
    gate_part, evidence = _gate_component(index, credit, profile, earned, title_value, ceiling)
    if gate_part is not None:
        components = (*components, gate_part)
    score = round(sum(c.contribution for c in components), 1) + 0.0
    matched = tuple(dict.fromkeys(r.met_by for r in (*met_required, *met_preferred)))
    missing_required = tuple(dict.fromkeys(r.options[0] for r in unmet_required))
    missing_preferred = tuple(
        dict.fromkeys(
            r.options[0]
            for r in unmet_preferred
            if r.options[0] not in missing_required and r.options[0] not in matched
        )
    )
    return RoleFit(
        id=role.id,
        name=role.name,
        score=score,
        matched=matched,
        missing=missing_required + missing_preferred,
        missing_required=missing_required,
        missing_preferred=missing_preferred,
        components=components,
        why=_why(index, len(met_required), unmet_required, len(met_preferred), profile),
        requirements=(*required, *preferred),
        gate_evidence=evidence,
        ceiling=ceiling if gate_part is not None and evidence < 1.0 else None,
    )


def _why(
    index: RoleIndex,
    met_required: int,
    unmet_required: list[RequirementResult],
    met_preferred: int,
    profile: Profile,
) -> str:
    role = index.role
    parts = [f"{met_required}/{len(role.required)} required"]
    gaps = [index.item_names[r.options] for r in unmet_required]
    if gaps:
        shown = ", ".join(gaps[:2]) + (" ..." if len(gaps) > 2 else "")
        parts[0] += f" (missing {shown})"
    parts.append(f"{met_preferred}/{len(role.preferred)} preferred")
    years = profile.years_in_field(role.family)
    if role.min_years and years is not None:
        field = " in the field" if years != profile.total_years else ""
        parts.append(f"{years:g}y{field} vs {role.min_years:g}y expected")
    if role.education.minimum and role.education.preferred in ("master", "phd"):
        parts.append(f"education {profile.education.highest} vs {role.education.preferred}")
    return "; ".join(parts)


def skill_usage(skills: tuple[SkillMention, ...]) -> dict[str, str]:
    """Skill id -> ``"demonstrated"`` or ``"listed"`` for the skills found."""
    return {s.id: s.usage for s in skills}


def present_skills(
    skills: tuple[SkillMention, ...], profile: Profile, lexicon: Lexicon, scoring: Scoring
) -> dict[str, str]:
    """Skill id -> usage as scoring counts it: ``skill_usage``, read as a posting for a posting.

    For a job posting with blocks, a skill whose every evidence is in company boilerplate is left
    out, one in a requirements or duties block is ``demonstrated`` (the job asks for it), one only
    in a "nice to have" block ``listed``, others keep their usage; soft skills are left out unless
    ``scoring.posting_soft_skills`` or the posting's title is at the lead level ("Director").
    A resume's skills are ``skill_usage(skills)`` plus its degrees' subjects the text did not
    show otherwise, as ``"degree"`` (``resume_fit.match.subjects``).
    """
    posting = profile.posting
    if not posting.is_posting:
        usage = skill_usage(skills)
        for skill_id in degree_subjects(profile.education, lexicon):
            usage.setdefault(skill_id, DEGREE)
        return usage
    # A lead posting's people skills are the job; anyone else's are generic text.
    soft_counts = scoring.posting_soft_skills or title_level(posting.title) == "lead"
    present: dict[str, str] = {}
    for skill in skills:
        if not soft_counts and skill.id in lexicon and lexicon[skill.id].category == "soft_skill":
            continue
        if not posting.blocks:
            present[skill.id] = skill.usage
            continue
        kinds = {posting.block_at(e.start) for e in skill.evidence}
        if kinds == {"boilerplate"}:
            continue
        if kinds & {"required", "duties"}:
            present[skill.id] = DEMONSTRATED
        elif kinds <= {"preferred", "boilerplate"}:
            present[skill.id] = LISTED
        else:
            present[skill.id] = skill.usage
    return present


def match_roles(
    skills: tuple[SkillMention, ...],
    profile: Profile,
    catalogue: Catalogue,
    lexicon: Lexicon,
) -> tuple[RoleFit, ...]:
    """Score every role of the catalogue.

    Args:
        skills: Skills found in the resume (only these count as present: nothing is invented).
        profile: Years, education, titles and whether the text is a job posting.
        catalogue: The roles and score settings.
        lexicon: The skill graph for narrower/broader credit.

    Returns:
        One fit per role, sorted by score (highest first), then by role id; a gated role without
        full evidence is capped ``gate_margin`` under the best of its base roles.
    """
    scoring = catalogue.scoring
    posting = profile.posting.is_posting
    # One credit table for all roles: an item several roles share is resolved once.
    credit = SkillCredit(present_skills(skills, profile, lexicon, scoring), lexicon, scoring)
    fits = {
        role.id: _score(role_index(role, lexicon, scoring, posting), credit, profile)
        for role in catalogue.values()
    }
    done: set[str] = set()

    def cap(role_id: str) -> None:
        # Bases first (the catalogue forbids cycles), so a base's own cap is already applied.
        if role_id in done:
            return
        done.add(role_id)
        role = catalogue[role_id]
        if role.gate is None:
            return
        for base in role.gate.base:
            cap(base)
        fit = fits[role_id]
        if fit.gate_evidence >= 1.0:
            return
        ceiling = max(
            0.0, round(max(fits[b].score for b in role.gate.base) - scoring.gate_margin, 1)
        )
        if fit.score > ceiling:
            index = role_index(role, lexicon, scoring, posting)
            fits[role_id] = _score(index, credit, profile, ceiling)
        else:
            # Kept, so the learning plan re-scores the role under the same cap.
            fits[role_id] = dataclasses.replace(fit, ceiling=ceiling)

    for role_id in fits:
        cap(role_id)
    return tuple(sorted(fits.values(), key=lambda f: (-f.score, f.id)))
