"""What the posting stage produces: a job posting's title, sections and requirements."""

from __future__ import annotations

from dataclasses import dataclass

from resume_fit.parse.resume_text import Section

POSTING_SECTION_KINDS: tuple[str, ...] = (
    "title",
    "about",
    "responsibilities",
    "requirements",
    "nice_to_have",
    "benefits",
    "other",
)
REQUIRED = "required"
PREFERRED = "preferred"


# A posting's sections are found by the resume's section mechanism and are the same span type:
# ``kind`` is one of ``POSTING_SECTION_KINDS``; the first line, when title-like, is ``"title"``, and
# text before any heading is ``"other"``.
PostingSection = Section


@dataclass(frozen=True)
class AskedEvidence:
    """Where the posting asks for a skill.

    Attributes:
        section: Kind of the posting section the words are in.
        text: The words matched, exactly as written.
        start: Offset in ``JobPosting.text``.
        end: Offset one past the last matched character.
        clause: The clause (bullet, line or sentence) the words are in, whitespace collapsed.
    """

    section: str
    text: str
    start: int
    end: int
    clause: str


@dataclass(frozen=True)
class PostingRequirement:
    """One skill, or "one of" group of skills, the posting asks for.

    Attributes:
        kind: ``"required"`` or ``"preferred"``.
        options: Skill ids, in the order the posting names them (one id, or a "one of" group).
        label: ``"python"`` or ``"one of pytorch / tensorflow"`` (as in the role catalogue).
        years: Years of the skill asked ("3+ years of Python"), None when not said.
        evidence: Where the posting asks for it (the first place decides ``kind``).
        reason: Why it is required or preferred: the cue word, or the section.
    """

    kind: str
    options: tuple[str, ...]
    label: str
    years: float | None
    evidence: tuple[AskedEvidence, ...]
    reason: str


@dataclass(frozen=True)
class UnrecognisedRequirement:
    """A requirement line that names no skill the lexicon knows, kept so nothing is dropped.

    Attributes:
        kind: ``"required"`` or ``"preferred"``.
        text: The line, whitespace collapsed.
        start: Its offset in ``JobPosting.text``.
    """

    kind: str
    text: str
    start: int


@dataclass(frozen=True)
class JobPosting:
    """A parsed job posting.

    Attributes:
        source: The input path as given (``"-"`` for stdin, ``"<text>"`` for a string).
        title: The job title (the first title-like line, "" when none).
        seniority: ``"entry"``, ``"mid"``, ``"senior"``, ``"lead"`` or ``"unknown"``.
        text: The posting's text, as parsed.
        sections: Non-overlapping sections in text order, covering the whole text.
        requirements: Required items first, then preferred, each in text order.
        years: Years of experience asked overall (the largest stated), None when not said.
        years_text: The words ``years`` was read from ("" when None).
        degree: Lowest degree level required (``resume_fit.profile.education.EDUCATION_LEVELS``),
            None when none is ("PhD preferred" alone, "a degree or equivalent experience").
        degree_preferred: The highest level named, required or preferred; None when the posting
            names no degree.
        unrecognised: Requirement lines naming no known skill.
    """

    source: str
    title: str
    seniority: str
    text: str
    sections: tuple[PostingSection, ...]
    requirements: tuple[PostingRequirement, ...]
    years: float | None
    years_text: str
    degree: str | None
    degree_preferred: str | None
    unrecognised: tuple[UnrecognisedRequirement, ...] = ()

    @property
    def required(self) -> tuple[PostingRequirement, ...]:
        """The required items."""
        return tuple(r for r in self.requirements if r.kind == REQUIRED)

    @property
    def preferred(self) -> tuple[PostingRequirement, ...]:
        """The preferred items."""
        return tuple(r for r in self.requirements if r.kind == PREFERRED)

    def section_kind_at(self, offset: int) -> str:
        """Kind of the section covering ``offset`` (``"other"`` when none does)."""
        for section in self.sections:
            if section.start <= offset < section.end:
                return section.kind
        return "other"
