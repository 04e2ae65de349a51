"""One batch result as a plain JSON-ready record.

A record is what a worker sends back, what the journal and the cache store, and what the tables are
built from. It holds only builtins (str, float, list, dict) so it crosses process boundaries and
round-trips through JSON unchanged; the full ``GapReport`` never leaves the worker.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from resume_fit.config import Limits
from resume_fit.errors import ResumeFitError

Record = dict[str, Any]
Analyze = Callable[..., Any]

STATUS_OK = "ok"
STATUS_ERROR = "error"
# Error kinds the batch itself gives, beside the ``kind`` of each ``ResumeFitError`` subclass.
KIND_TIMEOUT = "timeout"
KIND_CRASH = "crash"
KIND_INTERNAL = "internal error"
# Kinds that depend on the run, not on the file: never cached, so a re-run tries the file again.
TRANSIENT_KINDS = frozenset({KIND_TIMEOUT, KIND_CRASH, KIND_INTERNAL})

SCORE_DIGITS = 2


def one_line(text: str) -> str:
    """Collapse ``text`` to one line, so a reason fits a table cell and a log line."""
    return " ".join(str(text).split())


def error_record(kind: str, reason: str) -> Record:
    """A record for a file that could not be scored.

    Args:
        kind: Short machine-readable class of failure (``"corrupt"``, ``"timeout"`` ...).
        reason: One human-readable line; newlines are collapsed.
    """
    return {
        "status": STATUS_ERROR,
        "error": one_line(reason),
        "error_kind": kind,
        "top_role": "",
        "top_score": None,
        "roles": {},
        "role_names": {},
        "skills": [],
        "evidence": [],
        "missing": {},
        "years_experience": None,
        "seniority": "",
        "quality": "",
        "jobs": [],
    }


def posting_entry(fit: Any) -> dict[str, Any]:
    """One posting fit as plain data: score, required met/total, missing and met requirements.

    A requirement partly met (a narrower or broader skill) counts as met, as in the match report.
    """
    required = [m for m in fit.requirements if m.requirement.kind == "required"]
    return {
        "title": str(fit.title),
        "score": round(float(fit.score), SCORE_DIGITS),
        "required_met": sum(1 for m in required if m.status != "missing"),
        "required_total": len(required),
        "missing_required": [m.requirement.label for m in required if m.status == "missing"],
        "met": [m.requirement.label for m in fit.requirements if m.status != "missing"],
    }


def timeout_record(budget: float) -> Record:
    """The error record of a file stopped by the per-file time budget (``budget`` seconds)."""
    reason = (
        f"timeout after {budget:g} s: the file took longer than the per-file time budget "
        "(raise it with --timeout)"
    )
    return error_record(KIND_TIMEOUT, reason)


def report_record(report: Any) -> Record:
    """Flatten a ``GapReport`` into a record.

    Args:
        report: A ``resume_fit.report.GapReport`` (or any object with the same fields).

    Returns:
        The record: roles by id with their scores and names, skill ids, per-section evidence
        counts, the skills each role is missing, years of experience, seniority, parse verdict,
        and ``jobs``: one ``posting_entry`` per posting scored (``batch --job``), in order.
    """
    roles = tuple(report.roles)
    evidence: Counter[tuple[str, str]] = Counter()
    for mention in report.skills:
        for item in mention.evidence:
            evidence[(mention.id, item.section)] += 1
    years = getattr(report.profile, "total_years", None)
    top = roles[0] if roles else None
    return {
        "status": STATUS_OK,
        "error": "",
        "error_kind": "",
        "top_role": top.id if top is not None else "",
        "top_score": round(float(top.score), SCORE_DIGITS) if top is not None else None,
        "roles": {fit.id: round(float(fit.score), SCORE_DIGITS) for fit in roles},
        "role_names": {fit.id: str(fit.name) for fit in roles},
        "skills": sorted({mention.id for mention in report.skills}),
        "evidence": [
            [skill, section, count] for (skill, section), count in sorted(evidence.items())
        ],
        "missing": {fit.id: missing_skill_ids(fit) for fit in roles},
        "years_experience": round(float(years), 1) if years is not None else None,
        "seniority": str(getattr(report.profile, "seniority", "") or ""),
        "quality": str(getattr(report.quality, "verdict", "") or ""),
        "jobs": [posting_entry(fit) for fit in getattr(report, "postings", ())],
    }


def missing_skill_ids(fit: Any) -> list[str]:
    """The ids of the skills a ``RoleFit`` is missing (required first), without duplicates."""
    return list(dict.fromkeys(str(skill) for skill in getattr(fit, "missing", ())))


def analyze_record(
    path: Path | Any,
    analyze: Analyze,
    limits: Limits | None,
    reference_date: dt.date | None,
) -> Record:
    """Analyse one file and return its record; every failure becomes an error record.

    ``path`` is the file, or what ``analyze`` accepts in its place (an already parsed text).

    Only ``KeyboardInterrupt`` and ``SystemExit`` escape: a bad file must never stop a batch.
    """
    try:
        report = analyze(path, limits=limits, reference_date=reference_date)
        return report_record(report)
    except ResumeFitError as error:
        return error_record(error.kind, error.reason)
    except MemoryError:
        return error_record(KIND_CRASH, "ran out of memory while reading the file")
    except Exception as error:  # a bug in one stage must not cost the other files their rows
        detail = one_line(str(error))
        reason = f"internal error ({type(error).__name__}{': ' + detail if detail else ''})"
        return error_record(KIND_INTERNAL, reason)
