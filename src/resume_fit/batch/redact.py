"""Blind batches: every file's path becomes a stable pseudonym, with an optional key to re-identify.

A batch record holds no text from the document (skill ids, role ids, scores, years, the parse
verdict), so what identifies a person in a ranked table is the path: file and folder names are
often the person's name. ``redact_records`` replaces each path by ``cand-`` and the first 12 hex
digits of the file's sha256 (the same pseudonym ``resume-fit analyze --redact`` gives the file),
masks the path and the words of its file and folder names wherever an error message repeats them,
and returns the key (pseudonym -> path) for the one person allowed to re-identify, which
``write_key`` writes to a separate CSV file.

What stays local: while a run is in progress its journal (``OUT.partial.jsonl``, next to the
table) holds the real paths, since ``--resume`` finds finished files by path; it is deleted when
every output is written, so a finished blind run leaves only blind files (and the key, if asked).
Do not share the output folder of an interrupted run before resuming or deleting the journal. The
cache (``--cache-dir``) stores records without their path, keyed by content hash.

Pseudonyms are stable: the same bytes get the same pseudonym in every run and on every machine.
Identical files under two paths get ``-2``, ``-3`` ... in path order; a file that could not be read
(no hash) gets ``cand-unreadable-N`` in path order.
"""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from resume_fit.atomic import write_atomic
from resume_fit.batch.record import Record
from resume_fit.report.identity import path_identity, pseudonym
from resume_fit.report.redact import redact_text

KEY_COLUMNS = ("pseudonym", "path")


@dataclass(frozen=True)
class RedactedBatch:
    """Records and skipped files with pseudonyms instead of paths, and the key to them.

    Attributes:
        records: The records, in the same order, ``path`` replaced and errors masked.
        skipped: ``(pseudonym, reason)`` for the skipped files.
        key: ``(pseudonym, original path)``, sorted by pseudonym.
    """

    records: tuple[Record, ...]
    skipped: tuple[tuple[str, str], ...]
    key: tuple[tuple[str, str], ...]


def _content_sha256(path: str) -> str:
    digest = hashlib.sha256()
    try:
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
    except OSError:
        return ""
    return digest.hexdigest()


def redact_records(
    records: Sequence[Record], skipped: Sequence[tuple[str, str]] = ()
) -> RedactedBatch:
    """Replace every path by its pseudonym (see the module docstring).

    Args:
        records: Batch records, each with ``path`` and ``sha256``.
        skipped: ``(path, reason)`` of files found but not scored (their bytes are hashed here).

    Returns:
        The redacted records and skipped files, and the key.
    """
    used: dict[str, int] = {}
    unreadable = 0
    key: list[tuple[str, str]] = []

    def assign(path: str, sha: str) -> str:
        nonlocal unreadable
        if sha:
            base = pseudonym(sha)
        else:
            unreadable += 1
            base = f"cand-unreadable-{unreadable}"
        used[base] = used.get(base, 0) + 1
        name = base if used[base] == 1 else f"{base}-{used[base]}"
        key.append((name, path))
        return name

    by_path = sorted(range(len(records)), key=lambda i: records[i]["path"])
    names = {i: assign(records[i]["path"], records[i].get("sha256", "")) for i in by_path}
    out = []
    for index, record in enumerate(records):
        name = names[index]
        identity = path_identity(record["path"], name)
        changed = {**record, "path": name}
        if record.get("error"):
            changed["error"] = redact_text(str(record["error"]), identity)
        out.append(changed)
    hidden = []
    for path, reason in sorted(skipped):
        name = assign(path, _content_sha256(path))
        hidden.append((name, redact_text(reason, path_identity(path, name))))
    return RedactedBatch(tuple(out), tuple(hidden), tuple(sorted(key)))


def write_key(key: Sequence[tuple[str, str]], path: str | Path) -> None:
    """Write the key as a two-column CSV (``pseudonym,path``), whole or not at all."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(KEY_COLUMNS)
    writer.writerows(key)
    Path(path).parent.mkdir(parents=True, exist_ok=True)  # a private folder apart from the outputs
    write_atomic(path, buffer.getvalue())
