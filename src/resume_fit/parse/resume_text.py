"""What the parse stage produces: the resume's text, sections, links and a quality report."""

from __future__ import annotations

from dataclasses import dataclass, field

SECTION_KINDS: tuple[str, ...] = (
    "contact",
    "summary",
    "experience",
    "education",
    "skills",
    "projects",
    "certifications",
    "publications",
    "awards",
    "languages",
    "interests",
    "other",
)


@dataclass(frozen=True)
class Section:
    """A span of the text under one heading.

    Attributes:
        kind: One of ``SECTION_KINDS``; text before the first heading is ``"contact"``.
        heading: The heading as written in the resume ("" where there is none).
        start: Offset of the first character of the section (the heading included).
        end: Offset one past its last character.
    """

    kind: str
    heading: str
    start: int
    end: int


@dataclass(frozen=True)
class Link:
    """A hyperlink target found in the document (annotation, DOCX relationship or plain URL).

    Attributes:
        url: The target, e.g. ``https://github.com/jdoe`` or ``mailto:jdoe@example.com``.
        text: The visible text it was attached to ("" when only an icon carried it).
    """

    url: str
    text: str = ""


@dataclass(frozen=True)
class ParseQuality:
    """How well the text was extracted, so a reader can judge the rest of the report.

    Attributes:
        method: How the text was got: ``"pdfminer-layout"``, ``"docx"``, ``"text"``, ``"ocr"``.
        pages: Pages read (1 for DOCX and text).
        chars: Characters of text extracted.
        columns: True when a multi-column or sidebar layout was detected and untangled.
        unreadable_ratio: Share of characters that are unmapped glyphs or replacement marks.
        verdict: ``"good"``, ``"fair"`` or ``"poor"``; unusable input is refused instead.
        notes: Human-readable remarks, shown as warnings in the report.
    """

    method: str
    pages: int
    chars: int
    columns: bool = False
    unreadable_ratio: float = 0.0
    verdict: str = "good"
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ResumeText:
    """A parsed resume: plain text plus the structure found in it.

    Attributes:
        source: The input path as given (or ``"<text>"`` for a string).
        format: ``"pdf"``, ``"docx"`` or ``"text"``.
        text: The extracted text, in reading order, lines joined with ``\\n``.
        sections: Non-overlapping sections in text order, covering the whole text.
        links: Hyperlink targets, in document order, without duplicates.
        quality: The parse quality report.
        language: The main language's code (``"en"``, ``"de"``...) from stop words, or
            ``"unknown"`` when the text has too few of them to tell.
    """

    source: str
    format: str
    text: str
    sections: tuple[Section, ...] = field(default=())
    links: tuple[Link, ...] = field(default=())
    quality: ParseQuality = field(default_factory=lambda: ParseQuality("text", 1, 0))
    language: str = "unknown"

    def section_at(self, offset: int) -> Section | None:
        """Return the section that contains character ``offset``, or None."""
        for section in self.sections:
            if section.start <= offset < section.end:
                return section
        return None

    def section_kind_at(self, offset: int) -> str:
        """Return the kind of the section at ``offset`` (``"other"`` when none covers it)."""
        section = self.section_at(offset)
        return section.kind if section is not None else "other"
