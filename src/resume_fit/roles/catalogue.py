"""The catalogue's data types: roles, requirements, scoring settings, the ladder, backgrounds."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from resume_fit.profile.seniority import LEVELS

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


GATE_KINDS: tuple[str, ...] = ("rung", "focus")


@dataclass(frozen=True)
class RoleGate:
    """What a rung or specialism role must show before it may outrank the role it builds on.

    A *rung* (lead, manager, head-of, architect) needs evidence of the rung: years at or above the
    role's ``min_years``, a latest title holding one of ``title_words`` (or one of the role's
    titles), or ``scope`` phrases in the experience text. A *focus* (computer vision, NLP,
    research) needs weight of evidence: enough of ``skills`` (demonstrated, recent, a fair share
    of all technical skills), a title of the role, or publications. ``resume_fit.match.gates``
    turns the evidence into the ``rung`` / ``focus`` score component and the cap below ``base``.

    Attributes:
        kind: ``"rung"`` or ``"focus"``.
        base: Role ids this role builds on; without full evidence it stays below the best of them.
        title_words: Words in the latest title that show the rung ("lead", "architect").
        level_words: Words that show only the level of the rung, not its function ("staff",
            "principal" for an architect: a staff engineer is senior, not an architect); a title
            holding only these is partial evidence, ``Scoring.rung_level_evidence``.
        scope: ``"management"`` or ``"architecture"``: which scope phrases count (rung only).
        skills: Skill ids of the specialism (focus only), in catalogue order.
        narrower_of: Skill ids whose narrower skills in the lexicon also count as ``skills``.
        min_skills: Specialism skills needed for full evidence (demonstrated 1, listed 0.5).
        min_share: Share of the resume's technical skills they must make up for full evidence.
        min_spread: Share of the work lines (experience, projects, publications) naming a
            technical skill that must name a specialism skill for full evidence (0: not used).
        publications: Publications that are full evidence on their own (0: not used).
        publications_need: Skill ids (or narrower ones) the resume must have for publications to
            count: an economist's papers are not machine-learning research.
        rival_titles: Derived when the catalogue is read, not written in it: the titles of the
            other rung roles that hold none of this role's titles. A latest title naming one of
            them is that rung's own title, so here it shows the level only ("Head of AI" is the
            head-of-AI rung; to the ML manager rung its "head" is the level, not the function).
        base_titles: Derived when the catalogue is read (focus only): the titles of the ``base``
            roles that hold none of this role's titles or ``title_words``. A latest title naming
            one of them says the person holds the base role now (``Scoring.base_title_evidence``).
    """

    kind: str
    base: tuple[str, ...]
    title_words: tuple[str, ...] = ()
    level_words: tuple[str, ...] = ()
    scope: str = ""
    skills: tuple[str, ...] = ()
    narrower_of: tuple[str, ...] = ()
    min_skills: float = 3.0
    min_share: float = 0.0
    min_spread: float = 0.0
    publications: int = 0
    publications_need: tuple[str, ...] = ()
    rival_titles: tuple[str, ...] = ()
    base_titles: tuple[str, ...] = ()

    @property
    def skill_ids(self) -> tuple[str, ...]:
        """Every skill id the gate names."""
        return (*self.skills, *self.narrower_of, *self.publications_need)


@dataclass(frozen=True)
class Scoring:
    """Score settings from the ``[scoring]`` table (see ``resume_fit.match`` for the formula).

    Attributes:
        weights: Relative weight per component name in ``COMPONENTS``.
        descendant_credit: Credit when a narrower skill meets a broader requirement.
        ancestor_credit: Credit when a broader skill meets a narrower requirement.
        listed_evidence: Evidence value of a skill that is only listed, not shown in use.
        degree_evidence: Evidence value of a skill that is only the subject of a degree.
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
        rung_discount: Share of its earned points a rung role loses with no evidence of the rung
            (scaled by the evidence missing).
        focus_discount: Likewise for a specialism role with no weight of evidence.
        core_discount: Share of its earned points a role with ``core`` skills loses when none of
            them, nor a narrower skill, was found (an SRE's Kubernetes and Python for ML
            Engineer).
        rung_scope_phrases: Scope phrases that are full evidence of a rung.
        rung_years_evidence: Evidence that years at the rung give on their own (a title or scope
            at the rung gives 1).
        rung_level_evidence: Evidence that a title holding only one of a rung's ``level_words``
            gives (a title naming the rung's function gives 1).
        rung_min_years: Below this many known years (or with none dated) a resume is junior:
            its rung evidence is at most ``rung_level_evidence``, so a rung stays under its base.
        base_title_evidence: A specialism's evidence when the resume's latest title names one of
            its base roles and not the specialism (the person holds the base role now): at most
            this, so the specialism stays under that base role.
        gate_margin: Points a gated role without full evidence stays below its best base role.
        focus_recent_years: Specialism skills last used longer ago than this count half.
        posting_title_factor: A job posting's title weighs this many times the ``title`` weight.
        resume_title_factor: A resume's title weighs this many times the ``title`` weight (before
            the weights are normalised to 100 points).
        posting_soft_skills: Whether soft skills a posting names count at all (they are generic
            text in most postings and would pull toward leadership and product roles).
    """

    weights: Mapping[str, float]
    descendant_credit: float = 0.75
    ancestor_credit: float = 0.25
    listed_evidence: float = 0.4
    degree_evidence: float = 0.4
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
    rung_discount: float = 0.0
    focus_discount: float = 0.0
    core_discount: float = 0.0
    gate_margin: float = 0.1
    rung_scope_phrases: float = 2.0
    rung_years_evidence: float = 1.0
    rung_level_evidence: float = 1.0
    rung_min_years: float = 0.0
    base_title_evidence: float = 1.0
    focus_recent_years: float = 5.0
    posting_title_factor: float = 1.0
    resume_title_factor: float = 1.0
    posting_soft_skills: bool = True


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
        backgrounds: Background ids (``Catalogue.backgrounds``) for which this is a starting role.
        next_steps: Role ids a person in this role typically moves to.
        sources: Seed ids (``seed:000``), O*NET-SOC codes (``onet:15-2051.00``), ESCO URIs.
        weights: Component weights for this role (the defaults with its overrides applied).
        max_years: Years beyond which a resume is over-qualified for the role (0 for no limit).
        titles: Lower-case job-title phrases of the role.
        gate: The evidence a rung or specialism role needs (None for other roles).
        core: Skill ids that define the role: without one of them, or a narrower skill, found
            the role keeps ``1 - Scoring.core_discount`` of its points (empty: no such check).
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
    gate: RoleGate | None = None
    core: tuple[str, ...] = ()

    @property
    def skill_ids(self) -> tuple[str, ...]:
        """Every skill id the role names (its core's too), sorted, without duplicates."""
        ids = {s for item in (*self.required, *self.preferred) for s in item.options}
        return tuple(sorted(ids | set(self.core)))


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
