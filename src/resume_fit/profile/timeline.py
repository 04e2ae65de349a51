"""The experience timeline: dated positions, total years, and years of use per skill.

Only the experience section(s) are read, so education and project dates never count as work, nor
do sections headed as unpaid work ("Volunteer Experience": ``unpaid_headings``). A line
in an experience section that holds a date range starts a position; its title and organisation come
from the rest of that line, or from the one or two short lines just above it when the dates stand
alone. The position's text runs to the next position. A skill whose evidence falls inside a
position's text is credited with that position's span; overlapping spans count once.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass
from functools import lru_cache

from resume_fit.extract.mention import SkillMention
from resume_fit.parse.resume_text import ResumeText
from resume_fit.profile.cues import load_cues
from resume_fit.profile.dates import DateSpan, FoundSpan, find_spans, merged_months
from resume_fit.profile.education import find_degrees

_PART_SPLIT = re.compile(r"\s*(?:\||•|·|,|;|\t|\s[-–—]\s|\s@\s|\s{3,}|\bat\b)\s*")
_STRONG_SEPARATOR = re.compile(r"\||•|·|\t|\s[-–—]\s|\s@\s|\s{3,}")
_EDGE_PUNCTUATION = " \t.,;:()[]|–—-"
_BULLET = re.compile(r"^\s*(?:[-*•·▪◦●■–]|\d+[.)])\s+")
_HEADER_LINE_MAX = 110
# Dot leaders between a title and its dates ("Developer @ Acme ........ 2019 - 2022").
_LEADER = re.compile(r"(?:\s?[.·…]){4,}\s?")
# How far above a date line its title and employer may be (a location line may sit between).
_LINES_ABOVE = 3
_STATE = re.compile(r"[A-Z]{2}")
# A list after a colon that ends a header line ("Frontend Lead: TypeScript, Angular, rxjs").
_STACK_LIST = re.compile(r":\s+(?P<items>[^:|\n]*(?:,[^,:|\n]*){2,})$")
# Words that follow a field word in a title ("Data Science", "Machine Learning"): never an employer.
_FIELD_NOUNS = ("science", "learning", "engineering", "intelligence", "vision", "language")
# Small words inside an employer's name ("Bank of Leeds", "Marks and Spencer").
_JOINERS = frozenset({"of", "and", "the", "for", "de", "la", "du", "der", "und", "&"})
_ROMAN_LEVEL = re.compile(r"(?:I{1,3}|IV|V|[1-5])")
_PLACE_TAIL = re.compile(
    r"(?:[A-Z]{2,3}|[A-Z]\.\s?[A-Z][a-z]+|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:\s?&.*)?"
)


@dataclass(frozen=True)
class Position:
    """One dated job from the experience section.

    Attributes:
        title: Job title as written ("" when none was found).
        organisation: Employer as written ("" when none was found).
        span: When, months inclusive.
        start: Offset in ``ResumeText.text`` where the position's header begins.
        end: Offset one past the end of its text (the next position's header, or the section end).
        placement: ``""`` for a professional position, else the kind of placement its header names
            (``"internship"``, ``"assistantship"``, ``"volunteering"``, ``"project"``,
            ``"student"``: ``[titles.placements]``): a position, counted in total years, never in
            years in the field.
    """

    title: str
    organisation: str
    span: DateSpan
    start: int
    end: int
    placement: str = ""

    def label(self) -> str:
        """``"Data Scientist at Acme (2020-01 to present)"``, ``"... (internship, 2021-06 to
        2021-08)"`` for a placement."""
        who = " at ".join(p for p in (self.title, self.organisation) if p) or "untitled position"
        kind = f"{self.placement}, " if self.placement else ""
        return f"{who} ({kind}{self.span.label()})"


@dataclass(frozen=True)
class SkillYears:
    """How long and how recently a skill was used, from the dated positions that mention it.

    Attributes:
        id: Skill id.
        years: Years covered by the positions that mention it (overlaps counted once), 1 decimal.
        last_used: ``"present"`` or ``"YYYY-MM"`` of the latest such position's end.
        positions: Labels of the positions that mention it, in text order.
        derivation: One sentence on how the figure was derived.
    """

    id: str
    years: float
    last_used: str
    positions: tuple[str, ...]
    derivation: str


def _lines(text: str, base: int) -> list[tuple[int, int, str]]:
    lines = []
    offset = 0
    for raw in text.split("\n"):
        lines.append((base + offset, base + offset + len(raw), raw))
        offset += len(raw) + 1
    return lines


def _is_header_candidate(line: str) -> bool:
    stripped = _without_leaders(line).strip()
    return bool(stripped) and len(stripped) <= _HEADER_LINE_MAX and not _BULLET.match(line)


@lru_cache(maxsize=1)
def _cue_words() -> dict[str, frozenset[str]]:
    # The [titles] word lists as lower-cased sets, built once instead of on every header line.
    titles = load_cues()["titles"]
    title_cues = frozenset(c.lower() for c in titles["cues"])
    org_cues = frozenset(c.lower() for c in titles["organisation_cues"])
    seniority = load_cues()["seniority"]
    return {
        "titles": title_cues,
        "organisations": org_cues,
        "roles": title_cues | org_cues,
        "locations": frozenset(w.lower() for w in titles.get("location_words", [])),
        "unpaid": frozenset(w.lower() for w in titles.get("unpaid_headings", [])),
        "suffixes": frozenset(w.lower() for w in titles.get("organisation_suffixes", [])),
        "levels": frozenset(
            w.lower()
            for w in (*seniority["senior"], *seniority["lead"], "junior", "jr")
            if " " not in w
        ),
        # Single words of the field's title vocabulary ("data", "science", "learning").
        "field": frozenset(
            w
            for phrase in (*load_cues().get("field", {}).get("modifier_words", []), *_FIELD_NOUNS)
            for w in phrase.lower().split()
        ),
        "schools": frozenset(w.lower() for w in titles.get("school_words", [])),
        "not_jobs": frozenset(
            w.lower()
            for w in (*titles.get("not_job_words", []), *titles.get("education_words", []))
        ),
    }


@lru_cache(maxsize=1)
def _placement_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    titles = load_cues()["titles"]
    return tuple(
        (kind, _phrase_pattern(words)) for kind, words in titles.get("placements", {}).items()
    ) + (("", _phrase_pattern(titles.get("not_placements", []))),)


def _phrase_pattern(words: list[str]) -> re.Pattern[str]:
    ordered = sorted((w.strip().lower() for w in words if w.strip()), key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in ordered) or "(?!)"
    return re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])", re.IGNORECASE)


_JOINT_TITLE = re.compile(r"\s(?:&|/|and|\+)\s", re.IGNORECASE)


def placement_kind(header: str, title: str = "") -> str:
    """The kind of placement an entry's header names (``[titles.placements]``: ``"internship"``,
    ``"assistantship"``, ``"volunteering"``, ``"project"``, ``"student"``, the first that
    matches), or ``""`` for a professional position. Phrases of
    ``not_placements`` ("Research Assistant Professor") are taken out first. A joint title with
    a professional post in it ("Graduate Research Assistant & Postdoctoral Researcher") is that
    post: the entry's years are professional."""
    *kinds, (_, exclusions) = _placement_patterns()
    text = exclusions.sub(" ", header)
    kind = next((kind for kind, pattern in kinds if pattern.search(text)), "")
    if kind and title:
        for segment in _JOINT_TITLE.split(exclusions.sub(" ", title)):
            if _is_title(segment) and not any(p.search(segment) for _, p in kinds):
                return ""
    return kind


def _is_location(text: str) -> bool:
    # "New York, NY", "Seoul, S.Korea", "London, UK", "Remote": a place, neither title nor employer.
    text = text.strip(" |()[]-–—")
    words = _words(text)
    cues = _cue_words()
    if words & cues["locations"]:
        return len(text.split()) <= 4
    if "," not in text or len(text.split()) > 6:
        return False
    if words & cues["roles"]:
        return False
    last = text.rsplit(",", 1)[1].strip()
    return bool(_PLACE_TAIL.fullmatch(last))


def _balanced(part: str) -> str:
    return part + ")" if part.count("(") > part.count(")") else part


def _parts(text: str) -> list[str]:
    if not _STRONG_SEPARATOR.search(text) and _is_location(text):
        # "San Diego, CA" as a whole line; with "Acme Ltd — Pune, India" each part is checked.
        return []
    text = _without_stack(text)
    parts = [_balanced(p.strip(" ()[]:-–—|,")) for p in _PART_SPLIT.split(text)]
    parts = _join_suffixes([p for p in parts if len(p) > 1])
    return [p for p in parts if not _STATE.fullmatch(p) and not _is_location(p)]


def _without_stack(text: str) -> str:
    # "Frontend Lead: TypeScript, Angular, rxjs": after a title, a list of three or more items
    # none of which is a title is the entry's technology stack, neither title nor employer.
    # ("Feb 2019: Analytical Lead, Medicines Team, NHS" keeps its list: no title before it.)
    match = _STACK_LIST.search(text)
    if match is None or not _words(text[: match.start()]) & _cue_words()["titles"]:
        return text
    if any(_words(item) & _cue_words()["titles"] for item in match["items"].split(",")):
        return text
    return text[: match.start()]


def _join_suffixes(parts: list[str]) -> list[str]:
    # "Quora, Inc" and "Ernst & Young, LLP Staff": a legal-form suffix split off by the comma
    # belongs to the organisation before it, not to a part of its own or to the title after it.
    suffixes = _cue_words()["suffixes"]
    joined: list[str] = []
    for part in parts:
        first, _, rest = part.partition(" ")
        if joined and first.lower().rstrip(".") in suffixes:
            joined[-1] = f"{joined[-1]}, {first}"
            part = rest.strip()
        if part:
            joined.append(part)
    return joined


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z][a-z.\-]*", text.lower()))


def _is_title(part: str) -> bool:
    """A part that reads as a job title: it has a title word, and no organisation word unless a
    title word ends it ("Systems Engineer" is a title, "Acme Research Labs" an organisation)."""
    cues = _cue_words()
    words = _words(part)
    if not words & cues["titles"]:
        return False
    if not words & cues["organisations"]:
        return True
    last = re.findall(r"[a-z][a-z.\-]*", part.lower())
    return bool(last) and last[-1] in cues["titles"]


def _title_then_employer(part: str) -> tuple[str, str] | None:
    """``("Data Analyst", "Kestrel Systems")`` from "Data Analyst Kestrel Systems": a title and
    its employer written with no separator, read when the words after the part's last title word
    are all capitalised (a name) and none is a title word; None otherwise."""
    words = part.split()
    cues = _cue_words()["titles"]
    last = max(
        (i for i, w in enumerate(words) if w.lower().strip(_EDGE_PUNCTUATION) in cues), default=-1
    )
    rest = words[last + 1 :]
    if last < 0 or not rest or not all(w[:1].isupper() for w in rest):
        return None
    if all(_ROMAN_LEVEL.fullmatch(w) for w in rest):
        return None  # "Software Engineer II": a level, not an employer
    return " ".join(words[: last + 1]), " ".join(rest)


def _employer_then_title(part: str) -> tuple[str, str] | None:
    """``("Data Analyst", "Kestrel Systems")`` from "Kestrel Systems Data Analyst": an employer and
    then a title with no separator. The title starts after an organisation word ("Systems",
    "Corp") or at a level word ("Senior", "Lead"), when the part ends with a title word and the
    words before hold no title or level word (so "Senior Systems Engineer" stays whole); None
    otherwise."""
    words = part.split()
    lowered = [w.lower().strip(_EDGE_PUNCTUATION) for w in words]
    cues = _cue_words()
    if len(words) < 3 or lowered[-1] not in cues["titles"]:
        return None
    for cut in range(1, len(words) - 1):
        before = set(lowered[:cut])
        if before & (cues["titles"] | cues["levels"]) or not all(
            w[:1].isupper() for w in words[:cut]
        ):
            return None
        if not words[cut][:1].isupper():
            continue  # "Bank of Leeds Analyst": "of Leeds Analyst" is no title
        if lowered[cut - 1] in cues["organisations"] or (
            lowered[cut] in cues["levels"] and not before & cues["field"]
        ):
            # A level word after field words is inside the title ("Data Science Lead Engineer").
            return " ".join(words[cut:]), " ".join(words[:cut])
    return None


def _split_title(parts: list[str]) -> tuple[str, str]:
    org_cues = _cue_words()["organisations"]
    title = next((p for p in parts if _is_title(p)), "")
    if len(parts) == 1:
        split = _title_then_employer(parts[0]) or _employer_then_title(parts[0])
        if split is not None and _is_title(split[0]):
            return split
    rest = [p for p in parts if p != title]
    organisation = next((p for p in rest if _words(p) & org_cues), rest[0] if rest else "")
    if not title and rest and organisation != rest[0]:
        title = rest[0]
    return title, organisation


def find_positions(resume: ResumeText, reference: dt.date) -> tuple[Position, ...]:
    """Find the dated positions in the resume's experience section(s).

    Args:
        resume: The parsed resume.
        reference: The date "present" resolves to.

    Returns:
        Positions in text order; empty when there is no experience section or no dates in it.
    """
    positions: list[Position] = []
    unpaid = _cue_words()["unpaid"]
    for section in resume.sections:
        if section.kind == "experience" and not _words(section.heading) & unpaid:
            heading = 1 if section.heading.strip() else 0
            positions.extend(
                _section_positions(resume, section.start, section.end, reference, heading)
            )
    return tuple(positions)


def _section_positions(
    resume: ResumeText, start: int, end: int, reference: dt.date, heading_lines: int
) -> list[Position]:
    body = resume.text[start:end]
    lines = _lines(body, start)
    headers: list[tuple[int, FoundSpan]] = []
    title_cues = _cue_words()["titles"]
    found = [
        (next(i for i, (a, b, _) in enumerate(lines) if a <= start + item.start <= b), item)
        for item in find_spans(body, reference)
    ]
    listed = _list_form(lines, found, start)
    for index, item in found:
        line = lines[index][2]
        if index in listed:
            # "- Data Analyst, Contoso, (2018 - 2019)." in a section written as such a list.
            if not headers or headers[-1][0] != index:
                headers.append((index, item))
            continue
        if item.single and not _lone_date_is_header(line, item, lines[index][0] - start):
            continue
        if item.single and item.span.months == 1 and not item.span.approximate:
            # A lone month ("May 2023") dates an event (a talk, a release, an award); a job
            # lasts, so a position needs a range, or a year or season ("Summer 2018").
            continue
        if not _is_header_candidate(line) and not _words(line) & title_cues:
            # A range inside a bullet or a sentence ("- Led the migration (2019-2020)") dates an
            # achievement, not a job, unless the line also names a title.
            continue
        if not headers or headers[-1][0] != index:
            headers.append((index, item))
    tops: list[int] = []
    heads: list[tuple[str, str]] = []
    schooling: list[bool] = []
    placements: list[str] = []
    claimed = heading_lines - 1
    for number, (index, item) in enumerate(headers):
        # Never above the previous entry's date line, nor into the employer line it took below it.
        floor = max(headers[number - 1][0], claimed) if number else heading_lines - 1
        ceiling = headers[number + 1][0] if number + 1 < len(headers) else len(lines)
        top, parts, below = _header_parts(body, lines, index, item, floor, ceiling)
        claimed = index + below
        tops.append(top)
        heads.append(_split_title(parts))
        header = "\n".join([*(line for _, _, line in lines[top : index + 1]), *parts])
        # "MSc Data Science, University of Leeds  2016 - 2018" under a heading the parse stage
        # took for experience: a degree and no job title is schooling, not a position.
        # ...and "Independent projects  2016 - 2017" or "Chess club" with no job title is no job.
        untitled = not any(_is_title(p) for p in parts)
        placements.append(placement_kind(header, heads[-1][0]))
        schooling.append(
            untitled
            and (bool(_words(header) & _cue_words()["not_jobs"]) or bool(find_degrees(header)))
        )
    positions = []
    for number, (index, item) in enumerate(headers):
        stop = lines[tops[number + 1]][0] if number + 1 < len(headers) else end
        title, organisation = heads[number]
        if _words(title) & _cue_words()["unpaid"] or schooling[number]:
            continue  # "Volunteer" in the work section, a degree, a project: not a position
        if not title and _studied_at(organisation, index, lines, stop):
            continue  # "Harlow College  2015 - 2019" over "GPA 3.8, major in Economics"
        position = Position(
            title, organisation, item.span, lines[tops[number]][0], stop, placements[number]
        )
        positions.append((position, tops[number] == index))
    return _without_sub_entries(positions)


_STUDY_LINES = 2


def _studied_at(
    organisation: str, index: int, lines: list[tuple[int, int, str]], stop: int
) -> bool:
    """True when an untitled entry is a school attended: its organisation names a school
    (``[titles].school_words``) and the first lines under its header speak of study (a degree,
    or ``education_words``: "GPA", "major"). A school is an employer too ("Harlow Academy" over
    "Part-time, Summer 2009"), so the school's name alone is not enough."""
    if not _words(organisation) & _cue_words()["schools"]:
        return False
    below = [line for start, _, line in lines[index + 1 :] if start < stop and line.strip()]
    study = "\n".join(below[:_STUDY_LINES])
    return bool(_words(study) & _cue_words()["not_jobs"]) or bool(find_degrees(study))


def _list_form(
    lines: list[tuple[int, int, str]], found: list[tuple[int, FoundSpan]], start: int
) -> set[int]:
    """The lines of an experience section written as a bulleted list of dated entries.

    Some resumes list each job as one bullet, "- Title, Company, (2015 - 2018)". When no date
    range in the section stands on a header line (every range is on a bullet), a short bullet
    that a range ends (or begins) is an entry; elsewhere a bullet's dates belong to an
    achievement ("- Led the migration (2019-2020)" under a dated header).

    Returns:
        Indexes into ``lines`` of the entry lines; empty when the section has dated headers.
    """
    ranges = [(i, f) for i, f in found if not f.single]
    if not ranges or any(_is_header_candidate(lines[i][2]) for i, _ in ranges):
        return set()
    entries = set()
    for index, item in ranges:
        line_start, _, line = lines[index]
        if not _BULLET.match(line) or len(line.strip()) > _HEADER_LINE_MAX:
            continue
        before = line[: start + item.start - line_start]
        after = line[start + item.end - line_start :].strip(_EDGE_PUNCTUATION)
        if not after or not _BULLET.sub("", before).strip(_EDGE_PUNCTUATION):
            entries.add(index)
    return entries


def _header_parts(
    body: str,
    lines: list[tuple[int, int, str]],
    index: int,
    item: FoundSpan,
    floor: int,
    ceiling: int,
) -> tuple[int, list[str], int]:
    """The first line of an entry's header block, the title, organisation or place parts in it,
    and how many lines under the date line it took (1 for an employer line, else 0).

    Resumes set the block in many orders: "Title | Company | Dates", "Company  Dates" over
    "Title", "Title" over "Company, Place" over a date-only line, "Dates  Company" over "Title".
    The date line's own parts come first; while they hold no title (a part with a title word,
    ``_is_title``) the block grows upwards over short lines (at most ``_LINES_ABOVE``, never into
    the previous entry's date line ``floor``): any line while fewer than two parts are known,
    then only a line that holds a title. Still without a title, the first non-blank short line
    below (before the next entry's header, ``ceiling``) is the title when it reads as one.
    """
    line = lines[index][2]
    parts = _parts(_without_leaders(line.replace(body[item.start : item.end], " | ")))
    top = index
    while top - 1 > floor and index - (top - 1) <= _LINES_ABOVE:
        titled = any(_is_title(p) for p in parts)
        if len(parts) >= 2 and titled:
            break
        candidate = lines[top - 1][2]
        if not _is_header_candidate(candidate):
            break
        above = _parts(candidate)
        if len(parts) >= 2 and not any(_is_title(p) for p in above):
            break
        parts = above + parts
        top -= 1
    if item.tail is not None:
        # A range split over lines: the lines down to its second part belong to the entry
        # (the organisation or place set between "2021 –" and "Present").
        parts += _entry_parts(body, lines, index, *item.tail)
    if not any(_is_title(p) for p in parts) and item.tail is None:
        below = _title_below(lines, index, ceiling)
        if below:
            parts = parts + below
    elif top == index and len(parts) == 1 and item.tail is None:
        # "Senior Data Scientist    Jan 2019 - Mar 2022" over "Kestrel Systems": a title and
        # dates on one line, the employer on the next.
        employer = _employer_below(lines, index, ceiling)
        if employer:
            return top, parts + employer, 1
    return top, parts, 0


_NAME_WORDS_MAX = 6


def _employer_below(lines: list[tuple[int, int, str]], index: int, ceiling: int) -> list[str]:
    """The employer on the line under a title-and-dates line: the next line, when it is short,
    not a bullet, holds no title word and no date, and reads as a name (capitalised words, no
    sentence end, not a list); else nothing."""
    number = index + 1
    if number >= min(ceiling, len(lines)):
        return []
    text = lines[number][2].strip()
    words = text.split()
    if (
        not text
        or _BULLET.match(lines[number][2])
        or len(words) > _NAME_WORDS_MAX
        or text.endswith(".")
        or text.count(",") > 1
        or re.search(r"\d{4}", text)
        or not all(w[:1].isupper() or w[:1] in "&(" or w.lower() in _JOINERS for w in words)
    ):
        return []
    head, _, place = text.partition("(")
    # "Slalom Works (Chicago, IL)": the name before a place in brackets.
    parts = [head.strip()] if head.strip() and _is_location(place) else _parts(text)
    return [] if any(_words(p) & _cue_words()["titles"] for p in parts) else parts[:1]


def _title_below(lines: list[tuple[int, int, str]], index: int, ceiling: int) -> list[str]:
    # The first non-blank line under a date line, when it is a short title line that is not the
    # top of the next entry (the line just above that entry's date line may be its title).
    for number in range(index + 1, min(ceiling, index + 3)):
        text = lines[number][2]
        if not text.strip():
            continue
        if number >= ceiling - 1 or not _is_header_candidate(text):
            return []
        below = _parts(text)
        return below if any(_is_title(p) for p in below) else []
    return []


def _without_sub_entries(entries: list[tuple[Position, bool]]) -> list[Position]:
    """Drop the dated sub-entries of a position: the projects or client engagements a consultant
    lists under one employer ("Nov 2018 - Jul 2019: Frontend Lead" inside "Mar 2018 - Jul 2019:
    Senior Engineer" and its employer line, or "Client: Westfield Bank (2019 - 2020)"). A
    sub-entry follows the position whose span holds its own, strictly wider, names no
    organisation or no title of its own and has a one-line header (the ``bool`` of each entry); a
    concurrent job with its own title and employer stays. Its text joins the position's."""
    kept: list[Position] = []
    for position, one_line in entries:
        parent = kept[-1] if kept else None
        if (
            parent is not None
            and one_line
            and not (position.organisation and position.title)
            and parent.span.first <= position.span.first
            and position.span.last <= parent.span.last
            and parent.span.months > position.span.months
        ):
            kept[-1] = dataclasses.replace(parent, end=position.end)
            continue
        kept.append(position)
    return kept


def _entry_parts(
    body: str, lines: list[tuple[int, int, str]], index: int, tail_start: int, tail_end: int
) -> list[str]:
    """Title, organisation or place parts of the lines after a header, down to a range's tail."""
    base = lines[0][0]
    parts: list[str] = []
    for line_start, line_end, line in lines[index + 1 :]:
        if line_start - base > tail_start:
            break
        if line_end - base >= tail_end:
            line = body[line_start - base : tail_start] + " | " + body[tail_end : line_end - base]
        if _is_header_candidate(line):
            parts += _parts(line)
    return parts


def _without_leaders(line: str) -> str:
    return _LEADER.sub(" | ", line) if "..." in line or "…" in line or ". ." in line else line


def _lone_date_is_header(line: str, item: FoundSpan, line_offset: int) -> bool:
    # A lone date ("Summer 2018") starts a position only at the start or end of a short line;
    # elsewhere it is a date inside a sentence ("shipped in 2020").
    if len(_without_leaders(line).strip()) > _HEADER_LINE_MAX or _BULLET.match(line):
        return False
    before = line[: item.start - line_offset].strip(" |,–—-()")
    after = line[item.end - line_offset :].strip(" |,–—-()")
    return not before or not after


def total_years(positions: tuple[Position, ...]) -> float | None:
    """Years of experience: the union of all position spans, 1 decimal; None with no positions."""
    if not positions:
        return None
    return round(merged_months([p.span for p in positions]) / 12, 1)


def skill_years(
    skills: tuple[SkillMention, ...], positions: tuple[Position, ...]
) -> tuple[SkillYears, ...]:
    """Credit each skill with the spans of the positions whose text mentions it.

    Args:
        skills: Skills found, with evidence offsets.
        positions: Dated positions with their text ranges.

    Returns:
        One entry per skill mentioned inside at least one position, sorted by id.
    """
    result = []
    # Labels are formatted once per position, not once per skill that mentions it.
    position_labels = {id(p): p.label() for p in positions}
    for skill in skills:
        hits = [p for p in positions if any(p.start <= e.start < p.end for e in skill.evidence)]
        if not hits:
            continue
        months = merged_months([p.span for p in hits])
        latest = max(hits, key=lambda p: (p.span.present, p.span.last))
        last_used = "present" if latest.span.present else f"{latest.span.last:%Y-%m}"
        labels = tuple(position_labels[id(p)] for p in hits)
        plural = "position" if len(hits) == 1 else "positions"
        derivation = (
            f"mentioned in {len(hits)} dated {plural} ({'; '.join(labels)}); "
            f"{months} months counted once where they overlap"
        )
        result.append(SkillYears(skill.id, round(months / 12, 1), last_used, labels, derivation))
    return tuple(sorted(result, key=lambda s: s.id))


_STATED_YEARS = re.compile(
    r"(?<![\d.])(?P<n>\d{1,2}(?:\.\d)?)\s*(?P<plus>\+)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?"
    r"(?:years?|yrs?)\b(?P<tail>[^.;,\n]{0,40})",
    re.IGNORECASE,
)


def stated_years(text: str) -> tuple[float, str] | None:
    """Years of experience a text states ("5+ years of experience", "3-5 years building ML").

    Used when there are no dated positions (a job description, a resume without dates). A number
    counts when it has a "+" or "experience" follows it, so "a 2 year warranty" does not.

    Returns:
        The largest such number (the lower bound of a range) and the words it came from, or None.
    """
    best: tuple[float, str] | None = None
    for match in _STATED_YEARS.finditer(text):
        if not match["plus"] and not re.search(r"\bexperience\b", match["tail"], re.I):
            continue
        value = float(match["n"])
        if 0 < value <= 40 and (best is None or value > best[0]):
            best = (value, match.group(0).strip())
    return best
