"""The learning plan: which missing skills would raise the fit most, and the next career step.

For each of the top roles (``[scoring].plan_roles``), every option of every unmet item is tried:
the role is re-scored with that one skill added as *listed* (learning a skill does not yet show it
in a job), and the gain is the score difference. A skill's total gain is the sum of its gains over
the top roles; skills are ranked by that total (then id). Per role, the best
``[scoring].plan_skills_per_role`` skills are added together and the role re-scored once more, so
"adding Docker and MLflow would raise MLOps Engineer from 54.0 to 71.0" is an actual computed
number (skills are added greedily, each chosen for the most it adds given the ones before, so a
"one of" group is not filled twice). A skill is *adjacent* when the resume already has its parent,
a child, or a sibling (a skill sharing a parent) in the lexicon, else it is *new*. A role capped
under its base role (``RoleFit.ceiling``) is re-scored under the same cap: a skill does not show
the rung or the specialism the cap stands for.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass

from resume_fit.lexicon import Lexicon
from resume_fit.match.index import title_phrase
from resume_fit.match.role_fit import LISTED, RoleFit, score_role
from resume_fit.match.titles import names_title
from resume_fit.profile import Profile
from resume_fit.roles import Background, Catalogue, Role


@dataclass(frozen=True)
class PlanStep:
    """One skill worth learning.

    Attributes:
        id: Skill id.
        name: Display name (the id when the lexicon lacks it).
        kind: ``"adjacent"`` or ``"new"``.
        related: The skill already present that makes it adjacent ("" for new).
        gain: Points it adds, summed over the top roles (1 decimal).
        role_gains: ``(role id, points)`` for each top role it raises, best first.
        alternatives: Other skill ids that would fill the same "one of" group for the same gain
            (``name`` then reads "AWS or Azure or GCP").
    """

    id: str
    name: str
    kind: str
    related: str
    gain: float
    role_gains: tuple[tuple[str, float], ...]
    alternatives: tuple[str, ...] = ()


@dataclass(frozen=True)
class RoleUplift:
    """The combined effect of learning a role's best missing skills.

    Attributes:
        role: Role id.
        name: Role name.
        skills: The skill ids added together.
        before: Current score.
        after: Score with those skills added as listed.
    """

    role: str
    name: str
    skills: tuple[str, ...]
    before: float
    after: float


@dataclass(frozen=True)
class CareerStep:
    """A next step on the career path.

    Attributes:
        role: Role id ("" for a ladder rung).
        name: Role or rung name.
        reason: Where it comes from (the catalogue's next steps, or the seniority ladder).
    """

    role: str
    name: str
    reason: str


@dataclass(frozen=True)
class LearningPlan:
    """What to learn next and where it leads.

    Attributes:
        roles: The top role ids the plan was computed for.
        steps: Skills ranked by total gain (adjacent and new together; see ``kind``).
        uplifts: Per top role, the combined effect of its best missing skills.
        career: Next career steps: the best-fitting role's next steps, the starting roles seed 000
            recommends for a background the titles show, and the next rung of the ladder.
    """

    roles: tuple[str, ...]
    steps: tuple[PlanStep, ...]
    uplifts: tuple[RoleUplift, ...]
    career: tuple[CareerStep, ...]

    @property
    def adjacent(self) -> tuple[PlanStep, ...]:
        """Steps next to what the resume already shows."""
        return tuple(s for s in self.steps if s.kind == "adjacent")

    @property
    def new(self) -> tuple[PlanStep, ...]:
        """Steps with nothing related in the resume yet."""
        return tuple(s for s in self.steps if s.kind == "new")


def _relation(skill_id: str, present: Mapping[str, str], lexicon: Lexicon) -> str:
    if skill_id not in lexicon:
        return ""
    parents = lexicon[skill_id].parents
    related = [p for p in parents if p in present]
    related += [c for c in lexicon.children(skill_id) if c in present]
    related += sorted(s for p in parents for s in lexicon.children(p) if s in present)
    return related[0] if related else ""


def related_skill(skill_id: str, present: Mapping[str, str], lexicon: Lexicon) -> str:
    """The present skill that makes ``skill_id`` adjacent (parent, child or sibling), or ""."""
    return _relation(skill_id, present, lexicon)


def build_plan(
    fits: tuple[RoleFit, ...],
    present: Mapping[str, str],
    profile: Profile,
    catalogue: Catalogue,
    lexicon: Lexicon,
) -> LearningPlan:
    """Rank missing skills by how much they raise the top roles' scores.

    Args:
        fits: Role fits sorted best first (``match_roles`` output).
        present: Skill id -> usage for the skills found.
        profile: The profile the fits were scored with.
        catalogue: Roles and score settings.
        lexicon: Skill names and graph.

    Returns:
        The plan; empty steps when nothing is missing.
    """
    scoring = catalogue.scoring
    top = [f for f in fits if f.id in catalogue][: scoring.plan_roles]
    gains: dict[str, dict[str, float]] = {}
    groups: dict[str, tuple[str, ...]] = {}
    uplifts = []
    for fit in top:
        role = catalogue[fit.id]
        candidates = sorted(
            {o for r in fit.requirements if not r.met for o in r.options if o not in present}
        )
        for req in fit.requirements:
            if not req.met and len(req.options) > 1:
                for option in req.options:
                    groups.setdefault(option, req.options)
        role_gains = {}
        for skill in candidates:
            trial = score_role(
                role, {**present, skill: LISTED}, profile, scoring, lexicon, fit.ceiling
            )
            gain = round(trial.score - fit.score, 1)
            if gain > 0:
                role_gains[skill] = gain
                gains.setdefault(skill, {})[fit.id] = gain
        best, after = _greedy(
            role, present, profile, catalogue, lexicon, role_gains, fit.score, fit.ceiling
        )
        if best:
            uplifts.append(RoleUplift(fit.id, fit.name, best, fit.score, after))
    steps = []
    for skill, per_role in gains.items():
        related = _relation(skill, present, lexicon)
        steps.append(
            PlanStep(
                id=skill,
                name=lexicon[skill].name if skill in lexicon else skill,
                kind="adjacent" if related else "new",
                related=related,
                gain=round(sum(per_role.values()), 1),
                role_gains=tuple(sorted(per_role.items(), key=lambda kv: (-kv[1], kv[0]))),
            )
        )
    steps.sort(key=lambda s: (-s.gain, s.id))
    steps = _merge_alternatives(steps, groups, lexicon)
    return LearningPlan(
        roles=tuple(f.id for f in top),
        steps=tuple(steps[: scoring.plan_max_steps]),
        uplifts=tuple(uplifts),
        career=_career(top, profile, catalogue),
    )


def _merge_alternatives(
    steps: list[PlanStep], groups: Mapping[str, tuple[str, ...]], lexicon: Lexicon
) -> list[PlanStep]:
    # AWS, GCP and Azure that would each fill the same "one of" group for the same gain are one
    # step with alternatives, not three steps.
    merged: list[PlanStep] = []
    for step in steps:
        twin = next(
            (
                m
                for m in merged
                if m.role_gains == step.role_gains and step.id in groups.get(m.id, ())
            ),
            None,
        )
        if twin is None:
            merged.append(step)
            continue
        alternatives = (*twin.alternatives, step.id)
        names = [twin.name.split(" or ")[0]] + [
            lexicon[a].name if a in lexicon else a for a in alternatives
        ]
        merged[merged.index(twin)] = dataclasses.replace(
            twin, alternatives=alternatives, name=" or ".join(names)
        )
    return merged


def _greedy(
    role: Role,
    present: Mapping[str, str],
    profile: Profile,
    catalogue: Catalogue,
    lexicon: Lexicon,
    gains: Mapping[str, float],
    score: float,
    ceiling: float | None,
) -> tuple[tuple[str, ...], float]:
    # Add the best skill, re-score, repeat: after PyTorch, TensorFlow adds nothing to the same
    # "one of" group, so the combination named is one a person would actually learn.
    chosen: list[str] = []
    current = dict(present)
    for _ in range(catalogue.scoring.plan_skills_per_role):
        best, best_score = "", score
        for skill in sorted(gains):
            if skill in current:
                continue
            trial = score_role(
                role, {**current, skill: LISTED}, profile, catalogue.scoring, lexicon, ceiling
            )
            if trial.score > best_score:
                best, best_score = skill, trial.score
        if not best:
            break
        chosen.append(best)
        current[best] = LISTED
        score = best_score
    return tuple(chosen), score


def _backgrounds(profile: Profile, catalogue: Catalogue) -> list[Background]:
    """The backgrounds a job title names, read as role fit reads titles (``names_title``)."""
    titles = [title_phrase(t) for t in profile.titles]
    return [
        background
        for background in catalogue.backgrounds
        if any(names_title(title_phrase(p), t) for p in background.titles for t in titles)
    ]


def _career(top: list[RoleFit], profile: Profile, catalogue: Catalogue) -> tuple[CareerStep, ...]:
    steps = []
    if top:
        role = catalogue[top[0].id]
        for step in (s for s in role.next_steps if s in catalogue):
            steps.append(
                CareerStep(step, catalogue[step].name, f"a next step from {role.name} (catalogue)")
            )
    for background in _backgrounds(profile, catalogue):
        for start in (r for r in background.start_roles if r in catalogue):
            if any(step.role == start for step in steps) or (top and top[0].id == start):
                continue
            steps.append(
                CareerStep(
                    start,
                    catalogue[start].name,
                    f"a best role to start from a {background.name} background "
                    f"({', '.join(background.sources)})",
                )
            )
    rung = catalogue.next_ladder_step(profile.seniority)
    if rung is not None:
        examples = ", ".join(rung.examples)
        steps.append(
            CareerStep(
                "", rung.name, f"next rung after {profile.seniority} on the ladder: {examples}"
            )
        )
    return tuple(steps)
