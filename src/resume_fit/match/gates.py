"""Evidence a rung or specialism role needs before it may outrank the role it builds on.

A role with a ``gate`` in the catalogue (``resume_fit.roles.RoleGate``) earns its points like any
other role; then ``resume_fit.match.role_fit`` takes some back in one more score component, named
after the gate's kind, according to the evidence found here (0 = none, 1 = full):

* **rung** (Lead Data Scientist, ML manager, Head of AI, AI and solutions architects): the best of
  years in the field (``Profile.years_in_field(role.family) / min_years``: years outside technical,
  data or ML work are no rung evidence), a title at that level (the latest title holds one of the
  gate's ``title_words`` or the role's titles: 1; only one of its ``level_words``, or a title word
  in a title another rung names as its own (``rival_titles``): ``rung_level_evidence``; an
  earlier title: that times ``earlier_title_value``), and
  scope phrases in the experience and summary text (``found / rung_scope_phrases``); with
  unknown years or fewer than ``rung_min_years`` at most ``rung_level_evidence``, so the rung
  stays under its base role on a junior or undated resume. A job
  posting is judged by its title alone: its "you will lead" is the job's scope, not a record.
* **focus** (computer vision, NLP, research): the best of the title (one of the role's titles or
  the gate's ``title_words``, as for a rung), publications (``found / publications``), and the
  weight of the specialism's skills, ``min(1, count / min_skills) x min(1, share / min_share) x
  recency x spread``, where a demonstrated skill counts 1 and a listed one 0.5, share is the
  specialism's part of all the technical skills found, recency is 0.5 when every dated use of them
  ended more than ``focus_recent_years`` before the reference date (1 otherwise), and spread is
  ``min(1, lines / min_spread)`` (the gate's; vision, language and research gates set it), lines
  the share of the work lines (experience, projects, publications) naming a technical skill that
  name a specialism skill: one project among many is not the weight of a specialism, however many
  of its tools it names. When the latest title names a base role and not the specialism
  ("Senior Data Scientist" after a postdoc), the evidence is at most ``base_title_evidence``:
  the person holds the base role now. A job posting is judged by its title alone here too.

The points taken back are ``discount x (1 - evidence)`` of the points earned; and a role without
full evidence is capped just under the best of its ``base`` roles (``match_roles`` does that).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from resume_fit.lexicon import Lexicon
from resume_fit.match.credit import DEMONSTRATED
from resume_fit.match.index import title_phrase
from resume_fit.match.titles import names_title
from resume_fit.profile import Profile
from resume_fit.profile.field import title_in_field
from resume_fit.roles import Role, RoleGate, Scoring

LISTED_FOCUS_WEIGHT = 0.5
OLD_FOCUS_WEIGHT = 0.5
# Fewer work lines naming a technical skill than this say too little about where the work lies.
MIN_WORK_LINES = 3


def gate_evidence(
    role: Role,
    present: Mapping[str, str],
    profile: Profile,
    scoring: Scoring,
    lexicon: Lexicon,
    title_value: float,
) -> tuple[float, str]:
    """The evidence (0..1) a gated role's resume shows, and how it was found.

    Args:
        role: A role with a ``gate``.
        present: Skill id -> usage, as scored.
        profile: Years, titles, scope phrases, publications, posting signal.
        scoring: ``earlier_title_value``, ``rung_scope_phrases``, ``focus_recent_years``.
        lexicon: For the specialism's narrower skills and for telling soft skills apart.
        title_value: The title component's value for this role (before gating by required).
    """
    gate = role.gate
    if gate is None:
        return 1.0, "no gate"
    if gate.kind == "rung":
        return _rung(role, gate, profile, scoring)
    title_value = max(title_value, _title_at_level(role, gate, profile, scoring))
    if profile.posting.is_posting:
        # A posting is labelled by its title: one LLM project in an ML engineer posting does not
        # make it an NLP posting.
        return title_value, f"a job posting is judged by its title ({title_value:g})"
    evidence, note = _focus(gate, present, profile, scoring, lexicon, title_value)
    holds = _holds_base(gate, profile)
    if holds and title_value < 1.0 and evidence > scoring.base_title_evidence:
        evidence = scoring.base_title_evidence
        note += f"; latest title {holds!r} names its base role: at most {evidence:g}"
    return evidence, note


def _holds_base(gate: RoleGate, profile: Profile) -> str:
    """The latest title when it names one of the gate's base roles ("Senior Data Scientist" for
    ML Research Scientist), else ""."""
    if not profile.titles or not gate.base_titles:
        return ""
    written = title_phrase(profile.titles[0])
    named = any(names_title(title_phrase(t), written) for t in gate.base_titles)
    return profile.titles[0] if named else ""


def _title_at_level(role: Role, gate: RoleGate, profile: Profile, scoring: Scoring) -> float:
    own = [title_phrase(p) for p in role.titles]
    phrases = [title_phrase(p) for p in gate.title_words]
    levels = [title_phrase(p) for p in gate.level_words]
    rivals = [title_phrase(p) for p in gate.rival_titles]
    for rank, title in enumerate(profile.titles):
        written = title_phrase(title)
        named = any(names_title(p, written) for p in phrases) and not any(
            p in written for p in rivals
        )
        if named or any(names_title(p, written) for p in own):
            value = 1.0
        elif any(names_title(p, written) for p in phrases) or (
            any(p in written for p in levels) and title_in_field(title)
        ):
            # "Staff Engineer" is at an architect's level without doing an architect's work;
            # "Head of AI" names the head-of-AI rung, so to the ML manager rung it is the level.
            value = scoring.rung_level_evidence
        else:
            continue
        return value if rank == 0 else value * scoring.earlier_title_value
    return 0.0


def _rung(role: Role, gate: RoleGate, profile: Profile, scoring: Scoring) -> tuple[float, str]:
    title = _title_at_level(role, gate, profile, scoring)
    latest = repr(profile.titles[0]) if profile.titles else "none found"
    title_note = f"title {latest} {'at' if title else 'not at'} the rung ({title:g})"
    if profile.posting.is_posting:
        return title, f"a job posting is judged by its title: {title_note}"
    years = profile.years_in_field(role.family)
    by_years = min(1.0, years / role.min_years) if years is not None and role.min_years else 0.0
    by_years *= scoring.rung_years_evidence
    field = " in the field" if years != profile.total_years else ""
    years_note = (
        f"{years:g} of {role.min_years:g} years{field} ({by_years:.2f}, years alone count "
        f"{scoring.rung_years_evidence:g})"
        if years is not None
        else "years unknown (0)"
    )
    phrases = (
        profile.architecture_scope if gate.scope == "architecture" else profile.management_scope
    )
    needed = max(1.0, scoring.rung_scope_phrases)
    by_scope = min(1.0, len(phrases) / needed) if gate.scope else 0.0
    scope_note = (
        f"{len(phrases)} {gate.scope}-scope phrase(s) of {needed:g} ({by_scope:.2f})"
        if gate.scope
        else "scope not used"
    )
    evidence = max(title, by_years, by_scope)
    note = f"{years_note}; {title_note}; {scope_note}"
    if (years is None or years < scoring.rung_min_years) and evidence > 0:
        # An undated or junior resume never gets a rung above the role it builds on, whatever
        # its title or wording: a student "Data Science Lead" is a data scientist.
        capped = min(evidence, scoring.rung_level_evidence)
        if capped < evidence:
            note += f"; fewer than {scoring.rung_min_years:g} known years: at most {capped:g}"
        evidence = capped
    return evidence, note


def _focus_skills(gate: RoleGate, present: Mapping[str, str], lexicon: Lexicon) -> list[str]:
    wanted = set(gate.skills)
    found = []
    for skill in present:
        if (
            skill in wanted
            or any(a in gate.narrower_of for a in lexicon.ancestors(skill))
            or skill in gate.narrower_of
        ):
            found.append(skill)
    return sorted(found)


def _recency(skills: list[str], profile: Profile, scoring: Scoring) -> tuple[float, str]:
    uses = [profile.years_for(s) for s in skills]
    dated = [u for u in uses if u is not None]
    if not dated:
        return 1.0, ""
    cutoff = profile.reference_date - dt.timedelta(days=round(365.25 * scoring.focus_recent_years))
    latest = max("9999-99" if u.last_used == "present" else u.last_used for u in dated)
    if latest == "9999-99" or latest >= f"{cutoff:%Y-%m}":
        return 1.0, ""
    return (
        OLD_FOCUS_WEIGHT,
        f", last used {latest} (older than {scoring.focus_recent_years:g} years: "
        f"x{OLD_FOCUS_WEIGHT:g})",
    )


def _spread(
    gate: RoleGate, skills: list[str], technical: list[str], profile: Profile
) -> tuple[float, str]:
    """How much of the work the specialism fills: the share of the work lines naming a technical
    skill that name one of its skills, against the gate's ``min_spread``. One image project among
    five (one line of five) is not a vision engineer's record, however many vision tools it
    names. 1 when the resume shows fewer than ``MIN_WORK_LINES`` such lines (nothing to weigh)."""
    if gate.min_spread <= 0:
        return 1.0, ""
    lines = dict(profile.work_lines)
    work = {n for s in technical for n in lines.get(s, ())}
    if len(work) < MIN_WORK_LINES:
        return 1.0, ""
    focus = {n for s in skills for n in lines.get(s, ())}
    spread = len(focus) / len(work)
    value = min(1.0, spread / gate.min_spread)
    return value, (
        f", named on {len(focus)} of {len(work)} work lines ({spread:.0%}, needed "
        f"{gate.min_spread:.0%}: x{value:.2f})"
    )


def _focus(
    gate: RoleGate,
    present: Mapping[str, str],
    profile: Profile,
    scoring: Scoring,
    lexicon: Lexicon,
    title_value: float,
) -> tuple[float, str]:
    skills = _focus_skills(gate, present, lexicon)
    count = sum(1.0 if present[s] == DEMONSTRATED else LISTED_FOCUS_WEIGHT for s in skills)
    technical = [s for s in present if s not in lexicon or lexicon[s].category != "soft_skill"]
    share = len(skills) / len(technical) if technical else 0.0
    by_count = min(1.0, count / gate.min_skills)
    by_share = min(1.0, share / gate.min_share) if gate.min_share else 1.0
    recency, recency_note = _recency(skills, profile, scoring)
    by_spread, spread_note = _spread(gate, skills, technical, profile)
    by_skills = by_count * by_share * recency * by_spread
    shown = ", ".join(skills[:5]) + (" ..." if len(skills) > 5 else "")
    parts = [
        f"{len(skills)} specialism skill(s) ({shown or 'none'}) weigh {count:g} of "
        f"{gate.min_skills:g} and make {share:.0%} of {len(technical)} technical skills "
        f"(share needed {gate.min_share:.0%}){recency_note}{spread_note}: {by_skills:.2f}",
        f"title {title_value:g}",
    ]
    evidence = max(by_skills, title_value)
    if gate.publications:
        papers = profile.education.publications
        need = set(gate.publications_need)
        relevant = not need or any(s in need or need & set(lexicon.ancestors(s)) for s in present)
        by_papers = min(1.0, papers / gate.publications) if relevant else 0.0
        note = "" if relevant else f", not counted without one of {', '.join(sorted(need))}"
        parts.append(f"{papers} of {gate.publications} publications ({by_papers:.2f}{note})")
        evidence = max(evidence, by_papers)
    return evidence, "; ".join(parts)
