"""The score components role fit and posting fit build alike.

Both scores are six components, ``points x value``: required, preferred, evidence, experience,
education, title. What differs is where the requirements and the expectations come from (a role of
the catalogue, or a posting); how a component is rounded, how evidence is averaged over the
required items, and how experience, education and title are gated by the required value
(``Scoring.gate_by_required``: years and a degree never make a fit on their own) is the same, and
is written here once.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from resume_fit.match.credit import DEMONSTRATED, RequirementResult, evidence_strength
from resume_fit.roles import Scoring

# The components scored from what the resume shows besides skills, in score order.
PROFILE_COMPONENTS = ("experience", "education", "title")


@dataclass(frozen=True)
class ScoreComponent:
    """One part of a role's or a posting's score.

    Attributes:
        name: ``required``, ``preferred``, ``evidence``, ``experience`` or ``education``.
        weight: Points this component is worth (the weights of a role add up to 100).
        value: How much of it was earned, 0..1.
        contribution: ``weight * value``, rounded to 2 decimals: the points it adds.
        detail: How the value was computed, in words and numbers.
    """

    name: str
    weight: float
    value: float
    contribution: float
    detail: str

    @classmethod
    def earned(cls, name: str, weight: float, value: float, detail: str) -> ScoreComponent:
        """The component worth ``weight`` points of which ``value`` (clamped to 0..1) was earned,
        rounded as the report prints it, so the score recomputes from the printed parts."""
        value = max(0.0, min(1.0, value))
        return cls(name, round(weight, 2), round(value, 4), round(weight * value, 2), detail)


def evidence_component(
    points: float,
    required: Sequence[RequirementResult],
    weights: Sequence[float],
    total: float,
    scoring: Scoring,
    supports: Sequence[float] | None = None,
) -> ScoreComponent:
    """The evidence component: over the required items, how strongly each is shown, weighted,
    divided by ``total``.

    An item's strength is ``supports[i]`` when given (role fit: ``SkillCredit.shown``, where a
    narrower skill used in a job shows a listed broader one), else its credit x evidence strength
    (1 shown in experience or projects, ``listed_evidence`` listed).
    """
    if supports is None:
        strengths = [r.credit * evidence_strength(r.usage, scoring) for r in required]
        shown = sum(1 for r in required if r.usage == DEMONSTRATED and r.credit > 0)
        how = "shown in experience/projects"
    else:
        strengths = list(supports)
        shown = sum(
            1
            for r, s in zip(required, strengths, strict=True)
            if r.credit > 0 and s > r.credit * scoring.listed_evidence
        )
        how = "shown in experience/projects (or through a narrower skill shown there)"
    earned = sum(s * w for s, w in zip(strengths, weights, strict=True))
    return ScoreComponent.earned(
        "evidence",
        points,
        earned / total if total else 0.0,
        f"{shown} of {len(required)} required {how}; listed-only counts "
        f"{scoring.listed_evidence:g}",
    )


def profile_components(
    points: Mapping[str, float],
    scoring: Scoring,
    required_value: float,
    parts: Mapping[str, tuple[float, str]],
    ungated: Mapping[str, str] | None = None,
) -> tuple[ScoreComponent, ...]:
    """The experience, education and title components, gated by the required value.

    Args:
        points: Points per component.
        scoring: ``gate_by_required``.
        required_value: The required component's value (0..1).
        parts: ``(value, detail)`` per name of ``PROFILE_COMPONENTS``.
        ungated: Names left ungated, each with the note its detail gets instead.
    """
    ungated = ungated or {}
    gate = required_value if scoring.gate_by_required else 1.0
    note = f" x required {required_value:.2f}" if scoring.gate_by_required else ""
    components = []
    for name in PROFILE_COMPONENTS:
        value, detail = parts[name]
        if name in ungated:
            detail += ungated[name]
        else:
            value, detail = value * gate, detail + note
        components.append(ScoreComponent.earned(name, points[name], value, detail))
    return tuple(components)
