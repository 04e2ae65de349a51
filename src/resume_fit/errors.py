"""The exceptions resume-fit raises, and the exit code the command line gives each.

Every error names the file it is about and the reason, so ``str(error)`` is the one-line message
the command line prints: ``"cv.pdf: encrypted PDF: ..."``. Each class also inherits the matching
builtin (``OSError`` for unreadable files, ``ValueError`` for bad content) so callers that catch
builtins keep working, after pdfminer.six's ``pdfexceptions``.
"""

from __future__ import annotations

from pathlib import Path


class ResumeFitError(Exception):
    """Root of every error resume-fit raises on purpose.

    Args:
        path: The file the error is about (a resume, a lexicon or catalogue file).
        reason: What went wrong and, where there is one, what to do about it.
    """

    exit_code = 1
    kind = "error"

    def __init__(self, path: str | Path, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class InputNotFoundError(ResumeFitError, FileNotFoundError):
    """The path does not exist, or is a directory where a file was expected."""

    exit_code = 3
    kind = "not found"


class UnsupportedFormatError(ResumeFitError, ValueError):
    """The file is not a PDF, DOCX, TXT or Markdown resume."""

    exit_code = 4
    kind = "not a resume format"


class UnreadableDocumentError(ResumeFitError, OSError):
    """The file claims a supported format but cannot be read (truncated, corrupt)."""

    exit_code = 5
    kind = "corrupt"


class EncryptedDocumentError(UnreadableDocumentError):
    """The document is encrypted with a password we do not have."""

    exit_code = 6
    kind = "encrypted"


class NoTextError(ResumeFitError, ValueError):
    """The document has no usable text: empty, a scan with no text layer, or garbled fonts."""

    exit_code = 7
    kind = "no text"


class LimitExceededError(ResumeFitError, ValueError):
    """The file breaks a safety limit: size, pages, decompressed size or time budget."""

    exit_code = 8
    kind = "too large"


class DataFileError(ResumeFitError, ValueError):
    """A lexicon, catalogue or model file is malformed; the message names the file and the entry."""

    exit_code = 9
    kind = "bad data file"


EXIT_CODES: dict[str, int] = {
    cls.__name__: cls.exit_code
    for cls in (
        ResumeFitError,
        InputNotFoundError,
        UnsupportedFormatError,
        UnreadableDocumentError,
        EncryptedDocumentError,
        NoTextError,
        LimitExceededError,
        DataFileError,
    )
}
