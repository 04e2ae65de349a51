"""Optional OCR for scanned PDFs with Debian's ``pdftoppm`` (poppler-utils) and ``tesseract``.

OCR is never required: resume-fit adds no Python dependency for it and only runs it when asked
(``parse_file(..., ocr=True)``, ``resume-fit --ocr``) on a PDF without a usable text layer (a
scan, or fonts whose glyphs have no text mapping). Each page is rendered by ``pdftoppm`` to a
grayscale image in a temporary directory, then read by ``tesseract <image> - -l eng``, one page at
a time, within the file's page limit and time budget. The image is PGM rather than PNG: pdftoppm
writes it ten times faster and tesseract reads it faster, at the cost of disk space that holds
one page at a time.

The tools are looked up on ``PATH`` with ``shutil.which``. The environment variables
``RESUME_FIT_PDFTOPPM`` and ``RESUME_FIT_TESSERACT`` override them with another command name or a
path (a newer build, a wrapper script); an override that does not resolve to an executable is an
error rather than a silent fallback to ``PATH``.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from resume_fit.config import Limits
from resume_fit.errors import LimitExceededError, NoTextError
from resume_fit.parse.extraction import Extraction
from resume_fit.parse.normalize import assemble

INSTALL_HINT = (
    "install poppler-utils and tesseract-ocr "
    "(apt-get install poppler-utils tesseract-ocr) to use --ocr"
)
PDFTOPPM_ENV = "RESUME_FIT_PDFTOPPM"
TESSERACT_ENV = "RESUME_FIT_TESSERACT"
# 300 dpi is what tesseract is trained for; lower loses small print such as contact lines.
_DPI = 300
# Render at most 30 x 30 inches of a page (from its top left) so a hostile MediaBox the size of a
# building cannot exhaust memory; real resume pages are far smaller.
_MAX_PIXELS = 30 * _DPI
_LANGUAGE = "eng"
# Bullets that tesseract commonly reads as a symbol; at a line start they become "- ".
_OCR_BULLETS = ("e ", "© ", "« ", "¢ ", "° ", "+ ", "o ", "» ")


@dataclass(frozen=True)
class OcrTools:
    """The command-line tools the OCR path runs.

    Attributes:
        pdftoppm: Path of the ``pdftoppm`` executable (poppler-utils).
        tesseract: Path of the ``tesseract`` executable (tesseract-ocr).
    """

    pdftoppm: str
    tesseract: str


def find_ocr_tools() -> OcrTools | None:
    """Locate ``pdftoppm`` and ``tesseract``, or return None when either is missing.

    ``RESUME_FIT_PDFTOPPM`` and ``RESUME_FIT_TESSERACT`` (a command name or a path), when set and
    non-empty, are used instead of the ``PATH`` lookup.
    """
    pdftoppm = _which(PDFTOPPM_ENV, "pdftoppm")
    tesseract = _which(TESSERACT_ENV, "tesseract")
    if pdftoppm is None or tesseract is None:
        return None
    return OcrTools(pdftoppm, tesseract)


def ocr_pdf(path: Path, *, pages: int, limits: Limits) -> Extraction:
    """Read a scanned PDF's text with OCR, page by page.

    Args:
        path: The PDF file (already opened by the PDF reader, so its page count is known).
        pages: Number of pages in the PDF; at most ``limits.max_pages`` of them are read.
        limits: Safety limits; ``timeout_seconds`` bounds the whole OCR run (0 disables it).

    Returns:
        The recognised text with method ``"ocr"`` and a note that it may contain recognition
        errors; sections and quality are worked out by the caller as for any text.

    Raises:
        NoTextError: ``pdftoppm`` or ``tesseract`` is missing (the message says what to install),
            one of them failed, or OCR recognised no text at all.
        LimitExceededError: OCR ran past the time budget.
    """
    tools = find_ocr_tools()
    if tools is None:
        raise NoTextError(path, _missing_reason())
    budget = _Budget(path, limits.timeout_seconds)
    count = max(1, min(pages, limits.max_pages))
    lines: list[str] = []
    empty_pages = 0
    with tempfile.TemporaryDirectory(prefix="resume-fit-ocr-") as folder:
        for number in range(1, count + 1):
            image = _render(tools.pdftoppm, path, number, Path(folder), budget)
            text = _recognise(tools.tesseract, path, image, number, budget)
            image.unlink(missing_ok=True)  # keep at most one page image on disk
            page_lines = [_bullet(line) for line in text.replace("\f", "\n").split("\n")]
            if not any(line.strip() for line in page_lines):
                empty_pages += 1
                continue
            if lines:
                lines.append("")
            lines.extend(page_lines)
    text, _ = assemble(lines, reflow=True)
    if not text.strip():
        raise NoTextError(
            path,
            f"no usable text layer, and OCR recognised no text on its {count} page(s); "
            "the scan may be blank, too faint or not in English",
        )
    notes = [
        f"text came from OCR (tesseract, {_DPI} dpi) and may contain recognition errors",
    ]
    if empty_pages:
        notes.append(f"OCR found no text on {empty_pages} of {count} page(s)")
    if pages > count:
        notes.append(f"only the first {count} of {pages} pages were read")
    return Extraction(
        text=text,
        method="ocr",
        pages=count,
        inked=len("".join(text.split())),  # characters that are not white space
        notes=tuple(notes),
    )


def _which(variable: str, command: str) -> str | None:
    override = os.environ.get(variable, "").strip()
    return shutil.which(override or command)


def _missing_reason() -> str:
    missing = []
    for variable, command in ((PDFTOPPM_ENV, "pdftoppm"), (TESSERACT_ENV, "tesseract")):
        if _which(variable, command) is not None:
            continue
        override = os.environ.get(variable, "").strip()
        missing.append(
            f"{variable}={override} is not an executable" if override else f"{command} not on PATH"
        )
    return (
        "no usable text layer (a scan, or fonts without a text mapping), and OCR was asked for "
        f"but no OCR engine was found ({'; '.join(missing)}): {INSTALL_HINT}"
    )


def _bullet(line: str) -> str:
    stripped = line.lstrip()
    for misread in _OCR_BULLETS:
        if stripped.startswith(misread) and stripped[len(misread) : len(misread) + 1].isupper():
            return "- " + stripped[len(misread) :]
    return line


class _Budget:
    """Wall-clock budget for the OCR run, handed to each tool as its subprocess timeout."""

    def __init__(self, path: Path, seconds: float) -> None:
        self.path = path
        self.seconds = seconds
        self._end = time.monotonic() + seconds if seconds > 0 else None

    def remaining(self, tool: str, page: int) -> float | None:
        if self._end is None:
            return None
        left = self._end - time.monotonic()
        if left <= 0:
            raise self.exceeded(tool, page)
        return left

    def exceeded(self, tool: str, page: int) -> LimitExceededError:
        return LimitExceededError(
            self.path,
            f"OCR took longer than the {self.seconds:g} s time budget ({tool}, page {page}); "
            "raise it with RESUME_FIT_TIMEOUT (OCR needs a few seconds per page)",
        )


def _run(command: list[str], budget: _Budget, tool: str, page: int) -> tuple[int, str, str]:
    """Run a tool in its own process group so a timeout also ends anything it started."""
    environment = dict(os.environ)
    # tesseract's OpenMP threads slow it down when batch workers already use every core.
    environment.setdefault("OMP_THREAD_LIMIT", "1")
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
            start_new_session=True,
        )
    except OSError as error:
        raise NoTextError(
            budget.path,
            f"no usable text layer, and OCR failed: cannot run {command[0]} ({error.strerror})",
        ) from None
    try:
        out, err = process.communicate(timeout=budget.remaining(tool, page))
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.communicate()
        raise budget.exceeded(tool, page) from None
    decode = {"encoding": "utf-8", "errors": "replace"}
    return process.returncode, out.decode(**decode), err.decode(**decode)


def _failure(tool: str, page: int, status: int, stderr: str) -> str:
    detail = next((line.strip() for line in stderr.splitlines() if line.strip()), "")
    reason = (
        f"no usable text layer, and OCR failed: {tool} exited with status {status} on page {page}"
    )
    if detail:
        reason += f" ({detail[:160]})"
    if "Failed loading language" in stderr or "traineddata" in stderr:
        reason += "; install tesseract-ocr-eng"
    return reason


def _render(pdftoppm: str, path: Path, page: int, folder: Path, budget: _Budget) -> Path:
    prefix = folder / f"page-{page}"
    command = [pdftoppm, "-r", str(_DPI), "-gray", "-f", str(page), "-l", str(page)]
    command += ["-W", str(_MAX_PIXELS), "-H", str(_MAX_PIXELS), "-singlefile"]
    # An absolute path so a file name starting with "-" is not read as an option.
    command += [str(path.absolute()), str(prefix)]
    status, _, stderr = _run(command, budget, "pdftoppm", page)
    image = prefix.with_suffix(".pgm")
    if status != 0 or not image.is_file():
        raise NoTextError(path, _failure("pdftoppm", page, status, stderr))
    return image


def _recognise(tesseract: str, path: Path, image: Path, page: int, budget: _Budget) -> str:
    status, stdout, stderr = _run(
        [tesseract, str(image), "-", "-l", _LANGUAGE], budget, "tesseract", page
    )
    if status != 0:
        raise NoTextError(path, _failure("tesseract", page, status, stderr))
    return stdout
