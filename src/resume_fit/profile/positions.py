"""The dated positions of a resume's experience section(s).

Only the experience section(s) are read, so education and project dates never count as work, nor
do sections headed as unpaid work ("Volunteer Experience": ``unpaid_headings``). A line
in an experience section that holds a date range starts a position; its title and organisation come
from the rest of that line, or from the one or two short lines just above it when the dates stand
alone (``header_block.py``). The position's text runs to the next position. An entry that is
schooling, a school attended or a dated sub-entry of the position above is no position of its own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from resume_fit.parse.resume_text import ResumeText
from resume_fit.profile.cues import load_cues
from resume_fit.profile.date_span import DateSpan, FoundSpan
from resume_fit.profile.dates import find_spans
from resume_fit.profile.education import find_degrees
from resume_fit.profile.header_block import (
    BULLET,
    HEADER_LINE_MAX,
    header_parts,
    is_header_candidate,
    reads_as_prose,
    section_lines,
    without_leaders,
)
from resume_fit.profile.header_text import (
    EDGE_PUNCTUATION,
    cue_words,
    is_title,
    split_title,
    word_set,
)
from resume_fit.profile.placement import placement_kind


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


def find_positions(resume: ResumeText, reference: dt.date) -> tuple[Position, ...]:
    """Find the dated positions in the resume's experience section(s).

    Args:
        resume: The parsed resume.
        reference: The date "present" resolves to.

    Returns:
        Positions in text order; empty when there is no experience section or no dates in it.
    """
    positions: list[Position] = []
    unpaid = cue_words()["unpaid"]
    titles = load_cues()["titles"]
    # Besides the work sections, titled entries only (a school or a club there has no job
    # title): with no work heading at all, the jobs ran on in the contact block, the summary or
    # an unknown section; a sidebar section (skills, languages) can cut the work history in two.
    titled_kinds = set(titles.get("sidebar_sections", []))
    if not any(s.kind == "experience" for s in resume.sections):
        titled_kinds |= set(titles.get("unheaded_work_sections", []))
    for section in resume.sections:
        if section.kind != "experience" and section.kind not in titled_kinds:
            continue
        if not word_set(section.heading) & unpaid:
            heading = 1 if section.heading.strip() else 0
            found = _section_positions(resume, section.start, section.end, reference, heading)
            positions.extend(p for p in found if section.kind == "experience" or is_title(p.title))
    return tuple(positions)


def _section_positions(
    resume: ResumeText, start: int, end: int, reference: dt.date, heading_lines: int
) -> list[Position]:
    body = resume.text[start:end]
    lines = section_lines(body, start)
    headers: list[tuple[int, FoundSpan]] = []
    title_cues = cue_words()["titles"]
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
        if (
            not is_header_candidate(line) or reads_as_prose(line.replace(item.span.text, " "))
        ) and not word_set(line) & title_cues:
            # A range inside a bullet or a sentence ("- Led the migration (2019-2020)", or the
            # same line with its bullet glyph lost by the PDF) dates an achievement, not a job,
            # unless the line also names a title.
            continue
        if not headers or headers[-1][0] != index:
            headers.append((index, item))
    widest = _widest_spans(found)
    tops: list[int] = []
    heads: list[tuple[str, str]] = []
    schooling: list[bool] = []
    placements: list[str] = []
    claimed = heading_lines - 1
    for number, (index, item) in enumerate(headers):
        # Never above the previous entry's date line, nor into the employer line it took below it.
        floor = max(headers[number - 1][0], claimed) if number else heading_lines - 1
        ceiling = headers[number + 1][0] if number + 1 < len(headers) else len(lines)
        top, parts, below = header_parts(body, lines, index, item, floor, ceiling)
        claimed = index + below
        tops.append(top)
        heads.append(split_title(parts))
        header = "\n".join([*(line for _, _, line in lines[top : index + 1]), *parts])
        # "MSc Data Science, University of Leeds  2016 - 2018" under a heading the parse stage
        # took for experience: a degree and no job title is schooling, not a position.
        # ...and "Independent projects  2016 - 2017" or "Chess club" with no job title is no job.
        untitled = not any(is_title(p) for p in parts)
        placements.append(placement_kind(header, heads[-1][0]))
        schooling.append(
            untitled
            and (bool(word_set(header) & cue_words()["not_jobs"]) or bool(find_degrees(header)))
        )
    positions = []
    for number, (index, item) in enumerate(headers):
        stop = lines[tops[number + 1]][0] if number + 1 < len(headers) else end
        title, organisation = heads[number]
        if word_set(title) & cue_words()["unpaid"] or schooling[number]:
            continue  # "Volunteer" in the work section, a degree, a project: not a position
        if not title and _studied_at(organisation, index, lines, stop):
            continue  # "Harlow College  2015 - 2019" over "GPA 3.8, major in Economics"
        position = Position(
            title,
            organisation,
            widest.get(index, item.span),
            lines[tops[number]][0],
            stop,
            placements[number],
        )
        positions.append((position, tops[number] == index))
    return _without_sub_entries(positions)


def _widest_spans(found: list[tuple[int, FoundSpan]]) -> dict[int, DateSpan]:
    """By line, the range that holds every other range of that line, where one does.

    "Staff ML Engineer (2020-2022), Senior ML Engineer (2018-2020) · Jan 2018 - Mar 2022": the
    roles' ranges lie inside the employer's, and the position lasts the employer's range.
    """
    ranges: dict[int, list[DateSpan]] = {}
    for index, item in found:
        if not item.single:
            ranges.setdefault(index, []).append(item.span)
    widest: dict[int, DateSpan] = {}
    for index, spans in ranges.items():
        if len(spans) < 2:
            continue
        for span in spans:
            if all(_contains(span, other) for other in spans):
                widest[index] = span
                break
    return widest


def _contains(outer: DateSpan, inner: DateSpan) -> bool:
    """True when ``inner`` lies inside ``outer``; a range of years only ("2020-2022", read as
    mid-year to mid-year) by its years."""
    if inner.approximate:
        return outer.first.year <= inner.first.year and inner.last.year <= outer.last.year
    return _within(outer, inner)


def _within(outer: DateSpan, inner: DateSpan) -> bool:
    """True when ``inner`` starts no earlier and ends no later than ``outer``, by month."""
    return outer.first <= inner.first and inner.last <= outer.last


_STUDY_LINES = 2


def _studied_at(
    organisation: str, index: int, lines: list[tuple[int, int, str]], stop: int
) -> bool:
    """True when an untitled entry is a school attended: its organisation names a school
    (``[titles].school_words``) and the first lines under its header speak of study (a degree,
    or ``education_words``: "GPA", "major"). A school is an employer too ("Harlow Academy" over
    "Part-time, Summer 2009"), so the school's name alone is not enough."""
    if not word_set(organisation) & cue_words()["schools"]:
        return False
    below = [line for start, _, line in lines[index + 1 :] if start < stop and line.strip()]
    study = "\n".join(below[:_STUDY_LINES])
    return bool(word_set(study) & cue_words()["not_jobs"]) or bool(find_degrees(study))


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
    if not ranges or any(is_header_candidate(lines[i][2]) for i, _ in ranges):
        return set()
    entries = set()
    for index, item in ranges:
        line_start, _, line = lines[index]
        if not BULLET.match(line) or len(line.strip()) > HEADER_LINE_MAX:
            continue
        before = line[: start + item.start - line_start]
        after = line[start + item.end - line_start :].strip(EDGE_PUNCTUATION)
        if not after or not BULLET.sub("", before).strip(EDGE_PUNCTUATION):
            entries.add(index)
    return entries


def _without_sub_entries(entries: list[tuple[Position, bool]]) -> list[Position]:
    """Drop the dated sub-entries of a position: the projects or client engagements a consultant
    lists under one employer ("Nov 2018 - Jul 2019: Frontend Lead" inside "Mar 2018 - Jul 2019:
    Senior Engineer" and its employer line, or "Client: Westfield Bank (2019 - 2020)"). A
    sub-entry follows the position whose span holds its own, strictly wider, names no
    organisation or no title of its own and has a one-line header (the ``bool`` of each entry); a
    concurrent job with its own title and employer stays. Its text joins the position's.

    An employer line with no title over titled roles inside its span ("Harlow Analytics  2016 -
    Present" over "Senior Data Scientist  2021 - Present" and "Data Analyst  2016 - 2018") is the
    heading of a career at one employer: its roles are the positions, each with its employer, and
    the employer line is none.
    """
    kept: list[Position] = []
    group: Position | None = None  # the employer line over the roles being read
    for position, one_line in entries:
        if (
            group is not None
            and one_line
            and position.title
            and not position.organisation
            and _holds(group, position)
        ):
            kept.append(dataclasses.replace(position, organisation=group.organisation))
            continue
        group = None
        parent = kept[-1] if kept else None
        inside = (
            parent is not None
            and one_line
            and not (position.organisation and position.title)
            and _holds(parent, position)
        )
        if parent is not None and inside and position.title and _employer_only(parent):
            group = parent
            kept[-1] = dataclasses.replace(
                position, organisation=parent.organisation, start=parent.start
            )
            continue
        if parent is not None and inside and parent.span.months > position.span.months:
            kept[-1] = dataclasses.replace(parent, end=position.end)
            continue
        kept.append(position)
    return kept


def _employer_only(position: Position) -> bool:
    """True for an entry that names an employer and no title: a heading over its roles."""
    return bool(position.organisation) and not position.title


def _holds(outer: Position, inner: Position) -> bool:
    """True when ``inner``'s span lies within ``outer``'s."""
    return _within(outer.span, inner.span)


def _lone_date_is_header(line: str, item: FoundSpan, line_offset: int) -> bool:
    # A lone date ("Summer 2018") starts a position only at the start or end of a short line;
    # elsewhere it is a date inside a sentence ("shipped in 2020").
    if len(without_leaders(line).strip()) > HEADER_LINE_MAX or BULLET.match(line):
        return False
    before = line[: item.start - line_offset].strip(" |,–—-()")
    after = line[item.end - line_offset :].strip(" |,–—-()")
    return not before or not after
