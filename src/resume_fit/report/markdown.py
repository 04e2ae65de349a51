"""The report as Markdown: what a person reads first.

Order: a summary line; every role ranked with its score and a short why; for the top roles (or one
chosen role) the matched skills with their evidence, the missing required and preferred skills and
the score breakdown; the learning plan; the profile (positions, years per skill, education); the
skills found and where; warnings. Nothing is shown as present without evidence.
"""

from __future__ import annotations

from resume_fit.extract.mention import DEMONSTRATING_SECTIONS, SkillMention
from resume_fit.match import RoleFit
from resume_fit.match.credit import DEGREE, RequirementResult
from resume_fit.report import GapReport, weak_fit_headline

_QUOTE_CHARS = 60


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _QUOTE_CHARS else text[: _QUOTE_CHARS - 1] + "…"


def _evidence(skill: SkillMention, limit: int = 2, contexts: tuple[str, ...] = ()) -> str:
    seen: list[str] = []
    snippets = contexts if len(contexts) == len(skill.evidence) else ("",) * len(skill.evidence)
    for e, snippet in zip(skill.evidence, snippets, strict=True):
        words = _quote(e.text)
        if snippet and e.text in snippet:
            words = snippet.replace(e.text, f"**{e.text}**", 1)
        item = f'{e.section}: "{words}"'
        if item not in seen:
            seen.append(item)
    more = f" (+{len(seen) - limit} more)" if len(seen) > limit else ""
    return "; ".join(seen[:limit]) + more


def _summary(report: GapReport) -> str:
    profile = report.profile
    demonstrated = sum(1 for s in report.skills if s.usage == "demonstrated")
    best = report.roles[0] if report.roles else None
    if best is None:
        head = "No roles scored"
    elif report.weak_fit:
        head = weak_fit_headline(best)
    else:
        head = f"Best fit: **{best.name}** ({best.score:.1f}/100)"
    years = profile.years_summary()
    kind = "Read as a job posting · " if profile.posting.is_posting else ""
    return kind + (
        f"{head} · {len(report.skills)} skills found ({demonstrated} shown in experience or "
        f"projects) · {years} · seniority {profile.seniority} · highest degree "
        f"{profile.education.highest} · dates resolved against "
        f"{report.reference_date.isoformat()}."
    )


def _ranking(report: GapReport) -> list[str]:
    lines = ["## Roles ranked by fit", "", "| # | Role | Score | Why |", "|---|---|---:|---|"]
    for number, fit in enumerate(report.roles, start=1):
        lines.append(f"| {number} | {_cell(fit.name)} | {fit.score:.1f} | {_cell(fit.why)} |")
    return lines


def _role_detail(report: GapReport, fit: RoleFit, number: int) -> list[str]:
    by_id = {s.id: s for s in report.skills}
    lines = [f"### {number}. {fit.name} — {fit.score:.1f}/100", "", f"_{fit.why}_", ""]
    lines.append("**Matched skills**")
    lines.append("")
    met: list[RequirementResult] = []
    for req in fit.requirements:
        if req.met and req.met_by not in {m.met_by for m in met}:
            met.append(req)
    if not met:
        lines.append("- none")
    for req in met:
        skill = by_id.get(req.met_by)
        via = ""
        if req.via == "narrower":
            via = f", counts toward {report.name(req.option or req.options[0])} at reduced credit"
        evidence = f" — {_evidence(skill, 2, report.context(skill.id))}" if skill else ""
        if skill is None and req.usage == DEGREE and report.context(req.met_by):
            evidence = f' — education: "{report.context(req.met_by)[0]}"'
        usage = req.usage or (skill.usage if skill else "")
        lines.append(f"- {report.name(req.met_by)} ({req.kind}, {usage}{via}){evidence}")
    lines.append("")
    for kind, title in (("required", "Missing required"), ("preferred", "Missing preferred")):
        gaps = [r for r in fit.requirements if r.kind == kind and not r.met]
        names = []
        for req in gaps:
            label = " / ".join(report.name(o) for o in req.options)
            label = f"one of {label}" if len(req.options) > 1 else label
            if req.via == "broader":
                label += f" (partly covered by {report.name(req.met_by)})"
            names.append(label)
        lines.append(f"**{title}:** " + ("; ".join(names) if names else "none"))
        lines.append("")
    lines += [
        "**Score breakdown**",
        "",
        "| Component | Weight | Value | Points | How |",
        "|---|---:|---:|---:|---|",
    ]
    for c in fit.components:
        lines.append(
            f"| {c.name} | {c.weight:g} | {c.value:.2f} | {c.contribution:.2f} "
            f"| {_cell(c.detail)} |"
        )
    lines.append(f"| **total** | 100 | | **{fit.score:.1f}** | sum of points, 1 decimal |")
    lines.append("")
    return lines


def _plan(report: GapReport) -> list[str]:
    plan = report.plan
    lines = ["## Learning plan", ""]
    if not plan.steps:
        lines += ["Nothing the top roles ask for is missing.", ""]
    for uplift in plan.uplifts:
        names = [report.name(s) for s in uplift.skills]
        joined = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
        lines.append(
            f"- Adding {joined} would raise {uplift.name} from {uplift.before:.1f} to "
            f"{uplift.after:.1f}."
        )
    if plan.uplifts:
        lines.append("")
    for title, steps in (
        ("Adjacent to what you know", plan.adjacent),
        ("New to you", plan.new),
    ):
        if not steps:
            continue
        lines += [f"### {title}", ""]
        for step in steps:
            roles = ", ".join(f"{r} +{g:.1f}" for r, g in step.role_gains)
            related = f"; you have {report.name(step.related)}" if step.related else ""
            lines.append(
                f"- **{step.name}**: +{step.gain:.1f} points across top roles ({roles}){related}"
            )
        lines.append("")
    if plan.career:
        lines += ["### Next career steps", ""]
        lines += [f"- {c.name}: {c.reason}" for c in plan.career]
        lines.append("")
    return lines


def _profile(report: GapReport) -> list[str]:
    profile = report.profile
    lines = ["## Profile", ""]
    lines.append(f"- Document: {profile.posting.describe()}.")
    if profile.posting.is_posting:
        blocks = ", ".join(f"{b.kind} ({b.heading or 'a line'})" for b in profile.posting.blocks)
        title = profile.posting.title or "not found"
        lines.append(f"- Posting title: {title!r}; blocks: {blocks or 'none'}.")
    years = f"{profile.total_years:g}" if profile.total_years is not None else "unknown"
    lines.append(f"- Experience: {years} years ({profile.years_derivation}).")
    if profile.field_years:
        general = profile.field_years[0]
        own = [
            f"{f.family} roles {f.years:g}"
            for f in profile.field_years[1:]
            if f.years != general.years
        ]
        extra = f" ({'; '.join(own)})" if own else ""
        lines.append(
            f"- Years in the field (role fit reads these): {general.years:g} in technical, data "
            f"or ML work{extra}."
        )
    lines.append(f"- Seniority: {profile.seniority} ({profile.seniority_reason}).")
    scope = len(profile.management_scope), len(profile.architecture_scope)
    lines.append(f"- Scope phrases: {scope[0]} management, {scope[1]} architecture.")
    education = profile.education
    field = f" in {education.field}" if education.field else ""
    lines.append(
        f"- Education: {education.highest}{field}; {education.publications} publication(s), "
        f"{education.patents} patent(s) ({education.derivation})."
    )
    lines.append("")
    if profile.positions:
        lines += ["| Position | Organisation | From | To | Months |", "|---|---|---|---|---:|"]
        for p in profile.positions:
            end = "present" if p.span.present else f"{p.span.last:%Y-%m}"
            # A placement is shown as such: it counts in total years, not in the field's.
            kind = f" ({p.placement})" if p.placement else ""
            lines.append(
                f"| {_cell(p.title) or '?'}{kind} | {_cell(p.organisation) or '?'} | "
                f"{p.span.first:%Y-%m} | {end} | {p.span.months} |"
            )
        lines.append("")
    return lines


def _parse(report: GapReport) -> list[str]:
    quality = report.quality
    lines = ["## Parse", ""]
    layout = ", columns untangled" if quality.columns else ""
    lines.append(
        f"- Read as {report.format} ({quality.method}{layout}): {quality.pages} page(s), "
        f"{quality.chars} characters, quality {quality.verdict}; language {report.language}."
    )
    lines.append("")
    if not report.sections:
        return lines
    lines += [
        "The sections found; a skill mentioned in one counts as the last column says.",
        "",
        "| Section | Heading | Characters | Skills here are |",
        "|---|---|---|---|",
    ]
    for section in report.sections:
        heading = _cell(section.heading) or "(no heading)"
        usage = "demonstrated" if section.kind in DEMONSTRATING_SECTIONS else "listed"
        lines.append(f"| {section.kind} | {heading} | {section.start}-{section.end} | {usage} |")
    lines.append("")
    return lines


def _skills(report: GapReport) -> list[str]:
    lines = ["## Skills found", ""]
    if not report.skills:
        return lines + ["No skills from the lexicon were found.", ""]
    years = {s.id: s for s in report.profile.skill_years}
    shown = ", ".join(sorted(DEMONSTRATING_SECTIONS))
    lines += [
        f"Usage is *demonstrated* when the skill appears in {shown}, *listed* otherwise. Years: "
        "the dated positions whose text mentions the skill, overlaps counted once; last used is "
        "the latest such position's end.",
        "",
        "| Skill | Category | Usage | Years (last used) | Where |",
        "|---|---|---|---|---|",
    ]
    for skill in sorted(report.skills, key=lambda s: (s.name.casefold(), s.id)):
        used = years.get(skill.id)
        when = f"{used.years:g} ({used.last_used})" if used else "-"
        lines.append(
            f"| {_cell(skill.name)} | {skill.category} | {skill.usage} | {when} | "
            f"{_cell(_evidence(skill))} |"
        )
    lines.append("")
    return lines + _other_skills(report)


def _other_skills(report: GapReport) -> list[str]:
    """The skills lists' items the lexicon does not know: named, with their words, not scored."""
    if not report.other_skills:
        return []
    lines = [
        "### Other skills listed",
        "",
        "Items of the resume's skills lists that resume-fit's lexicon does not know. They are "
        "shown as written and do not count toward any role.",
        "",
        "| Item | Where |",
        "|---|---|",
    ]
    for item in report.other_skills:
        where = "; ".join(f'{e.section}: "{_quote(e.text)}"' for e in item.evidence[:2])
        lines.append(f"| {_cell(item.text)} | {_cell(where)} |")
    lines.append("")
    return lines


def render_markdown(report: GapReport, top: int = 3, role: str | None = None) -> str:
    """Render the report as Markdown.

    Args:
        report: The report.
        top: How many of the best roles get a detailed section.
        role: A role id: detail only that role instead of the top ones.

    Returns:
        The Markdown text, ending with a newline; the same report always gives the same text.

    Raises:
        ResumeFitError: ``role`` is not a role of the report (the message lists the ids).
    """
    detailed = report.detailed_roles(top, role)
    lines = [f"# Resume fit: {report.source}", "", _summary(report), ""]
    lines += _ranking(report) + [""]
    lines += ["## Top roles" if role is None else "## Role", ""]
    for number, fit in detailed:
        lines += _role_detail(report, fit, number)
    lines += _plan(report) + _profile(report) + _parse(report) + _skills(report)
    lines += ["## Warnings", ""]
    lines += [f"- {w}" for w in report.warnings] or ["- none"]
    return "\n".join(lines).rstrip() + "\n"
