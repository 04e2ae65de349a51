"""The parse stage's entry points: pick the format from the bytes, enforce limits, judge quality.

The format comes from the content (``%PDF`` magic, a zip holding ``word/document.xml``, or bytes
that decode as mostly printable text); the suffix is only a hint (``.md`` turns on Markdown
stripping).
Unusable input is refused with a domain error naming the file and the reason, never a traceback.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from resume_fit.config import Limits
from resume_fit.errors import (
    InputNotFoundError,
    LimitExceededError,
    NoTextError,
    UnreadableDocumentError,
    UnsupportedFormatError,
)
from resume_fit.parse.extraction import Deadline, Extraction
from resume_fit.parse.language import detect_language
from resume_fit.parse.normalize import garbage_ratio
from resume_fit.parse.resume_text import Link, ParseQuality, ResumeText
from resume_fit.parse.sections import detect_sections
from resume_fit.parse.settings import load_settings
from resume_fit.parse.text import decode_text, looks_like_markdown, read_text

SCANNED_REASON = "no text layer: this looks like a scanned PDF; run it through OCR first"
_URL_RE = re.compile(
    r"(?<![\w@/.])(?:https?://|www\.|(?:github|gitlab|linkedin|bitbucket)\.com/)[^\s<>()\"'|,;]+",
    re.IGNORECASE,
)
_EMAIL_RE = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}(?![\w-])", re.IGNORECASE
)
_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"\xd0\xcf\x11\xe0", "a legacy Office file (.doc/.xls); save it as DOCX or PDF"),
    (b"{\\rtf", "an RTF document; save it as DOCX or PDF"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"Rar!", "a RAR archive"),
    (b"\x7fELF", "an executable"),
    (b"MZ", "a Windows executable"),
)
_WORD_RE = re.compile(r"\w*[^\W\d_]\w*")
_VOWELS = set("aeiouyAEIOUYàáâäèéêëìíîïòóôöùúûü")


def parse_file(
    path: str | Path,
    limits: Limits | None = None,
    *,
    ocr: bool = False,
    min_words: int | None = None,
) -> ResumeText:
    """Read a resume file (PDF, DOCX, TXT or Markdown) into text, sections, links and quality.

    Args:
        path: The file to read; its format is found from its content.
        limits: Safety limits; defaults to ``Limits.from_env()``.
        ocr: Read a PDF without a usable text layer (a scan, or fonts without a text mapping)
            with OCR instead of refusing it; needs Debian's poppler-utils and tesseract-ocr on
            PATH (see ``resume_fit.parse.ocr``).
        min_words: Fewest words the text must hold; None for the resume minimum (``[quality]
            min_words`` in the settings). The posting stage passes 1: a short posting is whole.

    Returns:
        The parsed resume.

    Raises:
        InputNotFoundError: The path is missing or is a directory.
        UnsupportedFormatError: The content is not PDF, DOCX or text (an image, an archive...).
        UnreadableDocumentError: A corrupt or truncated PDF or DOCX.
        EncryptedDocumentError: A PDF locked with a non-empty password.
        NoTextError: An empty file, a scan with no text layer (with ``ocr``: the OCR tools are
            missing or read nothing), or text that is mostly garbage.
        LimitExceededError: Too large, too many pages, a zip bomb, or over the time budget.
    """
    limits = limits or Limits.from_env()
    file = Path(path)
    if file.is_dir():
        raise InputNotFoundError(path, "is a directory, not a resume file")
    try:
        size = file.stat().st_size
    except OSError:
        raise InputNotFoundError(path, "no such file") from None
    check_size(path, size, limits)
    try:
        data = file.read_bytes()
    except OSError as error:
        raise InputNotFoundError(path, f"cannot read the file ({error.strerror})") from None
    deadline = Deadline(path, limits.timeout_seconds)
    settings = load_settings()
    _check_suffix(file, str(path), data)
    fmt, extraction = _extract(file, str(path), data, limits, deadline, ocr)
    deadline.check()
    resume = _finish(str(path), fmt, extraction, settings.quality)
    check_words(resume, path, min_words)
    return resume


def check_words(resume: ResumeText, path: str | Path, min_words: int | None = None) -> None:
    """Refuse text too short to be a resume (``min_words`` in ``lexicons/sections.toml``).

    ``parse_file`` applies it; a batch over texts (``resume_fit.dask.score_texts``) applies it
    too, so a text and a file with the same words get the same row. ``min_words`` replaces the
    settings' minimum (the posting stage passes 1: a short posting is whole).

    Raises:
        NoTextError: Fewer words than the minimum.
    """
    minimum = load_settings().quality["min_words"] if min_words is None else min_words
    words = len(_WORD_RE.findall(resume.text))
    if words < minimum:
        raise NoTextError(
            path,
            f"only {words} word(s) of text, under the {minimum:g} a resume "
            "needs to be analysed; check that this is the whole resume",
        )


def check_size(path: str | Path, size: int, limits: Limits) -> None:
    """Refuse a file of ``size`` bytes before reading it, as ``parse_file`` does.

    Raises:
        NoTextError: The file is empty.
        LimitExceededError: It is over ``limits.max_bytes``.
    """
    if size == 0:
        raise NoTextError(path, "empty file")
    if size > limits.max_bytes:
        raise LimitExceededError(
            path,
            f"file is {size} bytes, over the {limits.max_bytes}-byte limit; "
            "raise it with RESUME_FIT_MAX_BYTES if this really is a resume",
        )


def parse_text(text: str, source: str = "<text>") -> ResumeText:
    """Parse a resume given as a string (plain text or Markdown).

    Args:
        text: The resume's text.
        source: Name reported as the resume's source.

    Raises:
        NoTextError: The text is empty or mostly garbage.
    """
    if not text.strip():
        raise NoTextError(source, "empty text")
    extraction = read_text(text.replace("\r\n", "\n"), markdown=looks_like_markdown(text))
    return _finish(source, "text", extraction, load_settings().quality)


def _check_suffix(file: Path, name: str, data: bytes) -> None:
    """Refuse a file whose suffix promises PDF or DOCX when its bytes are something else.

    Reading such a file as whatever its bytes are would score a renamed text file or a broken
    download as if it were the document the user meant to send.
    """
    suffix = file.suffix.lower()
    if suffix == ".pdf" and b"%PDF-" not in data[:1024]:
        found = _describe_bytes(data)
        raise UnsupportedFormatError(
            name,
            f"named .pdf but the content is {found}, not a PDF; export the resume as PDF again",
        )
    if suffix == ".docx" and not data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        found = _describe_bytes(data)
        raise UnsupportedFormatError(
            name,
            f"named .docx but the content is {found}, not a Word document; save it as DOCX again "
            "(or rename a text file to .txt)",
        )


def _describe_bytes(data: bytes) -> str:
    for magic, description in _MAGIC:
        if data.startswith(magic):
            return description.split(";")[0]
    if data.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return "a zip archive (perhaps a DOCX)"
    if b"%PDF-" in data[:1024]:
        return "a PDF"
    if decode_text(data[:4096], load_settings().quality["max_control_ratio"]) is not None:
        return "plain text"
    return "binary data of an unknown kind"


def _extract(
    file: Path, name: str, data: bytes, limits: Limits, deadline: Deadline, ocr: bool
) -> tuple[str, Extraction]:
    head = data[:1024]
    if b"%PDF-" in head:
        from resume_fit.parse.pdf import read_pdf

        extraction = read_pdf(file, max_pages=limits.max_pages, deadline=deadline)
        quality = load_settings().quality
        visible = len(extraction.text.strip())
        # A scan with a typed page number, or a design tool's export with outlined text.
        scanned = visible < quality["min_chars"] and extraction.unreadable == 0
        if ocr and (scanned or _mostly_unmapped(extraction, quality)):
            from resume_fit.parse.ocr import ocr_pdf

            return "pdf", ocr_pdf(file, pages=extraction.pages, limits=limits)
        if scanned:
            reason = (
                SCANNED_REASON if not visible else f"{SCANNED_REASON} (only {visible} characters)"
            )
            raise NoTextError(name, reason)
        return "pdf", extraction
    if data.startswith(b"PK\x03\x04") or data.startswith(b"PK\x05\x06"):
        return "docx", _read_zip(file, name, limits, deadline)
    for magic, description in _MAGIC:
        if data.startswith(magic):
            raise UnsupportedFormatError(
                name, f"this is {description}, not a PDF, DOCX, TXT or Markdown resume"
            )
    quality = load_settings().quality
    text = decode_text(data, quality["max_control_ratio"])
    if text is None:
        raise UnsupportedFormatError(
            name, "binary data of an unknown kind, not a PDF, DOCX, TXT or Markdown resume"
        )
    if not text.strip():
        raise NoTextError(name, "empty file (only whitespace)")
    opening = text.lstrip()[:200].lower()
    if opening.startswith(("<!doctype html", "<html")):
        raise UnsupportedFormatError(name, "this is an HTML page; save or print it as PDF first")
    if opening.startswith("<?xml") or opening.startswith("<svg"):
        raise UnsupportedFormatError(name, "this is an XML/SVG file, not a resume format")
    markdown = file.suffix.lower() in {".md", ".markdown"} or looks_like_markdown(text)
    return "text", read_text(text, markdown=markdown)


def _read_zip(file: Path, name: str, limits: Limits, deadline: Deadline) -> Extraction:
    from resume_fit.parse.package import check_archive
    from resume_fit.parse.word import read_docx

    zip_settings = load_settings().zip
    check_archive(
        file, limits.max_unzipped_bytes, zip_settings["max_ratio"], zip_settings["max_members"]
    )
    with zipfile.ZipFile(file) as archive:
        names = set(archive.namelist())
    if "word/document.xml" not in names:
        kind = "a spreadsheet (XLSX)" if "xl/workbook.xml" in names else "a zip archive"
        if "ppt/presentation.xml" in names:
            kind = "a presentation (PPTX)"
        if "content.xml" in names:
            kind = "an OpenDocument file; save it as DOCX or PDF"
        raise UnsupportedFormatError(
            name, f"this is {kind}, not a PDF, DOCX, TXT or Markdown resume"
        )
    try:
        return read_docx(file, deadline)
    except (UnreadableDocumentError, LimitExceededError):
        raise
    except RecursionError:
        raise UnreadableDocumentError(name, "corrupt DOCX: XML nests too deeply") from None


def _finish(
    source: str, fmt: str, extraction: Extraction, thresholds: dict[str, float]
) -> ResumeText:
    text = extraction.text
    inked = max(extraction.inked + extraction.unreadable, 1)
    unreadable_ratio = round(extraction.unreadable / inked, 4)
    garbage = garbage_ratio(text)
    vowelless = _vowelless_ratio(text)
    if _mostly_unmapped(extraction, thresholds):
        raise NoTextError(
            source,
            f"{unreadable_ratio:.0%} of the characters use fonts without a text mapping; "
            "export the PDF again with embedded fonts, or run it through OCR",
        )
    if len(text.strip()) < thresholds["min_chars"]:
        raise NoTextError(
            source, f"only {len(text.strip())} characters of text; nothing to analyse"
        )
    if (
        garbage >= thresholds["refuse_garbage_ratio"]
        or vowelless >= thresholds["refuse_vowelless_ratio"]
    ):
        raise NoTextError(source, "the text is mostly garbage (a mis-encoded font or binary data)")
    verdict = "good"
    notes = list(extraction.notes)
    if (
        unreadable_ratio >= thresholds["poor_unreadable_ratio"]
        or garbage >= thresholds["poor_garbage_ratio"]
    ):
        verdict = "poor"
    elif (
        unreadable_ratio >= thresholds["fair_unreadable_ratio"]
        or len(text) < thresholds["min_good_chars"]
    ):
        verdict = "fair"
    if extraction.unreadable:
        notes.append(f"{extraction.unreadable} glyph(s) without a text mapping were dropped")
    if len(text) < thresholds["min_good_chars"]:
        notes.append(f"only {len(text)} characters of text were found")
    sections = detect_sections(text, extraction.styles)
    if len(sections) == 1 and sections[0].kind == "other":
        notes.append("no section headings recognised; the whole text is one section")
    quality = ParseQuality(
        method=extraction.method,
        pages=extraction.pages,
        chars=len(text),
        columns=extraction.columns > 0,
        unreadable_ratio=unreadable_ratio,
        verdict=verdict,
        notes=tuple(notes),
    )
    return ResumeText(
        source=source,
        format=fmt,
        text=text,
        sections=sections,
        links=_merge_links(extraction.links, text),
        quality=quality,
        language=detect_language(text),
    )


def _mostly_unmapped(extraction: Extraction, thresholds: dict[str, float]) -> bool:
    """True when so many glyphs lack a text mapping that the text layer is unusable (OCR it)."""
    ratio = round(extraction.unreadable / max(extraction.inked + extraction.unreadable, 1), 4)
    return (
        ratio >= thresholds["refuse_unreadable_ratio"]
        and len(extraction.text) < 4 * extraction.unreadable
    )


def _vowelless_ratio(text: str) -> float:
    words = [w for w in re.findall(r"[^\W\d_]{3,}", text) if w.isascii()]
    if len(words) < 20:
        return 0.0
    return sum(1 for w in words if not _VOWELS.intersection(w)) / len(words)


def _merge_links(found: tuple[Link, ...], text: str) -> tuple[Link, ...]:
    """Reader links first, then URLs and e-mail addresses written in the text; no duplicates."""
    links: list[Link] = []
    seen: set[str] = set()
    candidates = list(found)
    for match in _URL_RE.finditer(text):
        raw = match.group(0).rstrip(".")
        url = raw if raw.lower().startswith("http") else f"https://{raw}"
        candidates.append(Link(url, raw))
    for match in _EMAIL_RE.finditer(text):
        candidates.append(Link(f"mailto:{match.group(0)}", match.group(0)))
    for link in candidates:
        key = link.url.rstrip("/").lower()
        if key.startswith("http://"):
            key = "https://" + key[len("http://") :]
        if key not in seen:
            seen.add(key)
            links.append(link)
    return tuple(links)
