"""Reading and validating ``lexicons/roles.toml`` into a ``Catalogue``.

Every entry is validated on load; a bad entry raises ``DataFileError`` naming the file, the role
and the field.
"""

from __future__ import annotations

import dataclasses
import hashlib
import tomllib
from collections.abc import Mapping
from functools import lru_cache
from pathlib import Path

from resume_fit.config import lexicon_files
from resume_fit.errors import DataFileError
from resume_fit.profile.education import EDUCATION_LEVELS
from resume_fit.roles.catalogue import (
    COMPONENTS,
    GATE_KINDS,
    SENIORITY_LEVELS,
    Background,
    Catalogue,
    EducationExpectation,
    LadderStep,
    Requirement,
    Role,
    RoleGate,
    Scoring,
)

# A component weight above this is surely a typo (weights are relative, normalised to 100 points).
MAX_WEIGHT = 100.0
GATE_SCOPES = ("", "management", "architecture")


def _fail(where: str, entry: str, field: str, problem: str) -> DataFileError:
    return DataFileError(where, f"{entry}: field {field!r} {problem}")


def _string(table: dict, key: str, where: str, entry: str, default: str | None = None) -> str:
    value = table.get(key, default)
    if not isinstance(value, str) or not value.strip():
        raise _fail(where, entry, key, "must be a non-empty string")
    return value


def _strings(table: dict, key: str, where: str, entry: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise _fail(where, entry, key, "must be a list of strings")
    return tuple(value)


def _number(table: dict, key: str, where: str, entry: str, default: float) -> float:
    value = table.get(key, default)
    if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
        raise _fail(where, entry, key, f"must be a number >= 0, found {value!r}")
    return float(value)


def _requirements(table: dict, key: str, where: str, entry: str) -> tuple[Requirement, ...]:
    value = table.get(key, [])
    if not isinstance(value, list):
        raise _fail(where, entry, key, "must be a list of skill ids or lists of skill ids")
    items = []
    for item in value:
        options = [item] if isinstance(item, str) else item
        if (
            not isinstance(options, list)
            or not options
            or not all(isinstance(o, str) and o for o in options)
        ):
            raise _fail(where, entry, key, f"has an item that is not a skill id or group: {item!r}")
        items.append(Requirement(tuple(options)))
    return tuple(items)


def _weights(value: object, where: str, entry: str, base: Mapping[str, float]) -> dict[str, float]:
    if not isinstance(value, dict):
        raise _fail(where, entry, "weights", "must be a table of component = number")
    unknown = sorted(set(value) - set(COMPONENTS))
    if unknown:
        raise _fail(where, entry, "weights", f"names unknown components {unknown}")
    merged = dict(base)
    for name in value:
        merged[name] = _number(value, name, where, f"{entry} weights", 0.0)
        if merged[name] > MAX_WEIGHT:
            raise _fail(
                where,
                entry,
                f"weights.{name}",
                f"must be between 0 and {MAX_WEIGHT:g}, found {merged[name]:g}",
            )
    if sum(merged.values()) <= 0:
        raise _fail(where, entry, "weights", "must add up to more than 0")
    return merged


def _scoring(table: object, where: str) -> Scoring:
    if not isinstance(table, dict):
        raise _fail(where, "[scoring]", "scoring", "must be a table")
    if "weights" not in table:
        raise _fail(where, "[scoring]", "weights", "is missing (a table of component = number)")
    weights = _weights(table["weights"], where, "[scoring]", dict.fromkeys(COMPONENTS, 0.0))
    fields = {}
    for key in (
        "descendant_credit",
        "ancestor_credit",
        "listed_evidence",
        "degree_evidence",
        "unknown_years_value",
        "minimum_education_value",
        "unknown_education_value",
        "earlier_title_value",
        "soft_skill_weight",
        "rung_discount",
        "focus_discount",
        "core_discount",
        "rung_years_evidence",
        "rung_level_evidence",
        "base_title_evidence",
    ):
        fields[key] = _number(table, key, where, "[scoring]", getattr(Scoring, key))
        if fields[key] > 1:
            raise _fail(where, "[scoring]", key, f"must be between 0 and 1, found {fields[key]}")
    for key in (
        "gate_margin",
        "focus_recent_years",
        "posting_title_factor",
        "resume_title_factor",
        "rung_scope_phrases",
        "rung_min_years",
    ):
        fields[key] = _number(table, key, where, "[scoring]", getattr(Scoring, key))
    flags: dict[str, bool] = {}
    for key in ("gate_by_required", "posting_soft_skills"):
        flag = table.get(key, True)
        if not isinstance(flag, bool):
            raise _fail(where, "[scoring]", key, "must be true or false")
        flags[key] = flag
    return Scoring(
        weights=weights,
        gate_by_required=flags["gate_by_required"],
        posting_soft_skills=flags["posting_soft_skills"],
        weak_fit_below=_number(table, "weak_fit_below", where, "[scoring]", 0.0),
        plan_roles=int(_number(table, "plan_roles", where, "[scoring]", 3)),
        plan_skills_per_role=int(_number(table, "plan_skills_per_role", where, "[scoring]", 3)),
        plan_max_steps=int(_number(table, "plan_max_steps", where, "[scoring]", 12)),
        **fields,
    )


def _education(value: object, where: str, entry: str) -> EducationExpectation:
    if value is None:
        return EducationExpectation()
    if not isinstance(value, dict):
        raise _fail(where, entry, "education", "must be a table {minimum, preferred, publications}")
    levels = {}
    for key in ("minimum", "preferred"):
        level = value.get(key)
        if level is not None and level not in EDUCATION_LEVELS:
            raise _fail(
                where, entry, f"education.{key}", f"must be one of {list(EDUCATION_LEVELS)}"
            )
        levels[key] = level
    minimum = levels["minimum"]
    preferred = levels["preferred"] or minimum
    if minimum and EDUCATION_LEVELS.index(preferred) < EDUCATION_LEVELS.index(minimum):
        raise _fail(where, entry, "education.preferred", "is below education.minimum")
    publications = int(_number(value, "publications", where, entry, 0))
    return EducationExpectation(minimum, preferred, publications)


def _gate(value: object, where: str, entry: str) -> RoleGate | None:
    if value is None:
        return None
    if not isinstance(value, dict):
        raise _fail(where, entry, "gate", "must be a table {kind, base, ...}")
    known = {"kind", "base", "title_words", "level_words", "scope", "skills", "narrower_of"}
    known |= {"min_skills"}
    known |= {"min_share", "min_spread", "publications", "publications_need"}
    unknown = sorted(set(value) - known)
    if unknown:
        raise _fail(where, entry, "gate", f"has unknown keys {unknown}")
    kind = value.get("kind")
    if kind not in GATE_KINDS:
        raise _fail(where, entry, "gate.kind", f"must be one of {list(GATE_KINDS)}")
    base = _strings(value, "base", where, f"{entry} gate")
    if not base:
        raise _fail(where, entry, "gate.base", "must name at least one role id")
    scope = value.get("scope", "")
    if scope not in GATE_SCOPES:
        raise _fail(where, entry, "gate.scope", f"must be one of {list(GATE_SCOPES)}")
    gate = RoleGate(
        kind=kind,
        base=base,
        title_words=tuple(w.lower() for w in _strings(value, "title_words", where, entry)),
        level_words=tuple(w.lower() for w in _strings(value, "level_words", where, entry)),
        scope=scope,
        skills=_strings(value, "skills", where, f"{entry} gate"),
        narrower_of=_strings(value, "narrower_of", where, f"{entry} gate"),
        min_skills=_number(value, "min_skills", where, f"{entry} gate", 3.0),
        min_share=_number(value, "min_share", where, f"{entry} gate", 0.0),
        min_spread=_number(value, "min_spread", where, f"{entry} gate", 0.0),
        publications=int(_number(value, "publications", where, f"{entry} gate", 0)),
        publications_need=_strings(value, "publications_need", where, f"{entry} gate"),
    )
    for key, number in (("min_share", gate.min_share), ("min_spread", gate.min_spread)):
        if not 0 <= number <= 1:
            raise _fail(where, entry, f"gate.{key}", f"must be between 0 and 1, found {number}")
    if kind == "focus" and not (gate.skills or gate.narrower_of or gate.publications):
        raise _fail(where, entry, "gate", "of kind focus must name skills or publications")
    if gate.min_skills <= 0:
        raise _fail(where, entry, "gate.min_skills", "must be more than 0")
    return gate


def _role(table: object, where: str, index: int, scoring: Scoring) -> Role:
    if not isinstance(table, dict):
        raise DataFileError(where, f"roles[{index}] must be a table")
    raw_id = table.get("id")
    entry = f"role {raw_id!r}" if isinstance(raw_id, str) else f"roles[{index}]"
    role_id = _string(table, "id", where, entry)
    level = _string(table, "level", where, entry, "mid")
    if level not in SENIORITY_LEVELS:
        raise _fail(where, entry, "level", f"must be one of {list(SENIORITY_LEVELS)}")
    required = _requirements(table, "required", where, entry)
    if not required:
        raise _fail(where, entry, "required", "must name at least one skill")
    weights = scoring.weights
    if "weights" in table:
        weights = _weights(table["weights"], where, entry, scoring.weights)
    return Role(
        id=role_id,
        name=_string(table, "name", where, entry),
        summary=_string(table, "summary", where, entry),
        family=_string(table, "family", where, entry),
        level=level,
        required=required,
        preferred=_requirements(table, "preferred", where, entry),
        education=_education(table.get("education"), where, entry),
        min_years=_number(table, "min_years", where, entry, 0.0),
        backgrounds=_strings(table, "backgrounds", where, entry),
        next_steps=_strings(table, "next_steps", where, entry),
        sources=_strings(table, "sources", where, entry),
        weights=weights,
        max_years=_number(table, "max_years", where, entry, 0.0),
        titles=tuple(t.lower() for t in _strings(table, "titles", where, entry)),
        gate=_gate(table.get("gate"), where, entry),
        core=_strings(table, "core", where, entry),
    )


def _toml(data: bytes, origin: str) -> dict:
    try:
        return tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise DataFileError(origin, f"not valid TOML ({error})") from error


def _parse_catalogue(data: bytes, origin: str) -> Catalogue:
    version = hashlib.sha256(data).hexdigest()[:16]
    return _catalogue(_toml(data, origin), origin, version)


def _catalogue(document: dict, origin: str, version: str) -> Catalogue:
    scoring = _scoring(document.get("scoring", {}), origin)
    raw_roles = document.get("roles")
    if not isinstance(raw_roles, list) or not raw_roles:
        raise DataFileError(origin, "expected at least one [[roles]] table")
    roles: list[Role] = []
    for index, table in enumerate(raw_roles):
        role = _role(table, origin, index, scoring)
        if any(r.id == role.id for r in roles):
            raise DataFileError(origin, f"role {role.id!r} is defined twice")
        roles.append(role)
    ladder = tuple(
        LadderStep(
            level=_string(step, "level", origin, f"ladder[{i}]"),
            name=_string(step, "name", origin, f"ladder[{i}]"),
            min_years=_number(step, "min_years", origin, f"ladder[{i}]", 0.0),
            examples=_strings(step, "examples", origin, f"ladder[{i}]"),
            sources=_strings(step, "sources", origin, f"ladder[{i}]"),
        )
        for i, step in enumerate(document.get("ladder", []))
    )
    backgrounds = tuple(
        Background(
            id=_string(bg, "id", origin, f"backgrounds[{i}]"),
            name=_string(bg, "name", origin, f"backgrounds[{i}]"),
            start_roles=_strings(bg, "start_roles", origin, f"backgrounds[{i}]"),
            sources=_strings(bg, "sources", origin, f"backgrounds[{i}]"),
            titles=tuple(t.lower() for t in _strings(bg, "titles", origin, f"backgrounds[{i}]")),
        )
        for i, bg in enumerate(document.get("backgrounds", []))
    )
    ids = {role.id for role in roles}
    background_ids = {bg.id for bg in backgrounds}
    for role in roles:
        for step in role.next_steps:
            if step not in ids:
                raise _fail(
                    origin, f"role {role.id!r}", "next_steps", f"names unknown role {step!r}"
                )
        for background in role.backgrounds:
            if background not in background_ids:
                raise _fail(
                    origin, f"role {role.id!r}", "backgrounds", f"names unknown {background!r}"
                )
    for bg in backgrounds:
        for start in bg.start_roles:
            if start not in ids:
                raise _fail(origin, f"background {bg.id!r}", "start_roles", f"names {start!r}")
    _check_gates(roles, origin)
    roles = _with_derived_titles(roles)
    return Catalogue(roles, scoring, ladder, backgrounds, version, origin)


def _with_derived_titles(roles: list[Role]) -> list[Role]:
    """Each gated role with the titles of other roles its own titles do not hold: a rung's
    ``gate.rival_titles``, the other rung roles' titles (so "head of machine learning" is no rival
    of a role titled "head of machine"); a focus role's ``gate.base_titles``, its base roles'
    titles ("data scientist" for ML Research Scientist, not "research scientist")."""
    by_id = {r.id: r for r in roles}
    rungs = [r for r in roles if r.gate is not None and r.gate.kind == "rung"]
    out = []
    for role in roles:
        gate = role.gate
        if gate is None:
            out.append(role)
        elif gate.kind == "rung":
            others = [r for r in rungs if r.id != role.id]
            rivals = _titles_apart(others, role.titles)
            out.append(
                dataclasses.replace(role, gate=dataclasses.replace(gate, rival_titles=rivals))
            )
        else:
            bases = [by_id[b] for b in gate.base if b in by_id]
            titles = _titles_apart(bases, (*role.titles, *gate.title_words))
            out.append(
                dataclasses.replace(role, gate=dataclasses.replace(gate, base_titles=titles))
            )
    return out


def _titles_apart(others: list[Role], own: tuple[str, ...]) -> tuple[str, ...]:
    """The titles of ``others`` holding none of the phrases ``own``, in order, once each."""
    padded = [f" {phrase} " for phrase in own]
    return tuple(
        dict.fromkeys(
            title
            for other in others
            for title in other.titles
            if not any(p in f" {title} " for p in padded)
        )
    )


def _check_gates(roles: list[Role], origin: str) -> None:
    # A gated role is capped below its base roles, so bases must exist and never lead back to it.
    by_id = {role.id: role for role in roles}
    for role in roles:
        if role.gate is None:
            continue
        for base in role.gate.base:
            if base not in by_id:
                raise _fail(
                    origin, f"role {role.id!r}", "gate.base", f"names unknown role {base!r}"
                )
        seen, todo = set(), list(role.gate.base)
        while todo:
            current = todo.pop()
            if current == role.id:
                raise _fail(origin, f"role {role.id!r}", "gate.base", "leads back to the role")
            if current in seen:
                continue
            seen.add(current)
            gate = by_id[current].gate
            todo.extend(gate.base if gate is not None else ())


def read_catalogue(path: str | Path) -> Catalogue:
    """Read and validate a role catalogue TOML file.

    Args:
        path: A ``roles.toml`` file.

    Returns:
        The validated catalogue, roles in file order.

    Raises:
        DataFileError: The file is missing or not TOML, or an entry is invalid; the message names
            the file, the role and the field.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise DataFileError(path, f"cannot read the role catalogue: {error.strerror}") from error
    return _parse_catalogue(data, str(path))


@lru_cache(maxsize=1)
def load_catalogue() -> Catalogue:
    """Load the shipped catalogue (``lexicons/roles.toml``) once per process."""
    resource = lexicon_files() / "roles.toml"
    return _parse_catalogue(resource.read_bytes(), "lexicons/roles.toml")


def unknown_skills(catalogue: Catalogue, known: Mapping[str, object]) -> dict[str, tuple[str, ...]]:
    """Skill ids each role names (its gate's too) that ``known`` lacks; empty when all resolve."""
    missing = {}
    for role in catalogue.values():
        gate = role.gate.skill_ids if role.gate else ()
        ids = sorted({*role.skill_ids, *gate})
        absent = tuple(s for s in ids if s not in known)
        if absent:
            missing[role.id] = absent
    return missing
