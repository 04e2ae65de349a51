"""Where batch results persist between runs: the journal of a run and the cache across runs.

The journal makes a run resumable: each record is appended as one JSON line, flushed and fsynced, as
soon as its file is done, so a run stopped by Ctrl-C, ``kill -9`` or a power cut loses at most the
line being written. Reading it back ignores a torn or garbled line, and keeps only the last record
per file. The cache makes re-runs cheap: one small JSON file per (file content, lexicon, catalogue,
package, settings) key, written atomically, so an unchanged resume is never parsed twice.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import time
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from resume_fit import __version__
from resume_fit.atomic import write_atomic
from resume_fit.batch.record import STATUS_OK, TRANSIENT_KINDS, Analyze, Record
from resume_fit.config import Limits, lexicon_files, model_files

_READ_CHUNK = 1024 * 1024


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of a file's bytes (the identity of a resume across renames)."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        while chunk := stream.read(_READ_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def journal_path(out: str | Path) -> Path:
    """The journal that sits next to output ``out`` while a run is in progress."""
    out = Path(out)
    return out.with_name(out.name + ".partial.jsonl")


# The key of a journal's first line, which holds what its records were scored against besides the
# files: the postings of ``batch --job`` ("" for none). Records have a "path"; this line has none.
_STAMP_KEY = "journal_postings"


def read_journal(path: Path) -> dict[str, Record]:
    """Records in a journal by file path; a torn or unreadable line is skipped, the last wins.

    Returns an empty mapping when the journal does not exist.
    """
    return read_stamped_journal(path)[0]


def read_stamped_journal(path: Path) -> tuple[dict[str, Record], str]:
    """``read_journal``'s records and the journal's postings stamp (``Journal``'s ``stamp``).

    A journal without a stamp line (written before stamps, or by hand) has stamp "": records
    scored against no posting.
    """
    records: dict[str, Record] = {}
    stamp = ""
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return records, stamp
    for line in raw.splitlines():
        try:
            record = json.loads(line)
        except (UnicodeDecodeError, json.JSONDecodeError):
            continue  # the line being written when the run was stopped
        if not isinstance(record, dict):
            continue
        if isinstance(record.get("path"), str):
            records[record["path"]] = record
        elif isinstance(record.get(_STAMP_KEY), str):
            stamp = record[_STAMP_KEY]
    return records, stamp


class Journal:
    """An append-only JSON-lines file of finished records, durable line by line.

    Args:
        path: The journal file.
        keep: Records to start from (those read back when resuming); the journal is rewritten
            with exactly these first, so a torn last line cannot run into the next record.
        stamp: What the records were scored against besides the files (a digest of the
            postings of ``batch --job``, "" for none), written as the first line so ``--resume``
            reuses records only for the same postings (``read_stamped_journal``).
        sync_seconds: Force the file to disk at most this often (0: after every record). Each
            line still reaches the operating system at once, so a killed process loses nothing;
            a power cut may lose the lines of the last ``sync_seconds``, which ``--resume``
            scores again. One fsync takes milliseconds, so a cluster finishing thousands of
            files a second needs this.
    """

    def __init__(
        self,
        path: Path,
        keep: Iterable[Record] = (),
        *,
        stamp: str = "",
        sync_seconds: float = 0.0,
    ) -> None:
        self.path = path
        self.sync_seconds = sync_seconds
        head = _json_line({_STAMP_KEY: stamp})
        write_atomic(path, head + "".join(_json_line(record) for record in keep))
        self._stream: IO[str] | None = open(path, "a", encoding="utf-8")  # noqa: SIM115
        self._synced = time.monotonic()

    def append(self, record: Record) -> None:
        """Write one record; force it to disk now, or within ``sync_seconds``."""
        if self._stream is None:
            raise ValueError(f"{self.path}: journal is closed")
        self._stream.write(_json_line(record))
        self._stream.flush()
        now = time.monotonic()
        if now - self._synced >= self.sync_seconds:
            os.fsync(self._stream.fileno())
            self._synced = now

    def close(self) -> None:
        """Force what is written to disk and close the file (it stays until ``remove``)."""
        if self._stream is not None:
            self._stream.flush()
            os.fsync(self._stream.fileno())
            self._stream.close()
            self._stream = None

    def remove(self) -> None:
        """Close and delete the journal, once the final output is safely written."""
        self.close()
        self.path.unlink(missing_ok=True)


class ResultCache:
    """Records stored by content hash, valid for one combination of data and settings.

    Args:
        folder: Cache folder (created when missing); safe to share between runs and outputs.
        salt: Everything besides the file's bytes that the result depends on: lexicon and
            catalogue versions, package version, limits, reference date.
    """

    def __init__(self, folder: str | Path, salt: str) -> None:
        self.folder = Path(folder)
        self.salt = salt
        self.hits = 0

    def _file(self, sha256: str) -> Path:
        key = hashlib.sha256(f"{sha256}\n{self.salt}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.json"

    def get(self, sha256: str) -> Record | None:
        """The stored record for a file's hash, or None (a damaged entry counts as missing)."""
        try:
            record = json.loads(self._file(sha256).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return None
        if not isinstance(record, dict) or "status" not in record:
            return None
        self.hits += 1
        return record

    def put(self, sha256: str, record: Record) -> None:
        """Store a record, unless its failure depends on the run (timeout, crash)."""
        if record.get("status") != STATUS_OK and record.get("error_kind") in TRANSIENT_KINDS:
            return
        stored = {k: v for k, v in record.items() if k not in ("path", "sha256")}
        target = self._file(sha256)
        target.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(target, json.dumps(stored, sort_keys=True, ensure_ascii=False))


def _json_line(record: Record) -> str:
    return json.dumps(record, sort_keys=True, ensure_ascii=False) + "\n"


def cache_salt(
    analyze: Analyze, limits: Limits, reference_date: dt.date, catalogue_version: str = ""
) -> str:
    """Everything besides a file's bytes that its result depends on, as one string.

    Args:
        analyze: The analysis function (a fake in tests must not share a real run's cache).
        limits: Size limits change which files are refused; the time budget does not count,
            since timeouts are never cached.
        reference_date: The date "present" resolves to, which changes years of experience.
        catalogue_version: The version of a user's catalogue (``--catalogue``), "" for none; it
            hashes the user's file with the shipped one, so editing either misses the cache.
    """
    digest = hashlib.sha256()
    # Hashing the shipped data itself (lexicon, catalogue, models) invalidates the cache on any
    # edit, even one that forgot to bump a version.
    for folder in (lexicon_files(), model_files()):
        for item in _data_files(folder):
            digest.update(item.name.encode())
            digest.update(item.read_bytes())
    # A partial (score_file with a user's catalogue) is named by the function it wraps.
    function = getattr(analyze, "func", analyze)
    parts = [
        f"package={__version__}",
        f"data={digest.hexdigest()}",
        f"analyze={getattr(function, '__module__', '')}.{getattr(function, '__qualname__', '')}",
        f"limits={limits.max_bytes},{limits.max_pages},{limits.max_unzipped_bytes}",
        f"date={reference_date.isoformat()}",
        f"catalogue={catalogue_version}",
    ]
    return "\n".join(parts)


def _data_files(folder: Any) -> list[Any]:
    found = []
    for item in sorted(folder.iterdir(), key=lambda i: i.name):
        if item.is_dir():
            if item.name != "__pycache__":
                found.extend(_data_files(item))
        elif not item.name.endswith((".pyc",)):
            found.append(item)
    return found
