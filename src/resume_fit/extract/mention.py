"""What the extract stage produces: each skill found, with the evidence for it."""

from __future__ import annotations

from dataclasses import dataclass

MATCH_METHODS: tuple[str, ...] = ("exact", "alias", "coordination", "paraphrase", "fuzzy")

# Sections whose mentions show a skill in use, as opposed to only listing it.
DEMONSTRATING_SECTIONS = frozenset({"experience", "projects", "publications", "summary", "awards"})


@dataclass(frozen=True)
class Evidence:
    """One place in the text that supports a skill.

    Attributes:
        section: Kind of the section the words are in (``"skills"``, ``"experience"`` ...).
        text: The words matched, exactly as they appear in the text.
        start: Character offset of the first matched character in ``ResumeText.text``.
        end: Offset one past the last matched character.
        method: How it matched: ``"exact"`` (the canonical name), ``"alias"``,
            ``"coordination"`` (a conjunct sharing a head or a modifier: "supervised" in
            "supervised and unsupervised learning"; the text runs from the conjunct to the shared
            head), ``"paraphrase"`` (a verb and its object, "deployed models") or ``"fuzzy"``.
        confidence: 0..1; lower for fuzzy matches and for ambiguous names.
    """

    section: str
    text: str
    start: int
    end: int
    method: str
    confidence: float


@dataclass(frozen=True)
class SkillMention:
    """A skill found in a resume.

    Attributes:
        id: The canonical skill id in the lexicon.
        name: Its display name.
        category: Its lexicon category.
        evidence: Every supporting place, in text order (never empty).
    """

    id: str
    name: str
    category: str
    evidence: tuple[Evidence, ...]

    @property
    def confidence(self) -> float:
        """The best confidence among the evidence."""
        return max(e.confidence for e in self.evidence)

    @property
    def sections(self) -> tuple[str, ...]:
        """Section kinds the skill appears in, sorted, without duplicates."""
        return tuple(sorted({e.section for e in self.evidence}))

    @property
    def usage(self) -> str:
        """``"demonstrated"`` when shown in experience/projects, else ``"listed"``."""
        if any(e.section in DEMONSTRATING_SECTIONS for e in self.evidence):
            return "demonstrated"
        return "listed"
