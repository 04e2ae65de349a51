"""The report as one JSON object: the same content as the Markdown, for other tools.

Stable keys other tools rely on: ``source``; ``skills`` (``id``, ``name``, ``category``, ``usage``,
``evidence`` with ``section``, ``text``, ``start``, ``end``, ``method``, ``confidence``,
``context``); ``other_skills`` (``name``, ``evidence``: items of the skills lists that no lexicon
skill covers, never scored); ``roles``
sorted by ``score`` descending (``id``, ``name``, ``score``, ``matched``, ``missing`` and more);
``warnings``; ``language`` (the main language's code or ``"unknown"``); ``sections`` (``kind``,
``heading``, ``start``, ``end``: offsets into the parsed text, as evidence offsets are). Also
``profile``, ``quality``, ``plan``, ``reference_date`` and ``versions``. Key
order is fixed and floats are rounded, so the same report always gives the same bytes.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from resume_fit.extract.mention import SkillMention
from resume_fit.report import GapReport

if TYPE_CHECKING:
    from resume_fit.match.components import ScoreComponent


def _contexts(report: GapReport, skill: SkillMention) -> tuple[str, ...]:
    contexts = report.context(skill.id)
    return contexts if len(contexts) == len(skill.evidence) else ("",) * len(skill.evidence)


def _skills(report: GapReport) -> list[dict[str, Any]]:
    years = {s.id: s for s in report.profile.skill_years}
    out = []
    for skill in report.skills:
        entry: dict[str, Any] = {
            "id": skill.id,
            "name": skill.name,
            "category": skill.category,
            "usage": skill.usage,
            "confidence": round(skill.confidence, 3),
            "evidence": [
                {
                    "section": e.section,
                    "text": e.text,
                    "start": e.start,
                    "end": e.end,
                    "method": e.method,
                    "confidence": round(e.confidence, 3),
                    "context": context,
                }
                for e, context in zip(skill.evidence, _contexts(report, skill), strict=True)
            ],
        }
        if skill.id in years:
            entry["years"] = years[skill.id].years
            entry["last_used"] = years[skill.id].last_used
        out.append(entry)
    return out


def _other_skills(report: GapReport) -> list[dict[str, Any]]:
    """The skills lists' items no lexicon skill covers: ``name`` and ``evidence``; never scored."""
    return [
        {
            "name": item.text,
            "evidence": [
                {"section": e.section, "text": e.text, "start": e.start, "end": e.end}
                for e in item.evidence
            ],
        }
        for item in report.other_skills
    ]


def _roles(report: GapReport) -> list[dict[str, Any]]:
    return [
        {
            "id": fit.id,
            "name": fit.name,
            "score": fit.score,
            "matched": list(fit.matched),
            "missing": list(fit.missing),
            "missing_required": list(fit.missing_required),
            "missing_preferred": list(fit.missing_preferred),
            "why": fit.why,
            "components": components_json(fit.components),
            "requirements": [
                {
                    "kind": r.kind,
                    "options": list(r.options),
                    "credit": r.credit,
                    "met": r.met,
                    "met_by": r.met_by,
                    "via": r.via,
                    "usage": r.usage,
                }
                for r in fit.requirements
            ],
        }
        for fit in report.roles
    ]


def _profile(report: GapReport) -> dict[str, Any]:
    profile = report.profile
    education = profile.education
    posting = profile.posting
    return {
        "document": {
            "kind": "posting" if posting.is_posting else "resume",
            "posting_cues": list(posting.cues),
            "cue_weight": posting.weight,
            "threshold": posting.threshold,
            "title": posting.title,
            "blocks": [
                {"kind": b.kind, "heading": b.heading, "start": b.start, "end": b.end}
                for b in posting.blocks
            ],
        },
        "total_years": profile.total_years,
        "years_derivation": profile.years_derivation,
        "field_years": [
            {"family": f.family, "years": f.years, "positions": list(f.positions)}
            for f in profile.field_years
        ],
        "seniority": profile.seniority,
        "seniority_reason": profile.seniority_reason,
        "management_scope": list(profile.management_scope),
        "architecture_scope": list(profile.architecture_scope),
        "positions": [
            {
                "title": p.title,
                "organisation": p.organisation,
                "placement": p.placement,
                "start": f"{p.span.first:%Y-%m}",
                "end": "present" if p.span.present else f"{p.span.last:%Y-%m}",
                "months": p.span.months,
                "dates_text": p.span.text,
            }
            for p in profile.positions
        ],
        "skill_years": [
            {
                "id": s.id,
                "years": s.years,
                "last_used": s.last_used,
                "derivation": s.derivation,
            }
            for s in profile.skill_years
        ],
        "education": {
            "highest": education.highest,
            "field": education.field,
            "degrees": [
                {"level": d.level, "field": d.field, "text": d.text, "in_progress": d.in_progress}
                for d in education.degrees
            ],
            "publications": education.publications,
            "patents": education.patents,
            "derivation": education.derivation,
        },
    }


def _plan(report: GapReport) -> dict[str, Any]:
    plan = report.plan
    return {
        "roles": list(plan.roles),
        "steps": [
            {
                "id": s.id,
                "name": s.name,
                "kind": s.kind,
                "related": s.related,
                "gain": s.gain,
                "role_gains": [{"role": r, "gain": g} for r, g in s.role_gains],
                "alternatives": list(s.alternatives),
            }
            for s in plan.steps
        ],
        "uplifts": [
            {
                "role": u.role,
                "name": u.name,
                "skills": list(u.skills),
                "before": u.before,
                "after": u.after,
            }
            for u in plan.uplifts
        ],
        "career": [{"role": c.role, "name": c.name, "reason": c.reason} for c in plan.career],
    }


def report_to_dict(report: GapReport) -> dict[str, Any]:
    """The report as plain data (only str, int, float, bool, None, list and dict)."""
    quality = report.quality
    return {
        "source": report.source,
        "format": report.format,
        "reference_date": report.reference_date.isoformat(),
        "language": report.language,
        "quality": {
            "method": quality.method,
            "pages": quality.pages,
            "chars": quality.chars,
            "columns": quality.columns,
            "unreadable_ratio": round(quality.unreadable_ratio, 4),
            "verdict": quality.verdict,
            "notes": list(quality.notes),
        },
        "sections": [
            {"kind": s.kind, "heading": s.heading, "start": s.start, "end": s.end}
            for s in report.sections
        ],
        "skills": _skills(report),
        "other_skills": _other_skills(report),
        "profile": _profile(report),
        "roles": _roles(report),
        "weak_fit": report.weak_fit,
        "plan": _plan(report),
        "warnings": list(report.warnings),
        "versions": {"lexicon": report.lexicon_version, "catalogue": report.catalogue_version},
    }


def components_json(components: Iterable[ScoreComponent]) -> list[dict[str, Any]]:
    """Score components as JSON objects: ``name``, ``weight``, ``value``, ``contribution``,
    ``detail`` (role fit and posting fit write them the same way)."""
    return [
        {
            "name": c.name,
            "weight": c.weight,
            "value": c.value,
            "contribution": c.contribution,
            "detail": c.detail,
        }
        for c in components
    ]


def render_json(report: GapReport) -> str:
    """The report as one JSON object (UTF-8 text, 2-space indent, trailing newline)."""
    return json.dumps(report_to_dict(report), indent=2, ensure_ascii=False) + "\n"
