"""Resumes on storage the workers share, named by fsspec URLs (``s3://bucket/cvs/``, ``gs://``).

The client only lists them (to know the rows and to resume); the workers read the bytes. The list
follows the same rules as ``resume_fit.batch.discover``: resume suffixes only, hidden and lock
files listed as skipped, hidden folders not entered. Reading needs fsspec (a dependency of dask)
and the storage's own package (``s3fs``, ``gcsfs``) on the client and on every worker.
"""

from __future__ import annotations

import posixpath
from typing import Any

from resume_fit.batch.discover import Discovery, wanted
from resume_fit.config import Limits
from resume_fit.errors import InputNotFoundError, ResumeFitError


def discover_urls(urls: list[str]) -> tuple[Discovery, dict[str, str]]:
    """List the resumes under each URL (a file, or a prefix searched recursively).

    Returns:
        The discovery (URLs as strings, sorted) and each file's fingerprint
        (``AbstractFileSystem.ukey``: changes when the object changes), which ``--resume`` uses.

    Raises:
        InputNotFoundError: A URL names nothing.
        ResumeFitError: fsspec, or the package for the URL's scheme, is not installed.
    """
    files: dict[str, str] = {}
    skipped: dict[str, str] = {}
    for url in urls:
        fs, root = _filesystem(url)
        if not fs.exists(root):
            raise InputNotFoundError(url, "no such file or folder; check the URL")
        names = sorted(fs.find(root)) if fs.isdir(root) else [root]
        for name in names:
            below = posixpath.relpath(name, root) if name != root else ""
            if any(part.startswith(".") for part in below.split("/")[:-1]):
                continue  # inside a hidden folder, as discover() never enters one
            full = fs.unstrip_protocol(name)
            refused = wanted(posixpath.basename(name))
            if refused is not None:
                skipped[full] = refused
            else:
                files[full] = str(fs.ukey(name))
    return (
        Discovery(files=tuple(sorted(files)), skipped=tuple(sorted(skipped.items()))),
        files,
    )


def read_url(url: str, limits: Limits) -> bytes:
    """Read one file's bytes, refusing an oversized one before reading it.

    Raises:
        InputNotFoundError: It cannot be found or read.
        LimitExceededError: As ``parse_file`` for a file over ``limits.max_bytes``.
    """
    from resume_fit.parse.document import check_size

    fs, path = _filesystem(url)
    try:
        size = int(fs.size(path))
    except FileNotFoundError:
        raise InputNotFoundError(url, "no such file") from None
    if size > limits.max_bytes:  # refused before reading; an empty file is the parser's call
        check_size(url, size, limits)
    try:
        with fs.open(path, "rb") as stream:
            return bytes(stream.read())
    except OSError as error:
        raise InputNotFoundError(url, f"cannot read the file ({error})") from None


def _filesystem(url: str) -> tuple[Any, str]:
    try:
        from fsspec.core import url_to_fs
    except ImportError:
        raise ResumeFitError(
            url, "reading URLs needs fsspec: pip install 'resume-fit[dask]'"
        ) from None
    try:
        return url_to_fs(url)
    except (ImportError, ValueError) as error:
        raise ResumeFitError(
            url, f"no file system for this URL ({error}); install the package it names"
        ) from None
