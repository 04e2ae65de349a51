"""DOCX package checks made before any XML is parsed: zip bombs and entity declarations.

The archive's central directory tells how large each member would decompress to, so a zip bomb is
refused without inflating anything; each XML part's prologue tells whether it declares a DTD, which
Word never writes and which an entity bomb or an external entity needs.
"""

from __future__ import annotations

import zipfile
import zlib
from pathlib import Path

from resume_fit.errors import LimitExceededError, UnreadableDocumentError

_DOCTYPE = b"<!DOCTYPE"
_DOCTYPE_UTF16 = "<!DOCTYPE".encode("utf-16-le")
# A DTD comes before the root element; the prologue before it is short (a declaration, maybe a
# comment), so a DTD hidden further in is left to the parser, which does not resolve entities.
_PROLOGUE_BYTES = 65_536


def check_archive(
    path: Path, max_unzipped_bytes: int, max_ratio: float, max_members: float
) -> None:
    """Refuse zip bombs using the central directory only (nothing is decompressed).

    Raises:
        LimitExceededError: Too many members, too large in total, or a member compressed too well.
        UnreadableDocumentError: The archive's directory cannot be read.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise UnreadableDocumentError(path, f"corrupt DOCX: broken zip archive ({error})") from None
    if len(members) > max_members:
        raise LimitExceededError(path, f"DOCX archive has {len(members)} members; refusing it")
    total = sum(member.file_size for member in members)
    if total > max_unzipped_bytes:
        raise LimitExceededError(
            path,
            f"DOCX would decompress to {total} bytes, over the {max_unzipped_bytes}-byte limit "
            "(a zip bomb?); raise RESUME_FIT_MAX_UNZIPPED_BYTES if the file is genuine",
        )
    for member in members:
        ratio = member.file_size / max(member.compress_size, 1)
        if member.file_size > 1_000_000 and ratio > max_ratio:
            raise LimitExceededError(
                path,
                f"DOCX member {member.filename} is compressed {ratio:.0f}:1, over the "
                f"{max_ratio:.0f}:1 limit (a zip bomb?)",
            )


def refuse_dtds(path: Path) -> None:
    """Refuse a package whose XML parts declare a DTD (entity definitions).

    OPC forbids DTDs in package parts (ECMA-376 Part 2, M1.17) and Word never writes one; a DTD
    in a DOCX is an entity-expansion bomb ("billion laughs") or an external entity (XXE) waiting
    to fetch a file or URL. python-docx's parser already leaves entities unresolved and never
    reads the network; refusing the file outright also keeps the text from silently losing them.

    Raises:
        UnreadableDocumentError: A part declares a DTD, or the archive cannot be read.
    """
    try:
        with zipfile.ZipFile(path) as archive:
            for member in archive.infolist():
                if not member.filename.endswith((".xml", ".rels")):
                    continue
                with archive.open(member) as stream:
                    head = stream.read(_PROLOGUE_BYTES)
                if _DOCTYPE in head or _DOCTYPE_UTF16 in head:
                    raise UnreadableDocumentError(
                        path,
                        f"refusing this DOCX: its part {member.filename} declares a DTD "
                        "(entity definitions, which Word never writes: an XML bomb or external "
                        "entity); save the resume again from a word processor",
                    )
    except (
        zipfile.BadZipFile,
        OSError,
        ValueError,
        EOFError,
        zlib.error,
        NotImplementedError,
        RuntimeError,
    ) as error:
        raise UnreadableDocumentError(path, f"corrupt DOCX: broken zip archive ({error})") from None
