"""What a batch run has to do: the files, and for each its finished record or a task.

``find_inputs`` lists the files (local ones and, on Dask, URLs) sorted by their text;
``previous_records`` reads the journal of an interrupted run (``--resume``); ``plan_work`` takes
each file's record from that journal or from the cache when its content is unchanged, and makes
the rest tasks for an executor (``resume_fit.batch.execute``).
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TextIO

from resume_fit.batch.discover import Discovery, discover, is_url
from resume_fit.batch.record import Record, error_record
from resume_fit.batch.store import ResultCache, file_sha256, read_stamped_journal
from resume_fit.errors import ResumeFitError


@dataclass
class Plan:
    """The work of one run.

    Attributes:
        records: Every file's record by key (its path or URL), in the files' order: finished
            for the files reused or unreadable, only what is known yet for the tasks.
        tasks: ``(key, path or URL)`` of the files still to analyse.
        resumed: Files whose record came from the journal.
        from_cache: Files whose record came from the cache.
    """

    records: dict[str, Record]
    tasks: list[tuple[str, Any]]
    resumed: int = 0
    from_cache: int = 0


def find_inputs(paths: Iterable[str | Path], on_dask: bool) -> tuple[Discovery, dict[str, str]]:
    """Find the files to score; URLs (``s3://...``) are listed through fsspec.

    Returns:
        The discovery (URLs kept as strings among the paths, all sorted by their text), and
        each URL's storage fingerprint.

    Raises:
        ResumeFitError: A URL without a Dask scheduler (only workers read URLs).
    """
    given = list(paths)
    urls = [str(p) for p in given if is_url(p)]
    found = discover([p for p in given if not is_url(p)])
    if not urls:
        return found, {}
    if not on_dask:
        raise ResumeFitError(
            urls[0],
            "URLs are read by Dask workers: add --scheduler local (or a scheduler address) "
            "and pip install 'resume-fit[dask]'",
        )
    from resume_fit.dask.sources import discover_urls

    remote, fingerprints = discover_urls(urls)
    files = sorted([*found.files, *remote.files], key=str)
    skipped = sorted([*found.skipped, *remote.skipped])
    return Discovery(files=tuple(files), skipped=tuple(skipped)), fingerprints


def previous_records(
    journal_file: Path | None, resume: bool, stamp: str, progress_stream: TextIO | None
) -> dict[str, Record]:
    """The records a stopped run journaled, by key; none unless ``resume``.

    A journal written for other postings (another ``stamp``) gives none: its rows would lack, or
    mismatch, the job columns, so its files are scored again (said on ``progress_stream``).
    """
    previous: dict[str, Record] = {}
    if journal_file is not None and resume:
        previous, written_for = read_stamped_journal(journal_file)
        if written_for != stamp and previous:
            # Rows taken from it would lack (or mismatch) the job columns: score those files again.
            _note(
                progress_stream,
                f"{journal_file}: written for {'other postings' if written_for else 'no posting'}"
                f" (--job); its {len(previous)} files are scored again",
            )
            previous = {}
    return previous


def plan_work(
    files: Sequence[str | Path],
    fingerprints: dict[str, str],
    previous: dict[str, Record],
    cache: ResultCache | None,
) -> Plan:
    """Reuse each file's journaled or cached record when its content is unchanged, else a task.

    A local file is known by its sha256 (the same bytes under another spelling of the path count
    as done); a URL by its storage fingerprint, since a worker reads and hashes its bytes. A file
    that cannot be hashed gets an ``unreadable`` error record.
    """
    previous_by_sha = {r["sha256"]: r for r in previous.values() if r.get("sha256")}
    records: dict[str, Record] = {}
    tasks: list[tuple[str, Any]] = []  # (key, path or URL)
    resumed = from_cache = 0
    for path in files:
        key = str(path)
        if key in fingerprints:
            # A URL: its bytes are read by a worker, which also hashes them; until then the
            # storage's fingerprint (an ETag, a size and a date) tells whether it changed.
            done = previous.get(key)
            if done is not None and done.get("fingerprint") == fingerprints[key]:
                records[key] = done
                resumed += 1
            else:
                tasks.append((key, key))
                records[key] = {"path": key, "sha256": "", "fingerprint": fingerprints[key]}
            continue
        try:
            sha = file_sha256(Path(path))
        except OSError as error:
            records[key] = {"path": key, "sha256": "", **error_record("unreadable", str(error))}
            continue
        done = previous.get(key)
        if done is None or done.get("sha256") != sha:
            # The same bytes under another spelling of the path (./cvs vs /abs/cvs) count as done.
            done = previous_by_sha.get(sha)
        if done is not None:
            records[key] = {**done, "path": key, "sha256": sha}
            resumed += 1
            continue
        hit = cache.get(sha) if cache is not None else None
        if hit is not None:
            records[key] = {"path": key, "sha256": sha, **hit}
            from_cache += 1
            continue
        tasks.append((key, path))
        records[key] = {"path": key, "sha256": sha}
    return Plan(records=records, tasks=tasks, resumed=resumed, from_cache=from_cache)


def _note(stream: TextIO | None, line: str) -> None:
    """Tell the user one line on ``stream`` (stderr when None)."""
    print(line, file=stream if stream is not None else sys.stderr, flush=True)
