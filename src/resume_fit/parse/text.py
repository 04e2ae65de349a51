"""Plain-text and Markdown resumes: decoding, and enough Markdown stripping to find headings."""

from __future__ import annotations

import re

from resume_fit.parse.dump import unfold
from resume_fit.parse.extraction import Extraction
from resume_fit.parse.normalize import assemble
from resume_fit.parse.resume_text import Link
from resume_fit.parse.settings import load_settings

_MD_LINK_RE = re.compile(r"(!?)\[([^\]]*)\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
_MD_AUTOLINK_RE = re.compile(r"<((?:https?://|mailto:)[^>\s]+)>")
_MD_HEADING_RE = re.compile(r"^\s{0,3}#{1,6}\s+(.*?)\s*#*\s*$")
_MD_EMPHASIS_RE = re.compile(
    r"(\*\*|__)(.+?)\1|(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?!\w)|(?<![\w_])_(?!\s)(.+?)(?<!\s)_(?![\w_])"
)
_MD_CODE_RE = re.compile(r"`+([^`]*)`+")
_MD_RULE_RE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_MD_LIST_RE = re.compile(r"^(\s*)(?:[*+]|\d+[.)])\s+")
_MD_QUOTE_RE = re.compile(r"^\s{0,3}>\s?")
_MD_SETEXT_RE = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_HTML_TAG_RE = re.compile(r"</?[a-zA-Z][^>]*>")
_MD_HINT_RE = re.compile(
    r"^\s{0,3}#{1,6}\s+\S|\]\([^)]+\)|^\s{0,3}(=+|-+)\s*$|\*\*\S", re.MULTILINE
)


def decode_text(data: bytes, max_control_ratio: float) -> str | None:
    """Decode bytes that look like text, or return None when they do not.

    UTF-8 (a BOM is dropped) is tried first, then UTF-16 with a BOM, then cp1252 and latin-1 for
    older Windows files; the result must be mostly printable.

    Args:
        data: The file's bytes.
        max_control_ratio: Largest share of control characters (other than tab, newline, CR, FF)
            a text file may contain.
    """
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        candidates = ["utf-16"]
    else:
        candidates = ["utf-8-sig", "cp1252", "latin-1"]
    for encoding in candidates:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        if not text:
            return text
        control = sum(1 for char in text if ord(char) < 32 and char not in "\t\n\r\f")
        if control / len(text) <= max_control_ratio:
            return text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
        return None
    return None


def looks_like_markdown(text: str) -> bool:
    """True when the text uses Markdown headings, links or emphasis."""
    return len(_MD_HINT_RE.findall(text)) >= 2


def read_text(text: str, *, markdown: bool) -> Extraction:
    """Turn decoded text into an extraction; strip Markdown markup when ``markdown`` is set.

    Args:
        text: The decoded text.
        markdown: Treat the text as Markdown (headings, emphasis, links, lists).
    """
    links: list[Link] = []
    lines = text.split("\n")
    if markdown:
        lines = _strip_markdown(lines, links)
    lines = unfold(lines, load_settings().headings)
    cleaned, _ = assemble(lines)
    return Extraction(
        text=cleaned,
        method="markdown" if markdown else "text",
        links=tuple(links),
        inked=len("".join(cleaned.split())),  # characters that are not white space
    )


def _strip_markdown(lines: list[str], links: list[Link]) -> list[str]:
    out: list[str] = []
    for raw in lines:
        if _MD_SETEXT_RE.match(raw) and out and out[-1].strip():
            out.append("")  # the underline of a "Heading\n=====" heading
            continue
        if _MD_RULE_RE.match(raw):
            out.append("")
            continue
        line = _MD_QUOTE_RE.sub("", raw)
        heading = _MD_HEADING_RE.match(line)
        if heading:
            line = heading.group(1)
        line = _MD_LIST_RE.sub(r"\1- ", line)

        def replace_link(match: re.Match[str]) -> str:
            if match.group(1):
                return match.group(2)  # an image: keep the alt text only
            links.append(Link(match.group(3), match.group(2).strip()))
            return match.group(2)

        line = _MD_LINK_RE.sub(replace_link, line)
        for match in _MD_AUTOLINK_RE.finditer(line):
            links.append(Link(match.group(1), match.group(1)))
        line = _MD_AUTOLINK_RE.sub(r"\1", line)
        line = _MD_CODE_RE.sub(r"\1", line)
        line = _MD_EMPHASIS_RE.sub(lambda m: m.group(2) or m.group(3) or m.group(4), line)
        line = _HTML_TAG_RE.sub("", line)
        if line.strip().startswith("|") or line.count("|") >= 2:
            if set(line.replace("|", "").strip()) <= set("-: "):
                continue  # a table's separator row
            line = " ".join(cell.strip() for cell in line.strip().strip("|").split("|"))
        line = line.replace("\\", "")
        out.append(line)
    return out
