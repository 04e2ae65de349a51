"""Dask-shaped entry points: files into the batch table, and a Dask DataFrame of texts into one.

``score_files`` is ``score_folder`` run on a Dask cluster (same rows, same ranking, a pandas
DataFrame). ``score_texts`` is for resumes already held as text in a Dask DataFrame (read from
Parquet, a data lake, a database): it maps each partition to the batch's columns, lazily, one row
per input row in the input's order and index, with ``path`` set to the row's id and ``sha256`` to
the hash of the text's UTF-8 bytes. A text gets the same values as a ``.txt`` file of the same text
given to ``score_folder``; rank the result yourself (``nlargest``, ``sort_values``) if you need to.
Both take job postings as ``score_folder`` does, and add the same ``job_score`` and per-posting
columns.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resume_fit.batch.output import posting_ids, records_to_frame
from resume_fit.batch.record import analyze_record
from resume_fit.errors import NoTextError, ResumeFitError

if TYPE_CHECKING:
    import dask.dataframe as dd
    import pandas as pd

    from resume_fit.config import Limits
    from resume_fit.posting import JobPosting


def score_files(
    paths: str | Path | Iterable[str | Path],
    *,
    client: Any = None,
    scheduler: str | None = None,
    ship: str = "auto",
    postings: Sequence[str | Path | JobPosting] = (),
    **options: Any,
) -> pd.DataFrame:
    """Score files on Dask and return the ranked table, as ``score_folder`` does.

    Args:
        paths: Files, folders (searched recursively) and fsspec URLs.
        client: The ``distributed.Client`` to run on; by default the current client, else a
            LocalCluster of ``jobs`` workers started for this call.
        scheduler: A scheduler address (or ``"local"``) instead of a client.
        ship: How files reach the workers (``"auto"``, ``"paths"``, ``"bytes"``).
        postings: Job postings (files, texts or ``JobPosting``s), read once on the client: adds
            ``job_score`` and the per-posting columns and ranks by ``job_score``, as
            ``score_folder`` does.
        **options: Any other ``score_folder`` argument (``role``, ``top``, ``cache_dir``,
            ``limits``, ``reference_date``, ``jobs`` ...).

    Returns:
        The DataFrame of ``resume_fit.batch.output``: one row per file, best first.
    """
    from resume_fit.batch import score_folder

    if client is None and scheduler is None:
        client = _current_client()
        if client is None:
            scheduler = "local"
    return score_folder(
        paths, client=client, scheduler=scheduler, ship=ship, postings=postings, **options
    )


def score_texts(
    ddf: dd.DataFrame,
    text: str = "text",
    id: str = "id",  # noqa: A002 - the name the caller's column has
    *,
    reference_date: dt.date | None = None,
    postings: Sequence[str | Path | JobPosting] = (),
    limits: Limits | None = None,
) -> dd.DataFrame:
    """Score every resume text of a Dask DataFrame, lazily, into the batch's columns.

    Args:
        ddf: A Dask DataFrame with a text column and an id column.
        text: The column holding each resume's text (plain text or Markdown).
        id: The column identifying each resume; it becomes ``path``.
        reference_date: What "present" means in experience dates; today (when this is called)
            when None, the same for every partition.
        postings: Job postings (files, texts or ``JobPosting``s), read here, once, and sent to
            the workers as requirements: adds ``job_score`` and the per-posting columns of
            ``score_folder``.
        limits: Safety limits for reading the posting files; ``Limits.from_env()`` when None.

    Returns:
        A lazy Dask DataFrame with the columns of ``resume_fit.batch.output`` (one ``score_*``
        column per role of the catalogue, and the posting columns), one row per input row,
        same index.

    Raises:
        ResumeFitError: A named column is missing, or a posting file cannot be read.
    """
    from resume_fit.api import read_job
    from resume_fit.roles import load_catalogue

    for column in (text, id):
        if column not in ddf.columns:
            known = ", ".join(map(str, ddf.columns))
            raise ResumeFitError(repr(column), f"no such column; the DataFrame has: {known}")
    reference_date = reference_date or dt.date.today()
    role_ids = sorted(load_catalogue())
    ready = tuple(read_job(posting, limits) for posting in postings)
    jobs = posting_ids(ready)
    meta = records_to_frame([], role_ids=role_ids, ranked=False, jobs=jobs)
    return ddf[[id, text]].map_partitions(
        _score_partition, text, id, reference_date, role_ids, ready, jobs, meta=meta
    )


def _score_partition(
    part: pd.DataFrame,
    text: str,
    id: str,  # noqa: A002 - as in score_texts
    reference_date: dt.date,
    role_ids: list[str],
    postings: tuple[JobPosting, ...],
    jobs: tuple[str, ...],
) -> pd.DataFrame:
    analyze = functools.partial(_score_text, postings=postings)
    records = []
    for ident, body in zip(part[id].tolist(), part[text].tolist(), strict=True):
        source = str(ident)
        sha = hashlib.sha256(body.encode("utf-8")).hexdigest() if isinstance(body, str) else ""
        record = analyze_record((body, source), analyze, None, reference_date)
        records.append({"path": source, "sha256": sha, **record})
    frame = records_to_frame(records, role_ids=role_ids, ranked=False, jobs=jobs)
    frame.index = part.index
    return frame


def _score_text(
    item: tuple[Any, str],
    limits: Any = None,
    reference_date: Any = None,
    postings: tuple[JobPosting, ...] = (),
) -> Any:
    from resume_fit.batch.score import score_file
    from resume_fit.parse import parse_text
    from resume_fit.parse.document import check_words

    body, source = item
    if not isinstance(body, str):
        raise NoTextError(source, "no text (a missing value)")
    resume = parse_text(body, source)
    check_words(resume, source)
    return score_file(resume, limits, reference_date, postings=postings)


def _current_client() -> Any:
    from distributed import default_client

    try:
        return default_client()
    except ValueError:
        return None
