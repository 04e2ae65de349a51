"""Read a job posting from a file, stdin or a string into a ``JobPosting``.

PDF, DOCX, TXT and Markdown go through the parse stage (same limits and errors as a resume); HTML
(``.html``/``.htm``, or text that starts like an HTML document) is reduced to its text first, one
line per block element, scripts and styles dropped. The skills come from the extract stage, so a
posting and a resume are read with the same lexicon, aliases and ambiguity policy.
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path
from typing import TextIO

from resume_fit.config import Limits
from resume_fit.errors import InputNotFoundError
from resume_fit.parse import ResumeText, parse_file, parse_text
from resume_fit.posting.cues import load_posting_cues
from resume_fit.posting.job_posting import JobPosting
from resume_fit.posting.requirements import (
    asked_degree,
    extract_requirements,
    overall_years,
)
from resume_fit.posting.sections import find_clauses, find_sections

STDIN = "-"
HTML_SUFFIXES = (".html", ".htm")
_HTML_START = re.compile(r"^\s*(?:<!doctype\s+html|<html|<body|<div|<p>|<h[1-6])", re.I)
_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th"}
    | {"section", "article", "header", "footer", "table"}
)


class _TextOfHtml(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        elif tag in _BLOCKS:
            self.parts.append("\n- " if tag == "li" else "\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style"):
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def html_to_text(html: str) -> str:
    """The visible text of an HTML document, one line per block element."""
    parser = _TextOfHtml()
    parser.feed(html)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip() + "\n"


def looks_like_html(text: str) -> bool:
    """True when ``text`` starts like an HTML document or fragment."""
    return bool(_HTML_START.match(text[:200]))


def parse_posting(resume: ResumeText) -> JobPosting:
    """Read the requirements of a posting whose text is already parsed.

    Args:
        resume: The posting's text from the parse stage (``parse_file``/``parse_text``).

    Returns:
        The posting with sections, requirements, years, degree and unrecognised lines.
    """
    from resume_fit.extract import extract_skills
    from resume_fit.profile.seniority import title_level, years_level

    cues = load_posting_cues()
    text = resume.text
    sections = find_sections(text, cues)
    clauses = find_clauses(text)
    skills = extract_skills(resume)
    requirements, unrecognised = extract_requirements(text, sections, clauses, skills, cues)
    years, years_text = overall_years(text, sections, clauses)
    degree, degree_preferred = asked_degree(text, sections, clauses, cues)
    title = next(
        (" ".join(text[s.start : s.end].split()) for s in sections if s.kind == "title"), ""
    )
    level = title_level(title) if title else None
    if level is None:
        level = years_level(years) if years is not None else "unknown"
    return JobPosting(
        source=resume.source,
        title=title,
        seniority=level,
        text=text,
        sections=sections,
        requirements=requirements,
        years=years,
        years_text=years_text,
        degree=degree,
        degree_preferred=degree_preferred,
        unrecognised=unrecognised,
    )


def posting_from_text(text: str, source: str = "<text>") -> JobPosting:
    """Parse a posting given as a string (plain text, Markdown or HTML).

    Raises:
        NoTextError: The text is empty.
    """
    if looks_like_html(text):
        text = html_to_text(text)
    return parse_posting(parse_text(text, source))


def read_posting_text(
    source: str | Path | None,
    limits: Limits | None = None,
    *,
    stdin: TextIO | None = None,
    text: str | None = None,
) -> ResumeText:
    """The parse stage's text of a posting (no skills read yet): from a file, ``"-"`` or ``text``.

    Raises:
        ResumeFitError: A subclass naming the file and the reason when it cannot be read.
    """
    if source is None or str(source) == STDIN:
        name = "<text>" if source is None else STDIN
        raw = text if text is not None else (stdin or sys.stdin).read()
        return parse_text(html_to_text(raw) if looks_like_html(raw) else raw, name)
    path = Path(source)
    if not path.exists():
        raise InputNotFoundError(path, "no such file")
    if path.suffix.lower() in HTML_SUFFIXES:
        raw = path.read_bytes().decode("utf-8", errors="replace")
        return parse_text(html_to_text(raw), str(source))
    # A posting may be a few lines ("Requirements: SQL, Tableau"); the resume minimum is not for it.
    return parse_file(path, limits if limits is not None else Limits.from_env(), min_words=1)


def read_posting(
    source: str | Path, limits: Limits | None = None, *, stdin: TextIO | None = None
) -> JobPosting:
    """Read a posting from a file (PDF, DOCX, TXT, MD, HTML) or ``"-"`` for standard input.

    Args:
        source: The file, or ``"-"``.
        limits: Safety limits for parsing; ``Limits.from_env()`` when None.
        stdin: Where ``"-"`` reads from (``sys.stdin`` when None).

    Raises:
        ResumeFitError: A subclass naming the file and the reason when it cannot be read.
    """
    return parse_posting(read_posting_text(source, limits, stdin=stdin))
