"""Date ranges in the forms real resumes use, resolved against a fixed reference date."""

from __future__ import annotations

import datetime as dt

import pytest

from resume_fit.profile.dates import DateSpan, find_spans, merged_months, parse_range

REF = dt.date(2024, 6, 15)

# (text, first month, last month or "present", months)
FORMS = [
    ("Jan 2020 - Present", "2020-01", "present", 54),
    ("January 2020 – Current", "2020-01", "present", 54),
    ("01/2020-03/2022", "2020-01", "2022-03", 27),
    ("2019-21", "2019-07", "2021-06", 24),
    ("2019 - 2021", "2019-07", "2021-06", 24),
    ("Summer 2018", "2018-06", "2018-08", 3),
    ("2020 – now", "2020-07", "present", 48),
    ("Sept. 2017 to Dec. 2019", "2017-09", "2019-12", 28),
    ("2015–present", "2015-07", "present", 108),
    ("Q3 2021", "2021-07", "2021-09", 3),
    ("'19", "2019-01", "2019-12", 12),
    ("03.2020 - 05.2021", "2020-03", "2021-05", 15),
    ("2020/01 - 2021/06", "2020-01", "2021-06", 18),
    ("since 2021", "2021-07", "present", 36),
    ("Since March 2020", "2020-03", "present", 52),
    ("Jan - Mar 2020", "2020-01", "2020-03", 3),
    ("2020-01 – 2021-06", "2020-01", "2021-06", 18),
    ("Fall 2020 - Spring 2021", "2020-09", "2021-05", 9),
    ("Q1 2020 – Q3 2021", "2020-01", "2021-09", 21),
    ("2021 Q3 - 2022 Q1", "2021-07", "2022-03", 9),
    ("March 2020 onwards", "2020-03", "present", 52),
    ("Jun '19 – Aug '20", "2019-06", "2020-08", 15),
    ("1/2020 - 2/2021", "2020-01", "2021-02", 14),
    ("February, 2017 - March, 2019", "2017-02", "2019-03", 26),
    ("From 2015 to 2018", "2015-07", "2018-06", 36),
    ("2015 to date", "2015-07", "present", 108),
    ("JAN 2020 - MAR 2021", "2020-01", "2021-03", 15),
    ("Aug 2020 — Ongoing", "2020-08", "present", 47),
    ("May 2019 - Jun. 2020", "2019-05", "2020-06", 14),
    ("2018 - Present", "2018-07", "present", 72),
    ("Oct 2016 - Current", "2016-10", "present", 93),
    ("12/2019 – Today", "2019-12", "present", 55),
    ("Dec 2019–Jan 2021", "2019-12", "2021-01", 14),
    ("2017 — 2019", "2017-07", "2019-06", 24),
    ("Jul 2021 ~ Present", "2021-07", "present", 36),
    ("Apr. 2018 – Sep. 2018", "2018-04", "2018-09", 6),
    ("Winter 2019", "2019-01", "2019-02", 2),
    ("10.2018 - 03.2019", "2018-10", "2019-03", 6),
    ("2010-11", "2010-07", "2011-06", 12),
    ("September 2015 until June 2017", "2015-09", "2017-06", 22),
    ("Nov 2014 through Feb 2016", "2014-11", "2016-02", 16),
    ("(Mar 2021 – Present)", "2021-03", "present", 40),
    ("June 2022 - June 2022", "2022-06", "2022-06", 1),
    ("2023", "2023-01", "2023-12", 12),
    ("Autumn 2019 – Summer 2020", "2019-09", "2020-08", 12),
    ("06/2023 – Currently", "2023-06", "present", 13),
    ("Feb 2022 - now", "2022-02", "present", 29),
    # issue 11: days, two-digit years after a slash, hyphenated month-year
    ("6/19 – 8/21", "2019-06", "2021-08", 27),
    ("06/19 - Present", "2019-06", "present", 61),
    ("Jun-2019 to Aug-2021", "2019-06", "2021-08", 27),
    ("19/06/2019 – 21/08/2021", "2019-06", "2021-08", 27),
    ("06/19/2019 - 08/31/2021", "2019-06", "2021-08", 27),
    ("2019-06-01 – 2021-08-31", "2019-06", "2021-08", 27),
    ("1 June 2019 – 31 August 2021", "2019-06", "2021-08", 27),
    ("June 1, 2019 – August 31, 2021", "2019-06", "2021-08", 27),
    ("1st of June 2019 - present", "2019-06", "present", 61),
    # issue 11: "present" in the resume's own language
    ("2021.04 – obecnie", "2021-04", "present", 39),
    ("2022.03 ~ 현재", "2022-03", "present", 28),
    ("Ene 2020 – Actual", "2020-01", "present", 54),
    ("2019.07 - 至今", "2019-07", "present", 60),
]


@pytest.mark.parametrize(("text", "first", "last", "months"), FORMS)
def test_dates_parse_range_forms(text, first, last, months):
    span = parse_range(text, REF)
    assert span is not None, text
    assert f"{span.first:%Y-%m}" == first
    assert ("present" if span.present else f"{span.last:%Y-%m}") == last
    assert span.months == months


def test_dates_table_has_forty_forms():
    assert len(FORMS) >= 40


def test_dates_present_follows_reference_date():
    early = parse_range("Jan 2020 - Present", dt.date(2021, 1, 31))
    late = parse_range("Jan 2020 - Present", dt.date(2022, 1, 1))
    assert (early.months, late.months) == (13, 25)


@pytest.mark.parametrize(
    "text",
    [
        "Improved latency by 30% across 12 services",
        "v2.1 of the API",
        "Room 1205",
        "call 555-2019x",
        "rated 4/5 by 120 users",
    ],
)
def test_dates_no_date_in_ordinary_text(text):
    assert find_spans(text, REF) == ()


def test_dates_newest_first_range_is_read_in_order():
    span = parse_range("2021 - 2019", REF)
    assert (f"{span.first:%Y-%m}", f"{span.last:%Y-%m}") == ("2019-07", "2021-06")


def test_dates_one_span_per_range_in_a_line():
    found = find_spans("Data Scientist | Acme | Jan 2020 - Present | London", REF)
    assert len(found) == 1 and found[0].span.present


def _span(first: tuple[int, int], last: tuple[int, int]) -> DateSpan:
    return DateSpan(dt.date(*first, 1), dt.date(*last, 1), False, "")


@pytest.mark.parametrize(
    ("spans", "months"),
    [
        ([((2020, 1), (2020, 12))], 12),
        ([((2020, 1), (2020, 12)), ((2020, 7), (2021, 6))], 18),
        ([((2018, 1), (2018, 6)), ((2019, 1), (2019, 6))], 12),
        ([((2018, 1), (2022, 12)), ((2019, 1), (2019, 6))], 60),
        ([((2020, 1), (2020, 6)), ((2020, 7), (2020, 12))], 12),
        ([], 0),
    ],
)
def test_dates_overlapping_periods_counted_once(spans, months):
    assert merged_months([_span(a, b) for a, b in spans]) == months
