"""Education and research record: highest degree, its field, publications and patents.

Degrees are read from the education section(s); when a text has none (a job description, a resume
whose headings were missed) the whole text is read instead. Degree words and abbreviations come
from ``lexicons/profile.toml``: long forms match case-insensitively, abbreviations ("MS", "BA") only
as written, and never as a US state ("Cambridge, MA") or a product ("MS Excel").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from resume_fit.parse.resume_text import ResumeText
from resume_fit.profile.cues import folded, load_cues, may_occur

# Ordered lowest to highest; the catalogue's education expectations use the same names.
EDUCATION_LEVELS: tuple[str, ...] = (
    "none",
    "certificate",
    "bootcamp",
    "associate",
    "bachelor",
    "master",
    "phd",
)
_BULLET_ENTRY = re.compile(r"^\s*(?:[-*•·▪◦●■–]|\[\d+\]|\d+[.)])\s*")
_YEAR = re.compile(r"\b(?:19[5-9]\d|20\d\d)\b")


@dataclass(frozen=True)
class Degree:
    """One degree found in the text.

    Attributes:
        level: One of ``EDUCATION_LEVELS`` (never ``"none"``).
        field: Field of study as written ("" when not found).
        text: The line it was read from, stripped.
        start: Offset of the degree words in ``ResumeText.text``.
        in_progress: True for "PhD candidate", "MSc (expected 2025)".
    """

    level: str
    field: str
    text: str
    start: int
    in_progress: bool = False


@dataclass(frozen=True)
class Education:
    """The education and research record.

    Attributes:
        highest: Highest level found, ``"none"`` when no degree was found.
        field: Field of the highest degree ("" when unknown).
        degrees: Every degree found, in text order.
        publications: Publications counted (section entries, or lines naming a venue).
        patents: Lines naming a patent.
        derivation: How the figures were found, for the report.
    """

    highest: str
    field: str
    degrees: tuple[Degree, ...]
    publications: int
    patents: int
    derivation: str

    @property
    def rank(self) -> int:
        """Position of ``highest`` in ``EDUCATION_LEVELS`` (0 for none)."""
        return EDUCATION_LEVELS.index(self.highest)


@lru_cache(maxsize=1)
def _degree_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    cues = load_cues()["education"]
    guard = "|".join(re.escape(w) for w in cues["abbreviation_guard"]["not_before"])
    patterns = []
    for entry in cues["levels"]:
        level = entry["level"]
        if level not in EDUCATION_LEVELS:
            continue
        for pattern in entry.get("patterns", []):
            patterns.append((level, re.compile(pattern, re.IGNORECASE)))
        for abbreviation in entry.get("abbreviations", []):
            escaped = re.escape(abbreviation)
            patterns.append(
                (level, re.compile(rf"(?<![\w.]){escaped}(?![\w])(?!\.?\s*(?:{guard})\b)"))
            )
    return tuple(patterns)


@lru_cache(maxsize=1)
def _any_degree() -> re.Pattern[str] | None:
    # One search per line for "could any degree pattern match here?" so the many patterns only
    # run on the few lines that name a degree. None if the patterns do not combine (groups whose
    # numbers would shift, global flags); then every line is tried.
    if any(pattern.groups for _, pattern in _degree_patterns()):
        return None
    parts = []
    for _, pattern in _degree_patterns():
        flags = "i" if pattern.flags & re.IGNORECASE else ""
        parts.append(f"(?{flags}:{pattern.pattern})")
    try:
        return re.compile("|".join(parts))
    except re.error:
        return None


def _is_state(line: str, match: re.Match[str]) -> bool:
    # "Cambridge, MA" or "Boston, MA 02139": a two-letter capital after a comma ending the phrase.
    text = match.group(0)
    if len(text) != 2 or not text.isupper():
        return False
    before = line[: match.start()].rstrip()
    after = line[match.end() :].strip()
    return before.endswith(",") and (not after or after[0].isdigit() or after[0] in "|·•–-)")


_INSTITUTION = re.compile(
    r"\b(?:university|college|institute|school|universit\w+|polytechnic)\b", re.I
)


@lru_cache(maxsize=1)
def _stoppers() -> tuple[re.Pattern[str], ...]:
    # Words and marks that end a field of study ("Computer Science, 2019", "Physics | GPA").
    patterns = []
    for stopper in load_cues()["education"]["fields"]["stoppers"]:
        pattern = re.escape(stopper) if not stopper.isalpha() else rf"\b{re.escape(stopper)}\b"
        patterns.append(re.compile(pattern, re.IGNORECASE))
    return tuple(patterns)


def _field(line: str, end: int) -> str:
    rest = line[end:]
    head, comma, tail = rest.partition(",")
    if comma and _INSTITUTION.search(head) and not _INSTITUTION.search(tail):
        # "PhD Princeton University, Computer Science": the field follows the institution.
        rest = tail
    rest = re.sub(r"^[\s.]*(?:(?:in|of)\b|[,:\-–])?\s*", "", rest, flags=re.IGNORECASE)
    rest = re.sub(r"^(?:science|arts|engineering)\s+(?:in|of)\s+", "", rest, flags=re.IGNORECASE)
    cut = len(rest)
    for stopper in _stoppers():
        found = stopper.search(rest)
        if found:
            cut = min(cut, found.start())
    field = rest[:cut].strip(" .,-–—()")
    field = _YEAR.sub("", field).strip(" .,-–—()")
    return (
        field if len(field) <= 60 and not field.lower().startswith(("degree", "candidate")) else ""
    )


def degree_levels(text: str) -> tuple[str, ...]:
    """Every degree level ``text`` names, lowest first ("Bachelor's or Master's": both).

    ``find_degrees`` keeps the highest per line, as a resume's line names one degree; a job
    posting's line may offer several.
    """
    prefilter = _any_degree()
    if prefilter is not None and not prefilter.search(text):
        return ()
    found = {
        level
        for level, pattern in _degree_patterns()
        if any(not _is_state(text, match) for match in pattern.finditer(text))
    }
    return tuple(level for level in EDUCATION_LEVELS if level in found)


def find_degrees(text: str, base: int = 0) -> tuple[Degree, ...]:
    """Find the degrees in ``text``, one per line at most (the highest on that line).

    Args:
        text: Education section text (or a whole resume).
        base: Offset of ``text`` in the full resume text.

    Returns:
        Degrees in text order.
    """
    progress = [w.lower() for w in load_cues()["education"]["in_progress"]["words"]]
    prefilter = _any_degree()
    degrees = []
    offset = 0
    lines = text.split("\n")
    for number, line in enumerate(lines):
        best: tuple[int, str, re.Match[str]] | None = None
        candidates = _degree_patterns() if prefilter is None or prefilter.search(line) else ()
        for level, pattern in candidates:
            for match in pattern.finditer(line):
                if _is_state(line, match):
                    continue
                rank = EDUCATION_LEVELS.index(level)
                if best is None or rank > best[0]:
                    best = (rank, level, match)
                break
        if best is not None:
            _, level, match = best
            lowered = line.lower()
            field = _field(line, match.end())
            if not field and not line[match.end() :].strip(" .,") and number + 1 < len(lines):
                # The degree alone on its line ("BS"), institution and field on the next.
                field = _field(lines[number + 1], 0)
            degrees.append(
                Degree(
                    level=level,
                    field=field,
                    text=line.strip(),
                    start=base + offset + match.start(),
                    in_progress=any(word in lowered for word in progress),
                )
            )
        offset += len(line) + 1
    return tuple(degrees)


def _publication_entries(body: str, heading: str) -> int:
    lines = [line for line in body.split("\n") if line.strip()]
    if lines and heading and lines[0].strip() == heading.strip():
        lines = lines[1:]
    bulleted = [line for line in lines if _BULLET_ENTRY.match(line)]
    if bulleted:
        return len(bulleted)
    dated = [line for line in lines if _YEAR.search(line)]
    return len(dated) if dated else len(lines)


def read_education(resume: ResumeText) -> Education:
    """Read degrees, publications and patents from a parsed resume.

    Args:
        resume: The parsed resume.

    Returns:
        The education record; ``highest == "none"`` when no degree was found.
    """
    sections = [s for s in resume.sections if s.kind == "education"]
    if sections:
        degrees = tuple(
            d for s in sections for d in find_degrees(resume.text[s.start : s.end], s.start)
        )
        where = "the education section"
    else:
        degrees = find_degrees(resume.text)
        where = "the whole text (no education section was found)"
    highest = max(degrees, key=lambda d: EDUCATION_LEVELS.index(d.level), default=None)
    publication_sections = [s for s in resume.sections if s.kind == "publications"]
    cues = load_cues()["publications"]
    if publication_sections:
        publications = sum(
            _publication_entries(resume.text[s.start : s.end], s.heading)
            for s in publication_sections
        )
        how = "entries in the publications section"
    else:
        venues = re.compile(r"\b(?:" + "|".join(re.escape(v) for v in cues["venues"]) + r")\b")
        publications = 0
        # Most texts name no venue at all: a substring test says so without a search per line.
        if not cues["venues"] or any(v in resume.text for v in cues["venues"]):
            publications = sum(
                1 for line in resume.text.split("\n") if venues.search(line) and _YEAR.search(line)
            )
        how = "lines naming a venue or arXiv with a year"
    patent_words = re.compile(
        r"\b(?:" + "|".join(re.escape(w) for w in cues["patent_words"]) + r")\b", re.IGNORECASE
    )
    patents = 0
    lowered = folded(resume.text)
    if not cues["patent_words"] or any(may_occur(w, lowered) for w in cues["patent_words"]):
        patents = sum(1 for line in resume.text.split("\n") if patent_words.search(line))
    if highest is None:
        degree_note = f"no degree found in {where}"
    else:
        status = " (in progress)" if highest.in_progress else ""
        degree_note = f"highest degree {highest.level}{status} from {where}: {highest.text!r}"
    derivation = f"{degree_note}; {publications} publication(s) counted as {how}"
    return Education(
        highest=highest.level if highest else "none",
        field=highest.field if highest else "",
        degrees=degrees,
        publications=publications,
        patents=patents,
        derivation=derivation,
    )
