"""A layout zoo: one invented career written in the header shapes real resumes use (issue 11).

The same three positions (invented employers, titles and dates) are set in every shape: the
header block in many orders and separators, dates in many forms and languages, "present" words,
bullet glyphs, section headings, and sections of projects or study whose dated lines are no
employment. Each shape must give back the same positions, so a fix is made to the shared reading
(date grammar, header splitting, block grouping, section kinds), never to one layout. The other
profile tests hold single cases; this module crosses shapes with date forms.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from resume_fit.parse import parse_text
from resume_fit.profile import build_profile
from resume_fit.profile.dates import find_spans
from resume_fit.profile.header_text import name_before_place

AS_OF = dt.date(2026, 6, 30)
HEAD = "Morgan Ellery\nmorgan.ellery@example.org | +44 7700 900123\n\n"
TAIL = (
    "\nEducation\nMSc Statistics, University of Corrington, 2014 - 2016\n\n"
    "Skills\nPython, SQL, scikit-learn, Airflow\n"
)


@dataclass(frozen=True)
class Job:
    """One invented position: who, where, and its months (``end`` None while ongoing)."""

    title: str
    org: str
    city: str
    start: tuple[int, int]
    end: tuple[int, int] | None


CAREER = (
    Job("Senior Data Scientist", "Harlow Analytics", "Leeds", (2021, 3), None),
    Job("Data Scientist", "Kestrel Systems", "Berlin", (2018, 6), (2021, 2)),
    Job("Data Analyst", "Pinecrest Retail", "Lyon", (2016, 9), (2018, 5)),
)
BULLETS = (
    "Built churn and demand models in Python; cut forecast error by 18% in 2020.",
    "Ran A/B tests with product teams and wrote the analysis playbook.",
    "Moved forty weekly reports from 2019 – 2020 onto the new warehouse.",
)


# -- date forms: (year, month) -> text; the word for an ongoing position --------------------

_EN = (
    "Jan", "Feb", "Mar", "Apr", "May", "Jun",
    "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
)  # fmt: skip
_EN_FULL = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
_DE = (
    "Jan.", "Feb.", "März", "Apr.", "Mai", "Juni",
    "Juli", "Aug.", "Sept.", "Okt.", "Nov.", "Dez.",
)  # fmt: skip
_FR = (
    "janv.", "févr.", "mars", "avr.", "mai", "juin",
    "juil.", "août", "sept.", "oct.", "nov.", "déc.",
)  # fmt: skip
_ES = (
    "ene.", "feb.", "mar.", "abr.", "may.", "jun.",
    "jul.", "ago.", "sept.", "oct.", "nov.", "dic.",
)  # fmt: skip
_NL = (
    "jan", "feb", "mrt", "apr", "mei", "jun",
    "jul", "aug", "sep", "okt", "nov", "dec",
)  # fmt: skip
_IT = (
    "gen", "feb", "mar", "apr", "mag", "giu",
    "lug", "ago", "set", "ott", "nov", "dic",
)  # fmt: skip
_PT = (
    "jan", "fev", "mar", "abr", "mai", "jun",
    "jul", "ago", "set", "out", "nov", "dez",
)  # fmt: skip


@dataclass(frozen=True)
class DateForm:
    """How a resume writes one month, the word for "ongoing", and whether months are kept."""

    point: Callable[[int, int], str]
    present: str = "Present"
    months: bool = True
    dash: str = " – "


DATE_FORMS = {
    "month_abbrev": DateForm(lambda y, m: f"{_EN[m - 1]} {y}"),
    "month_abbrev_dot": DateForm(lambda y, m: f"{_EN[m - 1]}. {y}"),
    "month_full": DateForm(lambda y, m: f"{_EN_FULL[m - 1]} {y}"),
    "month_upper": DateForm(lambda y, m: f"{_EN[m - 1].upper()} {y}", "PRESENT"),
    "numeric_slash": DateForm(lambda y, m: f"{m:02d}/{y}"),
    "numeric_slash_short": DateForm(lambda y, m: f"{m}/{y}"),
    "numeric_dot": DateForm(lambda y, m: f"{m:02d}.{y}"),
    "year_dot_month": DateForm(lambda y, m: f"{y}.{m:02d}"),
    "year_dash_month": DateForm(lambda y, m: f"{y}-{m:02d}"),
    "year_slash_month": DateForm(lambda y, m: f"{y}/{m:02d}"),
    "apostrophe_year": DateForm(lambda y, m: f"{_EN[m - 1]} '{y % 100:02d}"),
    "years_only": DateForm(lambda y, m: f"{y}", months=False),
    "years_only_hyphen": DateForm(lambda y, m: f"{y}", months=False, dash="-"),
    "to_word": DateForm(lambda y, m: f"{_EN[m - 1]} {y}", dash=" to "),
    "german": DateForm(lambda y, m: f"{_DE[m - 1]} {y}", "heute"),
    "german_numeric": DateForm(lambda y, m: f"{m:02d}.{y}", "heute", dash=" bis "),
    "french": DateForm(lambda y, m: f"{_FR[m - 1]} {y}", "aujourd'hui"),
    "spanish": DateForm(lambda y, m: f"{_ES[m - 1]} {y}", "actualidad"),
    "dutch": DateForm(lambda y, m: f"{_NL[m - 1]} {y}", "heden"),
    "italian": DateForm(lambda y, m: f"{_IT[m - 1]} {y}", "oggi"),
    "portuguese": DateForm(lambda y, m: f"{_PT[m - 1]} {y}", "atual"),
}


def dates(job: Job, form: DateForm) -> str:
    """The job's range written in ``form``."""
    end = form.point(*job.end) if job.end else form.present
    return f"{form.point(*job.start)}{form.dash}{end}"


def expected(form: DateForm) -> list[tuple[str, str]]:
    """(start, end) prefixes the career reads to in ``form`` (a bare year is read mid-year)."""
    out = []
    for job in CAREER:
        if form.months:
            start = f"{job.start[0]}-{job.start[1]:02d}"
            end = f"{job.end[0]}-{job.end[1]:02d}" if job.end else "present"
        else:
            start, end = str(job.start[0]), str(job.end[0]) if job.end else "present"
        out.append((start, end))
    return out


# -- header shapes: (job, its dates) -> the lines above its bullets ----------------------------

SHAPES: dict[str, Callable[[Job, str], str]] = {
    "title_pipe_org_pipe_dates": lambda j, d: f"{j.title} | {j.org} | {d}",
    "title_comma_org_comma_dates": lambda j, d: f"{j.title}, {j.org}, {d}",
    "title_at_org_dates": lambda j, d: f"{j.title} at {j.org}, {d}",
    "org_line_title_line_dates_line": lambda j, d: f"{j.org}\n{j.title}\n{d}",
    "title_line_org_line_dates_line": lambda j, d: f"{j.title}\n{j.org}\n{d}",
    "dates_first_org_comma_title": lambda j, d: f"{d}  {j.org}, {j.title}",
    "dates_first_title_at_org": lambda j, d: f"{d}   {j.title} at {j.org}",
    "dates_colon_title_org": lambda j, d: f"{d}: {j.title}, {j.org}",
    "dates_right_after_spaces": lambda j, d: f"{j.title}, {j.org}{' ' * 14}{d}",
    "dates_right_after_tab": lambda j, d: f"{j.title}, {j.org}\t{d}",
    "title_org_city_paren_dates": lambda j, d: f"{j.title}, {j.org}, {j.city} ({d})",
    "org_dash_city_then_title_dates": lambda j, d: f"{j.org} — {j.city}\n{j.title}    {d}",
    "org_comma_city_then_title_then_dates": lambda j, d: f"{j.org}, {j.city}\n{j.title}\n{d}",
    "org_comma_city_then_title_dates": lambda j, d: f"{j.org}, {j.city}\n{j.title}  {d}",
    "title_dates_then_org": lambda j, d: f"{j.title}    {d}\n{j.org}",
    "org_dates_then_title": lambda j, d: f"{j.org}    {d}\n{j.title}",
    "title_paren_dates_then_org": lambda j, d: f"{j.title} ({d})\n{j.org}",
    "numbered_entries": lambda j, d: f"{CAREER.index(j) + 1}. {j.title}, {j.org} ({d})",
    "org_colon_title_paren_dates": lambda j, d: f"{j.org}: {j.title} ({d})",
    "title_dash_org_paren_dates": lambda j, d: f"{j.title} — {j.org} ({d})",
    "dates_in_brackets_first": lambda j, d: f"[{d}] {j.title}, {j.org}",
    "caps_title_pipe_caps_org": lambda j, d: f"{j.title.upper()} | {j.org.upper()} | {d}",
    "title_line_dates_line_org_city_line": lambda j, d: f"{j.title}\n{d}\n{j.org}, {j.city}",
    "org_line_dates_line_title_line": lambda j, d: f"{j.org}\n{d}\n{j.title}",
    "title_org_city_country_dates_lines": lambda j, d: f"{j.title}\n{j.org}\n{j.city}, UK\n{d}",
    "org_pipe_place_then_title_pipe_dates": lambda j, d: f"{j.org} | {j.city}, UK\n{j.title} | {d}",
    "title_org_then_place_pipe_dates": lambda j, d: f"{j.title}, {j.org}\n{j.city} | {d}",
    "dates_line_then_org_pipe_title": lambda j, d: f"{d}\n{j.org} | {j.title}",
    "org_caps_then_title_pipe_dates": lambda j, d: f"{j.org.upper()}\n{j.title} | {d}",
    "title_caps_then_org_dates": lambda j, d: f"{j.title.upper()}\n{j.org}  |  {d}",
    # Two-column PDF text order: the dates column comes out on a line of its own.
    "two_column_dates_before_block": lambda j, d: f"{d}\n{j.title}\n{j.org}, {j.city}",
    "two_column_dates_after_block": lambda j, d: f"{j.title}\n{j.org}, {j.city}\n{d}",
    # A DOCX table row read as tab-separated cells.
    "table_dates_org_title": lambda j, d: f"{d}\t{j.org}\t{j.title}",
    "table_org_title_dates": lambda j, d: f"{j.org}\t{j.title}\t{d}",
    "table_title_org_city_dates": lambda j, d: f"{j.title}\t{j.org}\t{j.city}\t{d}",
}
# Shapes that name no title (a one-line entry with the employer only).
UNTITLED: dict[str, Callable[[Job, str], str]] = {
    "org_dates_one_line": lambda j, d: f"{j.org}    {d}",
    "org_comma_city_dates": lambda j, d: f"{j.org}, {j.city}, {d}",
    "dates_org_one_line": lambda j, d: f"{d}  {j.org}",
}


def section(
    shape: Callable[[Job, str], str],
    form: DateForm,
    heading: str = "Experience",
    bullet: str = "-",
) -> str:
    """The career as an experience section in ``shape`` and ``form``."""
    entries = []
    for job in CAREER:
        body = "\n".join(f"{bullet} {line}" for line in BULLETS)
        entries.append(f"{shape(job, dates(job, form))}\n{body}\n")
    return f"{heading}\n" + "\n".join(entries)


def read(text: str) -> list[tuple[str, str, str, str]]:
    """(title, organisation, start, end) of each position the profile reads from ``text``."""
    resume = parse_text(HEAD + text + TAIL, "zoo.txt")
    return [
        (
            p.title,
            p.organisation,
            f"{p.span.first:%Y-%m}",
            "present" if p.span.present else f"{p.span.last:%Y-%m}",
        )
        for p in build_profile(resume, (), reference_date=AS_OF).positions
    ]


def spans_match(found: list[tuple[str, str, str, str]], form: DateForm) -> bool:
    """True when ``found`` holds the career's spans, in order, and nothing else."""
    want = expected(form)
    return len(found) == len(want) and all(
        start.startswith(a) and end.startswith(b)
        for (_, _, start, end), (a, b) in zip(found, want, strict=True)
    )


def _heads(found: list[tuple[str, str, str, str]]) -> list[tuple[str, str]]:
    # Titles and employers are kept as written; capitals ("SENIOR DATA SCIENTIST") are a style.
    return [(title.casefold(), org.casefold()) for title, org, _, _ in found]


CAREER_HEADS = [(j.title.casefold(), j.org.casefold()) for j in CAREER]
MAIN_FORMS = ("month_abbrev", "numeric_slash", "years_only", "german")


@pytest.mark.parametrize("form", MAIN_FORMS)
@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_position_layouts_every_shape_reads_the_career(shape: str, form: str) -> None:
    found = read(section(SHAPES[shape], DATE_FORMS[form]))
    assert spans_match(found, DATE_FORMS[form]), found
    assert _heads(found) == CAREER_HEADS, found


@pytest.mark.parametrize("form", MAIN_FORMS)
@pytest.mark.parametrize("shape", sorted(UNTITLED))
def test_position_layouts_untitled_entries_keep_the_employer(shape: str, form: str) -> None:
    found = read(section(UNTITLED[shape], DATE_FORMS[form]))
    assert spans_match(found, DATE_FORMS[form]), found
    assert _heads(found) == [("", j.org.casefold()) for j in CAREER], found


@pytest.mark.parametrize("form", sorted(DATE_FORMS))
@pytest.mark.parametrize(
    "shape",
    ["title_pipe_org_pipe_dates", "dates_right_after_spaces", "title_line_org_line_dates_line"],
)
def test_position_layouts_every_date_form(shape: str, form: str) -> None:
    found = read(section(SHAPES[shape], DATE_FORMS[form]))
    assert spans_match(found, DATE_FORMS[form]), found
    assert _heads(found) == CAREER_HEADS, found


@pytest.mark.parametrize(
    "present", ["Present", "present", "Current", "Now", "to date", "Today", "Ongoing", "PRESENT"]
)
@pytest.mark.parametrize("shape", ["title_pipe_org_pipe_dates", "dates_first_org_comma_title"])
def test_position_layouts_present_words(shape: str, present: str) -> None:
    form = DateForm(lambda y, m: f"{_EN[m - 1]} {y}", present)
    found = read(section(SHAPES[shape], form))
    assert spans_match(found, form), found


# "" is a PDF that lost its bullet glyphs: the dated sentence must still not be a position.
@pytest.mark.parametrize("bullet", ["•", "-", "▪", "◦", "*", "–", "●", "➢", "■", "o", ""])
def test_position_layouts_bullet_glyphs(bullet: str) -> None:
    form = DATE_FORMS["month_abbrev"]
    found = read(section(SHAPES["dates_right_after_spaces"], form, bullet=bullet))
    assert spans_match(found, form), found
    assert _heads(found) == CAREER_HEADS, found


@pytest.mark.parametrize(
    "heading",
    [
        "Experience",
        "EXPERIENCE",
        "Professional Experience",
        "PROFESSIONAL EXPERIENCE",
        "Work History",
        "WORK HISTORY",
        "Employment",
        "Employment History",
        "Career",
        "Career History",
        "Work Experience:",
        "E X P E R I E N C E",
        "Relevant Experience",
        "Professional Background",
        "— EXPERIENCE —",
        "■ WORK EXPERIENCE",
        "01. Experience",
        "Experience (selected)",
        "Experience & Leadership",
        "Relevant Work History",
        "Research & Industry Experience",
        "Where I've worked",
        "Berufserfahrung",
        "Expérience professionnelle",
        "Experiencia laboral",
        "Esperienza lavorativa",
        "Werkervaring",
        "Experiência profissional",
    ],
)
def test_position_layouts_headings(heading: str) -> None:
    form = DATE_FORMS["month_abbrev"]
    found = read(section(SHAPES["title_pipe_org_pipe_dates"], form, heading=heading))
    assert spans_match(found, form), found


# Dated lines in sections that are no employment, after or before the work history.
NOT_EMPLOYMENT = {
    "projects": "Projects\nChurn Forecaster | Python, LightGBM | 2019 – 2020\n- Side project.\n",
    "personal_projects": (
        "Personal Projects\nRoute Planner, open source, Jan 2017 – Dec 2017\n- Graph search.\n"
    ),
    "education_after": (
        "Education\nBSc Mathematics | University of Corrington | Sep 2010 – Jun 2013\n"
        "- First-class honours.\n"
    ),
    "academic_projects": (
        "Academic Projects\nThesis: Demand forecasting for retail, 2015 – 2016\n- Supervised.\n"
    ),
    "certifications": (
        "Certifications\nAWS Certified Machine Learning – Specialty, 2022 – 2025\n"
        "Google Data Analytics Certificate, 2019\n"
    ),
    "volunteering": (
        "Volunteer Experience\nMentor, Code Club Leeds, 2019 – Present\n- Taught Python.\n"
    ),
    "awards": "Awards\nBest Poster, Corrington Data Day, 2015 – 2016\n",
    "thesis": "Thesis\nForecasting footfall with mixed models | Corrington | 2015 – 2016\n",
    "study_abroad": "Study Abroad\nExchange term, Université de Vellmont, Jan 2015 – Jun 2015\n",
    "relevant_projects": "Relevant Projects\nRecipe Recommender | Flask, pandas | 2017 – 2018\n",
    "seminars": "Seminars\nBayesian Methods Week, Corrington Institute, 2016 – 2017\n",
    "community_service": "Community Service\nCoach, Fernby Youth Football, 2012 – 2015\n",
    "mentoring": "Mentoring\nMentor, Women in Data Leeds, 2020 – Present\n",
    "achievements": "Selected Achievements\nTop reviewer, Corrington Data Day, 2017 – 2018\n",
    "extracurricular": "Extracurricular\nCaptain, Fernby Rowing Club, 2011 – 2013\n",
    "positions_of_responsibility": (
        "Positions of Responsibility\nClass representative, Fernby College, 2012 – 2013\n"
    ),
    "summer_schools": "Summer Schools\nDeep Learning Summer School, Corrington, Jul 2015\n",
    "moocs": "MOOCs\nApplied Machine Learning, online, 2016 – 2017\n",
}


@pytest.mark.parametrize("where", ["after", "before"])
@pytest.mark.parametrize("name", sorted(NOT_EMPLOYMENT))
def test_position_layouts_dated_non_employment_sections(name: str, where: str) -> None:
    form = DATE_FORMS["month_abbrev"]
    work = section(SHAPES["title_pipe_org_pipe_dates"], form)
    other = NOT_EMPLOYMENT[name]
    text = f"{work}\n{other}" if where == "after" else f"{other}\n{work}"
    found = read(text)
    assert spans_match(found, form), found
    assert _heads(found) == CAREER_HEADS, found


def test_position_layouts_roles_under_one_employer_line_are_the_positions() -> None:
    # A promotion history: the employer line carries the whole stint, each role its own dates.
    text = (
        "Experience\nHarlow Analytics, Leeds                Jun 2016 – Present\n"
        "Senior Data Scientist                  Mar 2021 – Present\n- Led the forecasting team.\n"
        "Data Scientist                         Jun 2018 – Feb 2021\n- Built churn models.\n"
        "Data Analyst                           Jun 2016 – May 2018\n- Weekly reporting.\n"
    )
    assert read(text) == [
        ("Senior Data Scientist", "Harlow Analytics", "2021-03", "present"),
        ("Data Scientist", "Harlow Analytics", "2018-06", "2021-02"),
        ("Data Analyst", "Harlow Analytics", "2016-06", "2018-05"),
    ]


def test_position_layouts_one_role_under_its_employer_line_is_one_position() -> None:
    text = "Experience\nHarlow Analytics    2019 – 2023\nData Engineer    2019 – 2023\n- ETL.\n"
    assert [(t, o) for t, o, _, _ in read(text)] == [("Data Engineer", "Harlow Analytics")]


@pytest.mark.parametrize(
    ("sentence", "label"),
    [
        ("We set 2019 as the launch year.", "2019-01 to 2019-12"),
        ("Rolled out 2020 targets.", "2020-01 to 2020-12"),
    ],
)
def test_position_layouts_ambiguous_month_words_alone_stay_words(sentence: str, label: str) -> None:
    # "set" and "out" are months only inside a range ("set 2016 – mag 2018"); alone, the year
    # is a lone year, never September or October.
    assert [f.span.label() for f in find_spans(sentence, AS_OF)] == [label]


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("Harlow Analytics, Leeds", "Harlow Analytics"),
        ("San Diego, CA", ""),
        ("Leeds, Remote", ""),
        ("Kestrel Systems, Berlin", ""),  # an organisation word: split_parts keeps it already
    ],
)
def test_position_layouts_name_before_place(line: str, name: str) -> None:
    assert name_before_place(line) == name


@pytest.mark.parametrize(
    "heading", ["What I Did", "", "Summary\nData scientist in retail and health.\n\nWhat I Did"]
)
def test_position_layouts_work_under_an_unknown_heading_is_still_read(heading: str) -> None:
    # No experience section at all: the jobs ran on in the contact block or the summary.
    form = DATE_FORMS["month_abbrev"]
    body = section(SHAPES["title_pipe_org_pipe_dates"], form).split("\n", 1)[1]
    found = read(f"{heading}\n{body}" if heading else body)
    assert spans_match(found, form), found
    assert _heads(found) == CAREER_HEADS, found


def test_position_layouts_without_a_work_section_only_titled_entries_count() -> None:
    # A student's resume with no work heading: a school and a club are no positions.
    text = (
        "Corrington College, 2014 – 2016\nChess Club, 2013 – 2014\n"
        "Data Analyst | Pinecrest Retail | Sep 2016 – May 2018\n- Weekly reporting.\n"
    )
    assert [(t, o) for t, o, _, _ in read(text)] == [("Data Analyst", "Pinecrest Retail")]


@pytest.mark.parametrize(
    "sidebar", ["Skills\nPython, SQL, Airflow\n", "Languages\nEnglish, German\n"]
)
def test_position_layouts_sidebar_cutting_the_work_history_in_two(sidebar: str) -> None:
    # A two-column PDF read in text order: the sidebar's section lands between two jobs.
    form = DATE_FORMS["month_abbrev"]
    first, *rest = section(SHAPES["title_pipe_org_pipe_dates"], form).split("\n\n")
    found = read(first + "\n" + sidebar + "\n\n".join(rest))
    assert spans_match(found, form), found
    assert _heads(found) == CAREER_HEADS, found


def test_position_layouts_dated_skill_lines_are_no_positions() -> None:
    text = (
        section(SHAPES["title_pipe_org_pipe_dates"], DATE_FORMS["month_abbrev"])
        + "\nSkills\nPython (2014 – present)\nSpark, Airflow, 2018 – 2022\n"
    )
    assert len(read(text)) == len(CAREER)


@pytest.mark.parametrize("form", MAIN_FORMS)
@pytest.mark.parametrize("marker", ["•", "|"])
def test_position_layouts_timeline_marker_splits_the_range(form: str, marker: str) -> None:
    """A timeline sets the start beside a marker and the title ("06/2020 • Data Analyst"), and
    the range's dash and end under it, before the employer ("– now  Harlow Analytics"): one
    range, read over the two lines."""
    date_form = DATE_FORMS[form]
    entries = []
    for job in CAREER:
        end = date_form.point(*job.end) if job.end else date_form.present
        body = "\n".join(f"- {line}" for line in BULLETS)
        entries.append(
            f"{date_form.point(*job.start)} {marker} {job.title}\n– {end}  {job.org}, {job.city}\n"
            f"{body}\n"
        )
    found = read("Work History\n" + "\n".join(entries))
    assert spans_match(found, date_form), found
