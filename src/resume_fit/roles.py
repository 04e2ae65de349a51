"""The role catalogue: the ML roles the seed articles name, read from ``lexicons/roles.toml``.

The catalogue is data a reviewer edits like code: each role lists required and preferred skills
(a requirement is one skill id or a "one of" group), an education expectation, minimum years, the
backgrounds it suits, the next career steps and its sources (seed articles, O*NET-SOC codes, ESCO
URIs). Scoring weights and credits live in its ``[scoring]`` table. Every entry is validated on
load; a bad entry raises ``DataFileError`` naming the file, the role and the field.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from resume_fit.config import lexicon_files
from resume_fit.errors import DataFileError
from resume_fit.profile.education import EDUCATION_LEVELS
from resume_fit.profile.seniority import LEVELS

__all__ = [
    "EDUCATION_LEVELS",
    "Catalogue",
    "Role",
    "Requirement",
    "load_catalogue",
    "read_catalogue",
]

SENIORITY_LEVELS: tuple[str, ...] = LEVELS
COMPONENTS: tuple[str, ...] = (
    "required",
    "preferred",
    "evidence",
    "experience",
    "education",
    "title",
)


@dataclass(frozen=True)
class Requirement:
    """One required or preferred item: a single skill, or a group where any one option will do.

    Attributes:
        options: Skill ids, in the catalogue's order; one id for a plain requirement.
    """

    options: tuple[str, ...]

    @property
    def is_group(self) -> bool:
        """True for a "one of" group."""
        return len(self.options) > 1

    @property
    def label(self) -> str:
        """``"python"`` or ``"one of pytorch / tensorflow"``."""
        if self.is_group:
            return "one of " + " / ".join(self.options)
        return self.options[0]


@dataclass(frozen=True)
class EducationExpectation:
    """What a role expects in education.

    Attributes:
        minimum: Lowest level in ``EDUCATION_LEVELS`` that meets it, or None for no expectation.
        preferred: Level that earns full credit (defaults to ``minimum``).
        publications: Number of publications a research role expects, 0 for none.
    """

    minimum: str | None = None
    preferred: str | None = None
    publications: int = 0


@dataclass(frozen=True)
class Scoring:
    """Score settings from the ``[scoring]`` table (see ``resume_fit.match`` for the formula).

    Attributes:
        weights: Relative weight per component name in ``COMPONENTS``.
        descendant_credit: Credit when a narrower skill meets a broader requirement.
        ancestor_credit: Credit when a broader skill meets a narrower requirement.
        listed_evidence: Evidence value of a skill that is only listed, not shown in use.
        gate_by_required: Scale experience and education by the required coverage.
        unknown_years_value: Experience value when no dated positions were found.
        minimum_education_value: Education value at the minimum (below the preferred) level.
        unknown_education_value: Education value when no degree was found.
        soft_skill_weight: Weight, in the required and preferred means, of an item whose options
            are all soft skills (easy to claim, hard to verify); other items weigh 1.
        weak_fit_below: A best score under this makes the report warn that no role fits well.
        earlier_title_value: Title value when an earlier (not the latest) title matches the role.
        plan_roles: How many top roles the learning plan looks at.
        plan_skills_per_role: How many missing skills it combines per role.
        plan_max_steps: How many skills the plan lists at most.
    """

    weights: Mapping[str, float]
    descendant_credit: float = 0.75
    ancestor_credit: float = 0.25
    listed_evidence: float = 0.4
    gate_by_required: bool = True
    unknown_years_value: float = 0.5
    minimum_education_value: float = 0.7
    unknown_education_value: float = 0.3
    earlier_title_value: float = 0.5
    soft_skill_weight: float = 1.0
    weak_fit_below: float = 0.0
    plan_roles: int = 3
    plan_skills_per_role: int = 3
    plan_max_steps: int = 12


@dataclass(frozen=True)
class Role:
    """One role of the catalogue.

    Attributes:
        id: Stable kebab-case id, e.g. ``"mlops-engineer"``.
        name: Display name.
        summary: One sentence on what the role does.
        family: ``engineering``, ``data-science``, ``research`` ...
        level: Typical rung on the career ladder (``SENIORITY_LEVELS``).
        required: Required items, in catalogue order.
        preferred: Preferred items.
        education: Education expectation.
        min_years: Years of professional experience the role expects.
        max_years: Years beyond which a resume is over-qualified for the role (0 for no limit).
        backgrounds: Background ids (``Catalogue.backgrounds``) for which this is a starting role.
        next_steps: Role ids a person in this role typically moves to.
        sources: Seed ids (``seed:000``), O*NET-SOC codes (``onet:15-2051.00``), ESCO URIs.
        weights: Component weights for this role (the defaults with its overrides applied).
    """

    id: str
    name: str
    summary: str
    family: str
    level: str
    required: tuple[Requirement, ...]
    preferred: tuple[Requirement, ...]
    education: EducationExpectation
    min_years: float
    backgrounds: tuple[str, ...]
    next_steps: tuple[str, ...]
    sources: tuple[str, ...]
    weights: Mapping[str, float]
    max_years: float = 0.0
    titles: tuple[str, ...] = ()

    @property
    def skill_ids(self) -> tuple[str, ...]:
        """Every skill id the role names, sorted, without duplicates."""
        ids = {s for item in (*self.required, *self.preferred) for s in item.options}
        return tuple(sorted(ids))


@dataclass(frozen=True)
class LadderStep:
    """One rung of the career ladder (entry -> mid -> senior -> lead)."""

    level: str
    name: str
    min_years: float
    examples: tuple[str, ...]
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Background:
    """A background and the roles it is best placed to start in (seed 000's table).

    Attributes:
        id: Background id, e.g. ``"software-developer"``.
        name: As the seed writes it.
        start_roles: Role ids the seed recommends starting in.
        sources: Seed ids.
        titles: Lower-case title phrases that show the background ("software engineer").
    """

    id: str
    name: str
    start_roles: tuple[str, ...]
    sources: tuple[str, ...]
    titles: tuple[str, ...] = ()


class Catalogue(Mapping[str, Role]):
    """An immutable mapping from role id to ``Role``, in catalogue order, plus ladder and settings.

    Args:
        roles: The roles; ids must be unique.
        scoring: The score settings.
        ladder: Career ladder rungs in order.
        backgrounds: Background -> starting roles table.
        version: Content hash of the source file.
        origin: Where it was read from, for messages.
    """

    def __init__(
        self,
        roles: list[Role],
        scoring: Scoring,
        ladder: tuple[LadderStep, ...] = (),
        backgrounds: tuple[Background, ...] = (),
        version: str = "",
        origin: str = "<memory>",
    ) -> None:
        self._roles = {role.id: role for role in roles}
        self.scoring = scoring
        self.ladder = ladder
        self.backgrounds = backgrounds
        self.version = version
        self.origin = origin

    def __getitem__(self, role_id: str) -> Role:
        return self._roles[role_id]

    def __iter__(self) -> Iterator[str]:
        return iter(self._roles)

    def __len__(self) -> int:
        return len(self._roles)

    def skill_ids(self) -> tuple[str, ...]:
        """Every skill id any role names, sorted."""
        return tuple(sorted({s for role in self._roles.values() for s in role.skill_ids}))

    def ladder_step(self, level: str) -> LadderStep | None:
        """The ladder rung for ``level``, or None."""
        return next((step for step in self.ladder if step.level == level), None)

    def next_ladder_step(self, level: str) -> LadderStep | None:
        """The rung above ``level``, or None at the top (or for an unknown level)."""
        levels = [step.level for step in self.ladder]
        if level not in levels or levels.index(level) + 1 >= len(levels):
            return None
        return self.ladder[levels.index(level) + 1]


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
        "unknown_years_value",
        "minimum_education_value",
        "unknown_education_value",
        "earlier_title_value",
        "soft_skill_weight",
    ):
        fields[key] = _number(table, key, where, "[scoring]", getattr(Scoring, key))
        if fields[key] > 1:
            raise _fail(where, "[scoring]", key, f"must be between 0 and 1, found {fields[key]}")
    gate = table.get("gate_by_required", True)
    if not isinstance(gate, bool):
        raise _fail(where, "[scoring]", "gate_by_required", "must be true or false")
    return Scoring(
        weights=weights,
        gate_by_required=gate,
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


def _role(table: object, where: str, index: int, scoring: Scoring) -> Role:
    if not isinstance(table, dict):
        raise DataFileError(where, f"roles[{index}] must be a table")
    role_id = table.get("id")
    entry = f"role {role_id!r}" if isinstance(role_id, str) else f"roles[{index}]"
    _string(table, "id", where, entry)
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
    )


def _parse_catalogue(data: bytes, origin: str) -> Catalogue:
    try:
        document = tomllib.loads(data.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise DataFileError(origin, f"not valid TOML ({error})") from error
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
    version = hashlib.sha256(data).hexdigest()[:16]
    return Catalogue(roles, scoring, ladder, backgrounds, version, origin)


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
    """Skill ids each role names that ``known`` (a lexicon) lacks; empty when all resolve."""
    missing = {}
    for role in catalogue.values():
        absent = tuple(s for s in role.skill_ids if s not in known)
        if absent:
            missing[role.id] = absent
    return missing
