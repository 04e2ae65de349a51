"""The batch entry points on top of ``run_batch``: the ranked table, and the files of a CLI run.

``score_folder`` returns the ranked DataFrame; ``run_batch_cli`` is what ``resume-fit batch`` calls:
it checks the output names first, then writes the table, the skills table, the summary and the
key (each atomically), and removes the journal once they are safe.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resume_fit.atomic import write_atomic
from resume_fit.batch.output import (
    check_table_path,
    posting_ids,
    records_to_frame,
    skills_frame,
    write_table,
)
from resume_fit.batch.postings import read_postings
from resume_fit.batch.record import Analyze
from resume_fit.batch.result import BatchResult
from resume_fit.batch.runner import run_batch
from resume_fit.batch.store import journal_path
from resume_fit.batch.summary import render_summary
from resume_fit.config import Limits
from resume_fit.errors import ResumeFitError

if TYPE_CHECKING:
    import pandas as pd

    from resume_fit.posting import JobPosting


def score_folder(
    paths: str | Path | Iterable[str | Path],
    *,
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    limits: Limits | None = None,
    role: str | None = None,
    top: int | None = None,
    min_score: float | None = None,
    reference_date: dt.date | None = None,
    analyze: Analyze | None = None,
    progress: bool | None = False,
    postings: Sequence[str | Path | JobPosting] = (),
    catalogue: str | Path | None = None,
    scheduler: str | None = None,
    client: Any = None,
    ship: str = "auto",
) -> pd.DataFrame:
    """Score every resume under ``paths`` and return the ranked table.

    Args:
        paths: A file or folder, or several (folders are searched recursively).
        jobs: Worker processes; None uses every core, 0 runs in this process.
        cache_dir: Reuse results of unchanged files from this folder, and store new ones there.
        limits: Safety limits and per-file time budget; ``Limits.from_env()`` when None.
        role: Rank by this role's score and keep only scored files.
        top: Keep only the best ``top`` files.
        min_score: Keep only files scoring at least this (for ``role``, else their top role).
        reference_date: What "present" means in experience dates; today when None.
        analyze: Replacement for ``score_file`` (tests).
        progress: Draw a progress bar on stderr (None: only on a terminal).
        postings: Job postings (files, texts or ``JobPosting``s), each read once; adds
            ``job_score`` and per-posting columns, and ranks by ``job_score`` (unless ``role``).
        catalogue: A TOML file of the user's roles (added to, or overriding, the shipped ones).
        scheduler: Run on Dask: ``"local"`` or a scheduler address (see ``run_batch``).
        client: A ``distributed.Client`` to run on instead.
        ship: How files reach Dask workers (``"auto"``, ``"paths"``, ``"bytes"``).

    Returns:
        The DataFrame documented in ``resume_fit.batch.output``: one row per file (a shortlist
        when ``role``, ``top`` or ``min_score`` is given), best first.
    """
    if isinstance(paths, str | Path):
        paths = [paths]
    jobs_read = read_postings(postings, limits)
    result = run_batch(
        paths,
        jobs=jobs,
        cache_dir=cache_dir,
        limits=limits,
        reference_date=reference_date,
        analyze=analyze,
        progress=progress,
        postings=jobs_read,
        catalogue=catalogue,
        scheduler=scheduler,
        client=client,
        ship=ship,
    )
    return records_to_frame(
        result.records,
        role=role,
        top=top,
        min_score=min_score,
        jobs=posting_ids(result.postings),
    )


def run_batch_cli(
    paths: Sequence[str | Path],
    out: str | Path,
    *,
    jobs: int | None = None,
    cache_dir: str | Path | None = None,
    resume: bool = False,
    role: str | None = None,
    top: int | None = None,
    min_score: float | None = None,
    skills_table: str | Path | None = None,
    summary: str | Path | None = None,
    limits: Limits | None = None,
    reference_date: dt.date | None = None,
    progress: bool | None = None,
    analyze: Analyze | None = None,
    postings: Sequence[str | Path | JobPosting] = (),
    catalogue: str | Path | None = None,
    redact: bool = False,
    key_file: str | Path | None = None,
    scheduler: str | None = None,
    client: Any = None,
    ship: str = "auto",
) -> BatchResult:
    """Run ``resume-fit batch``: score, then write every requested output atomically.

    Output names are checked before any work. Finished files are journaled next to ``out``
    (``OUT.partial.jsonl``) as they complete; ``resume=True`` continues from that journal. The
    journal is removed only after every output is written, so an interrupted run (Ctrl-C, kill,
    power cut) can always be resumed and the final table has exactly one row per file.

    Args:
        paths: Files and folders to score.
        out: The table, as ``.csv``, ``.parquet`` or ``.jsonl``.
        skills_table: Also write the long-format skills table here (same suffixes).
        summary: Also write the summary here: HTML when the name ends in ``.html`` or ``.htm``,
            Markdown otherwise; either has a section per posting.
        postings: Job postings (``--job``), read once before any resume; see ``score_folder``.
        redact: Replace every path by a pseudonym in every output (``resume_fit.batch.redact``);
            the returned records carry the pseudonyms too.
        key_file: With ``redact``, also write the key (pseudonym -> path) here as CSV.
        Other arguments: as for ``run_batch`` and ``records_to_frame``.

    Returns:
        The result, with ``table`` and ``written`` set.

    Raises:
        ResumeFitError: A bad output name, an unknown role, a missing input path, or workers
            that cannot start. ``KeyboardInterrupt`` propagates with the journal intact.
    """
    out = check_table_path(out)
    if skills_table is not None:
        skills_table = check_table_path(skills_table)
    if role is not None and analyze is None:
        _check_role(role, catalogue)
    jobs_read = read_postings(postings, limits)
    out.parent.mkdir(parents=True, exist_ok=True)
    journal = journal_path(out)
    result = run_batch(
        paths,
        jobs=jobs,
        cache_dir=cache_dir,
        limits=limits,
        reference_date=reference_date,
        journal=journal,
        resume=resume,
        analyze=analyze,
        progress=progress,
        postings=jobs_read,
        catalogue=catalogue,
        scheduler=scheduler,
        client=client,
        ship=ship,
    )
    records, skipped = result.records, result.skipped
    key: tuple[tuple[str, str], ...] = ()
    # Imported here: they bring the report stage (and Jinja2) that a plain batch does not need.
    from resume_fit.batch.redact import redact_records, write_key
    from resume_fit.batch.summary_html import render_summary_html

    if redact:
        hidden = redact_records(records, skipped)
        records, skipped, key = hidden.records, hidden.skipped, hidden.key
    job_ids = posting_ids(result.postings)
    table = records_to_frame(records, role=role, top=top, min_score=min_score, jobs=job_ids)
    written = [out]
    write_table(table, out)
    if skills_table is not None:
        write_table(skills_frame(records, list(table["path"])), skills_table)
        written.append(Path(skills_table))
    if summary is not None:
        render = render_summary_html if _is_html(summary) else render_summary
        text = render(records, skipped, top=top, role=role, jobs=job_ids, postings=result.postings)
        write_atomic(summary, text)
        written.append(Path(summary))
    if redact and key_file is not None:
        write_key(key, key_file)
        written.append(Path(key_file))
    journal.unlink(missing_ok=True)
    return BatchResult(
        records=records,
        skipped=skipped,
        stats=result.stats,
        table=table,
        written=tuple(written),
        postings=result.postings,
    )


def _is_html(path: str | Path) -> bool:
    return Path(path).suffix.lower() in (".html", ".htm")


def _check_role(role: str, catalogue: str | Path | None = None) -> None:
    """Refuse an unknown ``--role`` before hours of work, naming the roles there are."""
    from resume_fit.api import resolve_catalogue

    roles = resolve_catalogue(catalogue)
    if role not in roles:
        known = ", ".join(sorted(roles))
        raise ResumeFitError("--role", f"unknown role {role!r}; known roles: {known}")
