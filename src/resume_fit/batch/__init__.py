"""Batch scoring: a folder of resumes to one ranked table, in parallel, resumable, nothing lost.

``score_folder`` returns the ranked pandas DataFrame; ``run_batch_cli`` is what ``resume-fit batch``
calls (it writes the table, an optional long-format skills table and a Markdown summary). Importing
this package loads neither pandas nor spaCy.
"""

from __future__ import annotations

from resume_fit.batch.assemble import run_batch_cli, score_folder
from resume_fit.batch.discover import RESUME_SUFFIXES, Discovery, discover
from resume_fit.batch.output import (
    SCORE_PREFIX,
    check_table_path,
    records_to_frame,
    score_column,
    skills_frame,
    write_table,
)
from resume_fit.batch.result import BatchResult, BatchStats
from resume_fit.batch.runner import run_batch
from resume_fit.batch.store import journal_path
from resume_fit.batch.summary import render_summary

__all__ = [
    "RESUME_SUFFIXES",
    "SCORE_PREFIX",
    "BatchResult",
    "BatchStats",
    "Discovery",
    "check_table_path",
    "discover",
    "journal_path",
    "records_to_frame",
    "render_summary",
    "run_batch",
    "run_batch_cli",
    "score_column",
    "score_folder",
    "skills_frame",
    "write_table",
]
