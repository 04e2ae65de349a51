"""Parse stage: read a resume file into text, sections, links and a quality report."""

from resume_fit.parse.document import parse_file, parse_text
from resume_fit.parse.resume_text import (
    SECTION_KINDS,
    Link,
    ParseQuality,
    ResumeText,
    Section,
)

__all__ = [
    "SECTION_KINDS",
    "Link",
    "ParseQuality",
    "ResumeText",
    "Section",
    "parse_file",
    "parse_text",
]
