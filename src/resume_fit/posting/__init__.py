"""The posting stage: read a job posting into its title, sections and requirements.

``read_posting(path)`` (a file or ``"-"`` for stdin), ``posting_from_text(text)`` and
``parse_posting(parsed_text)`` give a ``JobPosting``. Importing this package loads no model and
reads no file.
"""

from resume_fit.posting.job_posting import (
    POSTING_SECTION_KINDS,
    PREFERRED,
    REQUIRED,
    AskedEvidence,
    JobPosting,
    PostingRequirement,
    PostingSection,
    UnrecognisedRequirement,
)
from resume_fit.posting.reader import parse_posting, posting_from_text, read_posting

__all__ = [
    "POSTING_SECTION_KINDS",
    "PREFERRED",
    "REQUIRED",
    "AskedEvidence",
    "JobPosting",
    "PostingRequirement",
    "PostingSection",
    "UnrecognisedRequirement",
    "parse_posting",
    "posting_from_text",
    "read_posting",
]
