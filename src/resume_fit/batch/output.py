"""Batch tables: records to a ranked pandas DataFrame, and the DataFrame to CSV, Parquet or JSONL.

The table has one row per file and these columns, in order: ``path``, ``sha256``, ``status``
(``"ok"``/``"error"``), ``error`` (one line, ``""`` when ok), ``error_kind``, ``top_role``,
``top_score``, then ``score_<role id>`` for every role (sorted by id), then ``skills`` (a list of
skill ids; ``;``-joined in CSV), ``years_experience``, ``seniority`` and ``quality`` (the parse
verdict). In JSONL the score columns become one ``roles`` object ``{role_id: score}``.

With job postings (``batch --job``), ``job_score`` (the best posting score of the file) follows
``top_score``, and after the role scores come, per posting id (``posting_ids``), ``job_<id>_score``,
``job_<id>_required`` ("met/total" required items, partly met counting as met) and
``job_<id>_missing`` (the missing required items).

Rows are ranked by ``job_score`` when there are postings, else by ``top_score`` (or by the chosen
role's score, which always wins) from best to worst, ties and errors by path, so the same inputs
always give the same bytes. Every file is written atomically.
"""

from __future__ import annotations

import io
import json
import math
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resume_fit.atomic import write_atomic
from resume_fit.batch.record import STATUS_OK, Record
from resume_fit.errors import ResumeFitError, UnsupportedFormatError

if TYPE_CHECKING:
    import pandas as pd

SCORE_PREFIX = "score_"
HEAD_COLUMNS = ("path", "sha256", "status", "error", "error_kind", "top_role", "top_score")
TAIL_COLUMNS = ("skills", "years_experience", "seniority", "quality")
SKILLS_TABLE_COLUMNS = ("path", "skill", "section", "evidence")
TABLE_SUFFIXES = (".csv", ".parquet", ".jsonl")


def check_table_path(path: str | Path) -> Path:
    """Refuse an output path whose suffix is not a table format, before any work is done.

    Raises:
        UnsupportedFormatError: The suffix is not ``.csv``, ``.parquet`` or ``.jsonl``, or it is
            ``.parquet`` and pyarrow is not installed.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in TABLE_SUFFIXES:
        raise UnsupportedFormatError(
            path,
            f"output format {suffix or '(none)'!r} unknown; end the name in .csv, "
            ".parquet or .jsonl",
        )
    if suffix == ".parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise UnsupportedFormatError(
                path,
                "writing Parquet needs pyarrow: pip install 'resume-fit[parquet]' "
                "(or write .csv or .jsonl)",
            ) from None
    return path


def score_column(role_id: str) -> str:
    """The table column holding each file's score for ``role_id``."""
    return SCORE_PREFIX + role_id


def posting_ids(postings: Sequence[Any]) -> tuple[str, ...]:
    """A short unique id per posting for its columns: the file's stem, lower-case, ``_`` for others.

    A posting read from stdin or text is ``posting``; repeated ids get ``_2``, ``_3`` ...
    """
    ids: list[str] = []
    for posting in postings:
        source = str(getattr(posting, "source", "") or "")
        stem = Path(source).stem if source not in ("", "-", "<text>") else "posting"
        base = re.sub(r"[^a-z0-9]+", "_", stem.lower()).strip("_") or "posting"
        name, n = base, 1
        while name in ids:
            n += 1
            name = f"{base}_{n}"
        ids.append(name)
    return tuple(ids)


def job_columns(job_id: str) -> tuple[str, str, str]:
    """The score, required (met/total) and missing-required columns of one posting."""
    return f"job_{job_id}_score", f"job_{job_id}_required", f"job_{job_id}_missing"


def records_to_frame(
    records: Iterable[Record],
    *,
    role: str | None = None,
    top: int | None = None,
    min_score: float | None = None,
    jobs: Sequence[str] = (),
    role_ids: Sequence[str] | None = None,
    ranked: bool = True,
) -> pd.DataFrame:
    """Build the ranked table from records (each with ``path`` and ``sha256`` set).

    Args:
        records: One record per file.
        jobs: Posting ids (``posting_ids``) for the records' ``jobs`` entries, in order; adds
            ``job_score`` and the per-posting columns and ranks by ``job_score``.
        role: Rank by this role's score instead of ``top_score``, and keep only scored files.
        top: Keep only the best ``top`` scored files.
        min_score: Keep only scored files whose ranking score is at least this.
        role_ids: The ``score_*`` columns to give (sorted); by default those of the roles the
            records were matched against. A fixed set gives every part of a partitioned table
            the same columns, even a part where every file failed.
        ranked: False keeps the records' order (one part of a table ranked elsewhere, or not).

    Returns:
        The table described in the module docstring; with any of ``role``, ``top`` or
        ``min_score`` it is a shortlist of scored files (failed files are left out).

    Raises:
        ResumeFitError: ``role`` is not a role any scored file was matched against.
    """
    import pandas as pd

    records = list(records)
    if role_ids is None:
        role_ids = sorted({role_id for r in records for role_id in r.get("roles", {})})
    role_ids = sorted(role_ids)
    if role is not None and role_ids and role not in role_ids:
        raise ResumeFitError(
            "--role", f"unknown role id {role!r}; known roles: {', '.join(role_ids)}"
        )
    jobs = list(jobs)
    job_head = ["job_score"] if jobs else []
    job_tail = [c for job_id in jobs for c in job_columns(job_id)]
    rows = []
    for record in records:
        row: dict[str, Any] = {name: record.get(name) for name in HEAD_COLUMNS}
        if jobs:
            row.update(_job_cells(record, jobs))
        for role_id in role_ids:
            row[score_column(role_id)] = record.get("roles", {}).get(role_id)
        row.update({name: record.get(name) for name in TAIL_COLUMNS})
        row["skills"] = list(record.get("skills") or [])
        rows.append(row)
    columns = [*HEAD_COLUMNS, *job_head, *map(score_column, role_ids), *job_tail, *TAIL_COLUMNS]
    frame = pd.DataFrame(rows, columns=columns)
    numeric = [*job_head, *(job_columns(j)[0] for j in jobs)]
    for name in ("top_score", *numeric, *map(score_column, role_ids), "years_experience"):
        frame[name] = pd.to_numeric(frame[name], errors="coerce").astype("float64")
    for name in ("path", "sha256", "status", "error", "error_kind", "top_role", "seniority"):
        frame[name] = frame[name].fillna("").astype(str)
    frame["quality"] = frame["quality"].fillna("").astype(str)
    for job_id in jobs:
        frame[job_columns(job_id)[1]] = frame[job_columns(job_id)[1]].fillna("").astype(str)
    if not ranked:
        return frame
    if role is not None and role_ids:
        rank_by = score_column(role)
    else:
        rank_by = "job_score" if jobs else "top_score"
    if rank_by not in frame.columns:
        frame[rank_by] = float("nan")
    frame = frame.sort_values(
        [rank_by, "path"], ascending=[False, True], na_position="last", kind="mergesort"
    )
    if role is not None or top is not None or min_score is not None:
        frame = frame[(frame["status"] == STATUS_OK) & frame[rank_by].notna()]
        if min_score is not None:
            frame = frame[frame[rank_by] >= min_score]
        if top is not None:
            frame = frame.head(top)
    return frame.reset_index(drop=True)


def _job_cells(record: Record, jobs: list[str]) -> dict[str, Any]:
    entries = list(record.get("jobs") or [])
    cells: dict[str, Any] = {}
    scores = []
    for index, job_id in enumerate(jobs):
        score_name, required_name, missing_name = job_columns(job_id)
        entry = entries[index] if index < len(entries) else None
        if entry is None or record.get("status") != STATUS_OK:
            cells.update({score_name: None, required_name: "", missing_name: []})
            continue
        scores.append(entry["score"])
        cells[score_name] = entry["score"]
        cells[required_name] = f"{entry['required_met']}/{entry['required_total']}"
        cells[missing_name] = list(entry.get("missing_required") or [])
    cells["job_score"] = max(scores) if scores else None
    return cells


def skills_frame(records: Iterable[Record], paths: Sequence[str] | None = None) -> pd.DataFrame:
    """The long-format skills table: one row per (file, skill, section) with its evidence count.

    Args:
        records: Records of scored files.
        paths: Only these files (the rows of a shortlist); all when None.
    """
    import pandas as pd

    wanted = set(paths) if paths is not None else None
    rows = [
        (record["path"], skill, section, int(count))
        for record in records
        if record.get("status") == STATUS_OK and (wanted is None or record["path"] in wanted)
        for skill, section, count in record.get("evidence", [])
    ]
    rows.sort()
    return pd.DataFrame(rows, columns=list(SKILLS_TABLE_COLUMNS))


def write_table(frame: pd.DataFrame, path: str | Path) -> None:
    """Write a table to ``path`` as CSV, Parquet or JSONL (by suffix), whole or not at all.

    List cells (``skills``) are ``;``-joined in CSV and stay lists in Parquet and JSONL; in JSONL
    the ``score_*`` columns are folded into one ``roles`` object.

    Raises:
        UnsupportedFormatError: Unknown suffix, or Parquet without pyarrow.
    """
    path = check_table_path(path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        flat = frame.copy()
        for name in flat.columns:
            if flat[name].map(lambda v: isinstance(v, list)).any():
                flat[name] = flat[name].map(lambda v: ";".join(v) if isinstance(v, list) else v)
        write_atomic(path, flat.to_csv(index=False, lineterminator="\n"))
    elif suffix == ".parquet":
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        write_atomic(path, buffer.getvalue())
    else:
        write_atomic(
            path, "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in _json_rows(frame))
        )


def _json_rows(frame: pd.DataFrame) -> Iterable[dict[str, Any]]:
    score_columns = [c for c in frame.columns if c.startswith(SCORE_PREFIX)]
    for raw in frame.to_dict(orient="records"):
        row: dict[str, Any] = {}
        for name, value in raw.items():
            if name in score_columns:
                continue
            row[name] = _json_value(value)
            if name == "top_score":
                row["roles"] = {
                    column[len(SCORE_PREFIX) :]: _json_value(raw[column])
                    for column in score_columns
                    if _json_value(raw[column]) is not None
                }
        yield row


def _json_value(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if hasattr(value, "item"):  # numpy scalars
        return _json_value(value.item())
    return value
