"""The report as one self-contained HTML page: what a person shares or prints.

The same content as the Markdown report (summary, roles ranked, the top roles in detail, the
learning plan, the profile, the skills with their evidence, warnings), with the role fit drawn as an
inline SVG bar chart stacked by score component. The page references nothing outside itself: no
script, font, stylesheet or image is fetched, and it reads the same without JavaScript. Every text
is escaped by the template engine (Jinja2 with autoescaping; the charts escape their own labels).

Templates are package data in ``resume_fit/report/templates/``. The page is deterministic: the same
report gives the same bytes.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from resume_fit.extract.mention import DEMONSTRATING_SECTIONS, SkillMention
from resume_fit.report import GapReport, weak_fit_headline
from resume_fit.report.charts import stacked_bars

if TYPE_CHECKING:
    import jinja2

    from resume_fit.match import RoleFit

__all__ = ["Snippet", "render_html", "template_environment"]

# Evidence snippets shown per skill in a role's detail and in the skills table.
_ROLE_SNIPPETS = 2
_SKILL_SNIPPETS = 3


@dataclass(frozen=True)
class Snippet:
    """One piece of evidence as shown: the words around it and the skill words themselves.

    Attributes:
        section: The section kind it was found in.
        before: Text before the skill words ("" when the snippet is only the words).
        words: The skill words, as written.
        after: Text after them.
    """

    section: str
    before: str
    words: str
    after: str


@lru_cache(maxsize=1)
def template_environment() -> jinja2.Environment:
    """The Jinja2 environment of the HTML reports: package templates, autoescaped, strict."""
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("resume_fit.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def snippets(report: GapReport, skill: SkillMention, limit: int) -> list[Snippet]:
    """The first ``limit`` distinct pieces of evidence of a skill, split around its words."""
    contexts = report.context(skill.id)
    if len(contexts) != len(skill.evidence):
        contexts = ("",) * len(skill.evidence)
    shown: list[Snippet] = []
    for evidence, context in zip(skill.evidence, contexts, strict=True):
        if context and evidence.text in context:
            before, after = context.split(evidence.text, 1)
        else:
            before, after = "", ""
        item = Snippet(evidence.section, before, evidence.text, after)
        if item not in shown:
            shown.append(item)
        if len(shown) == limit:
            break
    return shown


def _role_view(report: GapReport, fit: RoleFit, number: int) -> dict[str, Any]:
    by_id = {s.id: s for s in report.skills}
    matched, seen = [], set()
    for req in fit.requirements:
        if not req.met or req.met_by in seen:
            continue
        seen.add(req.met_by)
        skill = by_id.get(req.met_by)
        via = ""
        if req.via == "narrower":
            via = f"counts toward {report.name(req.option or req.options[0])} at reduced credit"
        matched.append(
            {
                "name": report.name(req.met_by),
                "kind": req.kind,
                "usage": skill.usage if skill else req.usage,
                "via": via,
                "snippets": snippets(report, skill, _ROLE_SNIPPETS) if skill else [],
            }
        )
    missing = {}
    for kind in ("required", "preferred"):
        labels = []
        for req in fit.requirements:
            if req.kind != kind or req.met:
                continue
            label = " / ".join(report.name(o) for o in req.options)
            label = f"one of {label}" if len(req.options) > 1 else label
            if req.via == "broader":
                label += f" (partly covered by {report.name(req.met_by)})"
            labels.append(label)
        missing[kind] = labels
    return {"number": number, "fit": fit, "matched": matched, "missing": missing}


def _summary(report: GapReport) -> str:
    profile = report.profile
    demonstrated = sum(1 for s in report.skills if s.usage == "demonstrated")
    best = report.roles[0] if report.roles else None
    if best is None:
        head = "No roles scored"
    elif report.weak_fit:
        head = weak_fit_headline(best)
    else:
        head = f"Best fit: {best.name} ({best.score:.1f}/100)"
    years = profile.years_summary()
    return (
        f"{head} · {len(report.skills)} skills found ({demonstrated} shown in experience or "
        f"projects) · {years} · seniority {profile.seniority} · highest degree "
        f"{profile.education.highest} · dates resolved against {report.reference_date.isoformat()}."
    )


def render_html(report: GapReport, top: int = 3, role: str | None = None) -> str:
    """Render the report as one self-contained HTML page.

    Args:
        report: The report (redacted or not: the page shows what it is given).
        top: How many of the best roles get a detailed section.
        role: A role id: detail only that role instead of the top ones.

    Returns:
        The HTML text, ending with a newline; the same report always gives the same text.

    Raises:
        ResumeFitError: ``role`` is not a role of the report (the message lists the ids).
    """
    detailed = report.detailed_roles(top, role)
    chart = stacked_bars(
        [(fit.name, [(c.name, c.contribution) for c in fit.components]) for fit in report.roles],
        title="Role fit, stacked by score component (points out of 100)",
    )
    years = {s.id: s for s in report.profile.skill_years}
    skills = [
        {
            "skill": skill,
            "years": years.get(skill.id),
            "snippets": snippets(report, skill, _SKILL_SNIPPETS),
        }
        for skill in sorted(report.skills, key=lambda s: (s.name.casefold(), s.id))
    ]
    page = template_environment().get_template("report.html.j2")
    return page.render(
        report=report,
        summary=_summary(report),
        chart=chart,
        detailed=[_role_view(report, fit, number) for number, fit in detailed],
        single_role=role is not None,
        skills=skills,
        demonstrating=", ".join(sorted(DEMONSTRATING_SECTIONS)),
        name=report.name,
    )
