"""The one way a requirement is credited, shared by role fit and posting fit.

A requirement item is one skill id or a "one of" group of them. Its credit is the best credit of
its options against the skills a resume has:

* **exact**: the skill itself was found: 1.
* **narrower**: only a skill below it in the lexicon's graph was found (PyTorch for "deep
  learning"): ``Scoring.descendant_credit``.
* **broader**: only a skill above it was found ("deep learning" for PyTorch):
  ``Scoring.ancestor_credit``.
* else 0.

Options are compared by credit, then by whether the earning skill is demonstrated (shown in
experience or projects) rather than only listed; on a tie the earlier option wins. The evidence
strength of a credited item is 1 for a demonstrated skill and ``Scoring.listed_evidence`` for a
listed one; ``SkillCredit.shown`` takes the best support of an item, so a requirement listed by
name but used through a narrower skill counts as shown. ``SkillCredit`` answers each question at
most once per resume, so a catalogue of roles or a thousand postings share the work.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache

from resume_fit.lexicon import Lexicon
from resume_fit.roles import Scoring

DEMONSTRATED = "demonstrated"
LISTED = "listed"
# A degree's subject the text does not otherwise show ("PhD in Statistics"): match/subjects.py.
DEGREE = "degree"

__all__ = [
    "DEGREE",
    "DEMONSTRATED",
    "LISTED",
    "RequirementResult",
    "SkillCredit",
    "credit_items",
    "evidence_strength",
    "item_weight",
]


@dataclass(frozen=True)
class RequirementResult:
    """How one required or preferred item was met.

    Attributes:
        kind: ``"required"`` or ``"preferred"``.
        options: The item's skill ids (one, or a "one of" group).
        label: ``"python"`` or ``"one of pytorch / tensorflow"``.
        credit: 0..1.
        met_by: The resume's skill id that earned the credit ("" when none).
        via: ``"exact"``, ``"narrower"`` (a child skill), ``"broader"`` (a parent skill) or "".
        usage: ``"demonstrated"`` or ``"listed"`` for ``met_by``, "" when none.
        option: The option of the item that ``met_by`` earned its credit for ("" when none).
    """

    kind: str
    options: tuple[str, ...]
    label: str
    credit: float
    met_by: str
    via: str
    usage: str
    option: str = ""

    @property
    def met(self) -> bool:
        """True when an option, or a narrower skill, was found."""
        return self.via in ("exact", "narrower")


class SkillCredit:
    """The credit a resume's skills earn for any skill id, each answer computed once.

    Args:
        present: Skill id -> ``"demonstrated"`` or ``"listed"`` for every skill the resume has.
        lexicon: The skill graph, for narrower and broader credit.
        scoring: ``descendant_credit`` and ``ancestor_credit``.
    """

    def __init__(self, present: Mapping[str, str], lexicon: Lexicon, scoring: Scoring) -> None:
        self.present = present
        self._lexicon = lexicon
        self._scoring = scoring
        self._options: dict[str, tuple[float, str, str]] = {}
        self._items: dict[tuple[str, ...], tuple[float, str, str, str, str]] = {}
        self._shown: dict[tuple[str, ...], float] = {}
        # The best present skill below each skill id: demonstrated before listed, then by id.
        self._below: dict[str, str] = {}
        for skill in present:
            rank = (present[skill] != DEMONSTRATED, skill)
            for ancestor in lexicon.ancestors(skill):
                best = self._below.get(ancestor)
                if best is None or rank < (present[best] != DEMONSTRATED, best):
                    self._below[ancestor] = skill

    def option(self, option: str) -> tuple[float, str, str]:
        """Credit for one skill id: ``(credit, present skill that earns it, via)``.

        ``via`` is ``"exact"`` (credit 1), ``"narrower"`` (the best present skill below it,
        ``descendant_credit``), ``"broader"`` (the nearest present skill above it,
        ``ancestor_credit``) or ``""`` with credit 0 and no skill.
        """
        found = self._options.get(option)
        if found is None:
            found = self._options[option] = self._credit(option)
        return found

    def _credit(self, option: str) -> tuple[float, str, str]:
        if option in self.present:
            return 1.0, option, "exact"
        narrower = self._below.get(option)
        if narrower is not None:
            return self._scoring.descendant_credit, narrower, "narrower"
        for ancestor in self._lexicon.ancestors(option):
            if ancestor in self.present:
                return self._scoring.ancestor_credit, ancestor, "broader"
        return 0.0, "", ""

    def shown(self, options: tuple[str, ...]) -> float:
        """How strongly the resume shows an item: the best ``credit x evidence_strength`` over
        its options, where an option may be shown by the skill itself, by the best present skill
        below it, or by the nearest present skill above it.

        "Statistics" only listed but "hypothesis testing" used in a job shows statistics at
        ``descendant_credit`` x 1, more than the listed word's 1 x ``listed_evidence``. Never
        more than the item's credit (``best``).
        """
        found = self._shown.get(options)
        if found is None:
            found = max((self._shown_option(o) for o in options), default=0.0)
            self._shown[options] = found
        return found

    def _shown_option(self, option: str) -> float:
        scoring = self._scoring
        strengths = []
        if option in self.present:
            strengths.append(evidence_strength(self.present[option], scoring))
        narrower = self._below.get(option)
        if narrower is not None:
            strengths.append(
                scoring.descendant_credit * evidence_strength(self.present[narrower], scoring)
            )
        if not strengths:
            credit, skill, _ = self.option(option)
            return credit * evidence_strength(self.present.get(skill, ""), scoring)
        return max(strengths)

    def best(self, options: tuple[str, ...]) -> tuple[float, str, str, str, str]:
        """The best option of a requirement item: ``(credit, skill, via, usage, option)``.

        Options are compared by credit, then by whether the earning skill is demonstrated; on a
        tie the earlier option in catalogue order wins. ``usage`` is the earning skill's usage.
        ``(0.0, "", "", "", "")`` when no option earns anything.
        """
        found = self._items.get(options)
        if found is None:
            found = self._items[options] = self._best(options)
        return found

    def _best(self, options: tuple[str, ...]) -> tuple[float, str, str, str, str]:
        best = (0.0, "", "", "")
        best_key = (0.0, False)
        for option in options:
            credit, skill, via = self.option(option)
            key = (credit, self.present.get(skill) == DEMONSTRATED)
            if key > best_key:
                best, best_key = (credit, skill, via, option), key
        credit, skill, via, option = best
        return credit, skill, via, self.present.get(skill, "") if skill else "", option


def item_weight(
    options: tuple[str, ...], lexicon: Lexicon, scoring: Scoring, *, soft_counts: bool = True
) -> float:
    """Weight of an item in a mean: ``soft_skill_weight`` when all its options are soft skills.

    ``soft_counts=False`` (the items of a job posting that is not at the lead level, unless
    ``Scoring.posting_soft_skills``) gives such an item 0: it is shown, never scored.
    """
    # Soft skills are easy to claim and hard to verify, so an item made only of them weighs less;
    # almost every posting asks for them, so there they say nothing about the job.
    if all(o in lexicon and lexicon[o].category == "soft_skill" for o in options):
        return scoring.soft_skill_weight if soft_counts else 0.0
    return 1.0


def evidence_strength(usage: str, scoring: Scoring) -> float:
    """How strongly a skill with ``usage`` shows a requirement: 1 demonstrated, less when listed
    or only the subject of a degree."""
    return {
        DEMONSTRATED: 1.0,
        LISTED: scoring.listed_evidence,
        DEGREE: scoring.degree_evidence,
    }.get(usage, 0.0)


def credit_items(
    kind: str, items: tuple[tuple[tuple[str, ...], str], ...], credit: SkillCredit
) -> list[RequirementResult]:
    """Credit each ``(options, label)`` item of one kind (``"required"``/``"preferred"``)."""
    # ``best`` gives (credit, met_by, via, usage, option), the rest of the result's fields.
    return [_result(kind, options, label, *credit.best(options)) for options, label in items]


@lru_cache(maxsize=8192, typed=True)
def _result(
    kind: str,
    options: tuple[str, ...],
    label: str,
    credit: float,
    met_by: str,
    via: str,
    usage: str,
    option: str,
) -> RequirementResult:
    # Most items come out the same for many resumes (unmet, or met exactly by a listed skill), and
    # results are immutable, so equal ones are built once and shared.
    return RequirementResult(kind, options, label, credit, met_by, via, usage, option)
