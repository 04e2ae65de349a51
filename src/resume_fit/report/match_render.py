"""The match report as Markdown (for a person) and as one JSON object (for other tools).

Markdown order: the score line and why; the score breakdown; every requirement with met / partly
met / missing and the resume's evidence; unrecognised requirements; tailoring advice; warnings.
JSON keys, in this order: ``resume``, ``posting`` (``source``, ``title``, ``seniority``, ``years``,
``degree``, ``degree_preferred``), ``score``, ``why``, ``components``, ``requirements`` (each
``kind``, ``options``, ``label``, ``status``, ``credit``, ``met_by``, ``via``, ``usage``,
``years_asked``, ``years``, ``asked`` (the posting's words), ``evidence``), ``unrecognised``,
``advice``, ``warnings``, ``reference_date``, ``versions``. Same report, same bytes.
"""

from __future__ import annotations

import json
from typing import Any

from resume_fit import __version__
from resume_fit.match.posting_fit import MISSING, Advice, RequirementMatch
from resume_fit.report.json import components_json
from resume_fit.report.match import MatchReport

__all__ = [
    "ADVICE_TITLES",
    "advice_line",
    "posting_line",
    "render_match_json",
    "render_match_markdown",
    "requirement_view",
]

_QUOTE_CHARS = 70
ADVICE_TITLES = {
    "adjacent": "Missing, and next to what you already show",
    "show": "You list these but never show them in experience or projects",
    "new": "Missing, with nothing related in the resume yet",
}


def _cell(text: str) -> str:
    return " ".join(str(text).split()).replace("|", "\\|")


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1] + "…"


def _options(report: MatchReport, match: RequirementMatch) -> str:
    return " or ".join(report.name(o) for o in match.requirement.options)


def _evidence(match: RequirementMatch, limit: int = 2) -> str:
    seen: list[str] = []
    for e in match.evidence:
        item = f'{e.section}: "{_quote(e.text)}"'
        if item not in seen:
            seen.append(item)
    return "; ".join(seen[:limit]) + (f" (+{len(seen) - limit} more)" if len(seen) > limit else "")


def _how(report: MatchReport, match: RequirementMatch) -> str:
    result = match.result
    if match.status == MISSING:
        return "not found"
    how = report.name(result.met_by)
    if result.via == "narrower":
        how += f" (narrower than {report.name(result.option)})"
    elif result.via == "broader":
        how += f" (broader than {report.name(result.option)})"
    how += f", {result.usage}"
    if match.years is not None:
        how += f", {match.years:g} years"
    return how


def requirement_view(report: MatchReport, match: RequirementMatch) -> dict[str, str]:
    """One requirement as a reader sees it, for every rendering of the report.

    Returns:
        ``requirement`` (the options by name, with the years asked), ``status``, ``how`` (what in
        the resume meets it and how), ``evidence`` (where the resume shows it) and ``asked`` (the
        posting's words).
    """
    asked = match.requirement.evidence[0].clause if match.requirement.evidence else ""
    years = f" ({match.requirement.years:g}+ years)" if match.requirement.years else ""
    return {
        "requirement": _options(report, match) + years,
        "status": match.status,
        "how": _how(report, match),
        "evidence": _evidence(match),
        "asked": _quote(asked),
    }


def advice_line(report: MatchReport, advice: Advice) -> str:
    """One piece of tailoring advice as a sentence (its group title is ``ADVICE_TITLES``)."""
    name = report.name(advice.skill)
    if advice.kind == "adjacent":
        return f"{name} ({advice.requirement}): you show {report.name(advice.related)}"
    if advice.kind == "show":
        return (
            f"{name} ({advice.requirement}, for {report.name(advice.related)}): "
            "add where you used it"
        )
    return f"{name} ({advice.requirement})"


def posting_line(report: MatchReport) -> str:
    """What the posting asks, in one line: title, seniority, years, degree, requirement counts."""
    posting = report.posting
    title = posting.title or posting.source
    return (
        f"{' '.join(title.split())} · seniority {posting.seniority} · "
        + (f"{posting.years:g}+ years asked" if posting.years is not None else "no years asked")
        + " · "
        + (f"{posting.degree} degree asked" if posting.degree else "no degree asked")
        + f" · {len(posting.required)} required, {len(posting.preferred)} preferred"
    )


def render_match_markdown(report: MatchReport) -> str:
    """Render the match report as Markdown, ending in a newline."""
    fit, posting = report.fit, report.posting
    title = posting.title or posting.source
    lines = [
        f"# {report.source} vs {title}",
        "",
        f"Match: **{fit.score:.1f}/100** · {fit.why}",
        "",
        f"Posting: {_cell(posting_line(report))}",
        "",
        "## Score",
        "",
        "| Component | Weight | Value | Points | How |",
        "|---|---:|---:|---:|---|",
    ]
    for c in fit.components:
        lines.append(
            f"| {c.name} | {c.weight:.2f} | {c.value:.2f} | {c.contribution:.2f} "
            f"| {_cell(c.detail)} |"
        )
    lines += [f"| **total** | | | **{fit.score:.1f}** | |", ""]
    for kind, matches in (("Required", fit.required), ("Preferred", fit.preferred)):
        if not matches:
            continue
        lines += [
            f"## {kind}",
            "",
            "| Requirement | Status | In the resume | Evidence | Asked |",
            "|---|---|---|---|---|",
        ]
        for m in matches:
            view = requirement_view(report, m)
            lines.append(
                "| "
                + " | ".join(
                    _cell(view[key])
                    for key in ("requirement", "status", "how", "evidence", "asked")
                )
                + " |"
            )
        lines.append("")
    if fit.unrecognised:
        lines += [
            "## Unrecognised requirements",
            "",
            "Asked for in the posting but naming no skill the lexicon knows; check them by hand:",
            "",
        ]
        lines += [f"- ({u.kind}) {u.text}" for u in fit.unrecognised]
        lines.append("")
    if fit.advice:
        lines += ["## Tailoring advice", ""]
        for kind, heading in ADVICE_TITLES.items():
            items = [a for a in fit.advice if a.kind == kind]
            if items:
                lines += [f"### {heading}", ""] + [f"- {advice_line(report, a)}" for a in items]
                lines.append("")
    if report.warnings:
        lines += ["## Warnings", ""] + [f"- {w}" for w in report.warnings] + [""]
    lines.append(f"Dates resolved against {report.reference_date.isoformat()}.")
    return "\n".join(lines).rstrip("\n") + "\n"


def _requirement(report: MatchReport, m: RequirementMatch) -> dict[str, Any]:
    r = m.result
    return {
        "kind": m.requirement.kind,
        "options": list(m.requirement.options),
        "label": m.requirement.label,
        "status": m.status,
        "credit": r.credit,
        "met_by": r.met_by,
        "via": r.via,
        "usage": r.usage,
        "years_asked": m.requirement.years,
        "years": m.years,
        "asked": [
            {
                "section": e.section,
                "text": e.text,
                "start": e.start,
                "end": e.end,
                "clause": e.clause,
            }
            for e in m.requirement.evidence
        ],
        "evidence": [
            {"section": e.section, "text": e.text, "start": e.start, "end": e.end}
            for e in m.evidence
        ],
    }


def match_to_dict(report: MatchReport) -> dict[str, Any]:
    """The report as plain JSON-ready data (key order fixed)."""
    fit, posting = report.fit, report.posting
    return {
        "resume": report.source,
        "posting": {
            "source": posting.source,
            "title": posting.title,
            "seniority": posting.seniority,
            "years": posting.years,
            "degree": posting.degree,
            "degree_preferred": posting.degree_preferred,
        },
        "score": fit.score,
        "why": fit.why,
        "components": components_json(fit.components),
        "requirements": [_requirement(report, m) for m in fit.requirements],
        "unrecognised": [
            {"kind": u.kind, "text": u.text, "start": u.start} for u in fit.unrecognised
        ],
        "advice": [
            {
                "kind": a.kind,
                "skill": a.skill,
                "name": report.name(a.skill),
                "related": a.related,
                "requirement": a.requirement,
            }
            for a in fit.advice
        ],
        "warnings": list(report.warnings),
        "reference_date": report.reference_date.isoformat(),
        "versions": {"resume_fit": __version__, "lexicon": report.lexicon_version},
    }


def render_match_json(report: MatchReport) -> str:
    """Render the match report as one JSON object, ending in a newline."""
    return json.dumps(match_to_dict(report), indent=2, ensure_ascii=False) + "\n"
