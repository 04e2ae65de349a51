"""Finding the resumes in the folders a batch is given.

Discovery is by suffix only (the parser checks the content); anything else found is reported as
skipped rather than silently ignored, so a recruiter can see that ``cv.pages`` was not scored.
Folders are walked recursively in sorted order, following symbolic links but never entering the
same folder twice, so a link loop cannot make the walk endless; a file reached twice is scored
once.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from resume_fit.errors import InputNotFoundError

RESUME_SUFFIXES: frozenset[str] = frozenset({".pdf", ".docx", ".txt", ".md", ".markdown"})
_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]+://")


def is_url(path: str | Path) -> bool:
    """True for ``scheme://...`` inputs (``s3://``, ``gs://``, ``file://``), read through fsspec.

    A ``Path`` is never a URL (``Path`` collapses the double slash).
    """
    return isinstance(path, str) and _URL.match(path) is not None


def wanted(name: str) -> str | None:
    """Why a file called ``name`` is not scored (a hidden or lock file, another format), or
    None when it is a resume format."""
    if name.startswith(".") or name.startswith("~$"):
        # Hidden files and Office lock files ("~$cv.docx") are never resumes.
        return "hidden or lock file"
    suffix = os.path.splitext(name)[1]
    if suffix.lower() not in RESUME_SUFFIXES:
        return f"not a resume format ({suffix or 'no suffix'})"
    return None


@dataclass(frozen=True)
class Discovery:
    """The files a batch will score and the files it will not.

    Attributes:
        files: Resume files in a stable order (sorted by path as given), without duplicates;
            URLs (``resume_fit.dask.sources``) stay strings.
        skipped: ``(path, reason)`` for every other file found, sorted by path.
    """

    files: tuple[Path | str, ...]
    skipped: tuple[tuple[str, str], ...]


def discover(paths: Iterable[str | Path]) -> Discovery:
    """List the resume files under ``paths`` (files or folders, searched recursively).

    Args:
        paths: Files and folders; files whose suffix is not a resume format are listed as
            skipped, whether found in a folder or named directly.

    Returns:
        The files to score and the files skipped, each in a stable order.

    Raises:
        InputNotFoundError: A path does not exist.
    """
    files: dict[str, Path] = {}  # real path -> path as found, so a file reached twice counts once
    skipped: dict[str, str] = {}
    seen_dirs: set[tuple[int, int]] = set()
    for given in paths:
        root = Path(given)
        if not root.exists():
            raise InputNotFoundError(root, "no such file or folder; check the path")
        if root.is_dir():
            _walk(root, files, skipped, seen_dirs)
        else:
            _consider(root, files, skipped)
    return Discovery(
        files=tuple(sorted(files.values(), key=str)),
        skipped=tuple(sorted(skipped.items())),
    )


def _walk(
    root: Path,
    files: dict[str, Path],
    skipped: dict[str, str],
    seen_dirs: set[tuple[int, int]],
) -> None:
    for folder, dirnames, filenames in os.walk(root, followlinks=True):
        stat = os.stat(folder)
        identity = (stat.st_dev, stat.st_ino)
        if identity in seen_dirs:
            # A symlink loop or a second route to a folder already walked: do not descend again.
            dirnames[:] = []
            continue
        seen_dirs.add(identity)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            _consider(Path(folder) / name, files, skipped)


def _consider(path: Path, files: dict[str, Path], skipped: dict[str, str]) -> None:
    refused = wanted(path.name)
    if refused is not None:
        skipped[str(path)] = refused
        return
    try:
        real = os.path.realpath(path)
    except OSError:
        real = str(path)
    if not os.path.isfile(real):
        skipped[str(path)] = "not a regular file (broken link?)"
        return
    known = files.get(real)
    # The same file reached twice (a link to it, a linked folder) is scored once, under its own
    # name rather than a link's, whatever order the walk met them in.
    if known is None or (path.is_symlink(), str(path)) < (known.is_symlink(), str(known)):
        files[real] = path
