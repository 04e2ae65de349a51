"""The HTML report: well-formed, self-contained, escaped, deterministic, and the same content."""

from __future__ import annotations

import dataclasses
import re

import pytest

from resume_fit.errors import ResumeFitError
from resume_fit.report.charts import bars, histogram, stacked_bars
from resume_fit.report.html import render_html


def test_html_report_well_formed_and_self_contained(toy_report, html_problems):
    page = render_html(toy_report)
    assert html_problems(page) == []
    assert "<svg" in page and "<script" not in page and "<img" not in page


def test_html_report_sections_and_numbers(toy_report):
    page = render_html(toy_report)
    for heading in (
        "Roles ranked by fit",
        "Top roles",
        "Score breakdown",
        "Learning plan",
        "Profile",
        "Skills found",
        "Warnings",
    ):
        assert heading in page
    best = toy_report.roles[0]
    assert f"{best.name} — {best.score:.1f}/100" in page
    assert page.count("<article>") == 3
    assert "<mark>PyTorch</mark>" in page
    # The chart has one bar segment per component with points, titled with the role and part.
    for c in best.components:
        if c.contribution > 0:
            assert f"{best.name}: {c.name} " in page


def test_html_report_one_role_and_unknown_role(toy_report):
    page = render_html(toy_report, role="toy-analyst")
    assert page.count("<article>") == 1 and "Toy Data Analyst —" in page
    with pytest.raises(ResumeFitError, match="unknown role"):
        render_html(toy_report, role="astronaut")


def test_html_report_escapes_document_text(toy_report, html_problems):
    hostile = '<script>alert("x")</script> & <img src="https://evil.example/p.png">'
    position = dataclasses.replace(toy_report.profile.positions[0], title=hostile)
    profile = dataclasses.replace(
        toy_report.profile, positions=(position, *toy_report.profile.positions[1:])
    )
    report = dataclasses.replace(toy_report, profile=profile, source=hostile, warnings=(hostile,))
    page = render_html(report)
    assert "<script>" not in page and '<img src="https' not in page
    assert "&lt;script&gt;" in page
    assert html_problems(page) == []


def test_html_report_deterministic(toy_report):
    assert render_html(toy_report) == render_html(toy_report)


def test_html_charts_escape_labels_and_scale():
    svg = stacked_bars([("A <b>", [("x", 30.0), ("y", 20.0)])], maximum=100)
    assert "A &lt;b&gt;" in svg and "<b>" not in svg
    widths = [float(w) for w in re.findall(r'<rect x="[\d.]+" y="0" width="([\d.]+)"', svg)]
    assert widths[0] == pytest.approx(1.5 * widths[1])
    assert "50" in svg  # the total beside the bar
    chart = bars([("one", 2.0), ("two", 1.0)], title="t")
    assert chart.count("<rect") == 2
    hist = histogram([0, 5, 10, 99.9, 100, 100], "h")
    counts = re.findall(r"<title>([\d.]+-[\d.]+): (\d+)</title>", hist)
    assert (
        counts[0] == ("0-10", "2") and counts[1] == ("10-20", "1") and counts[-1] == ("90-100", "3")
    )


def test_html_report_other_skills_listed_escaped_and_well_formed(toy_report, html_problems):
    from resume_fit.extract.listed import ListedItem
    from resume_fit.extract.mention import Evidence

    hostile = "Quill<b>metric</b> & Co"
    item = ListedItem(hostile, (Evidence("skills", hostile, 10, 10 + len(hostile), "listed", 0.5),))
    page = render_html(dataclasses.replace(toy_report, other_skills=(item,)))
    assert "Other skills listed" in page and "Quill&lt;b&gt;metric&lt;/b&gt; &amp; Co" in page
    assert html_problems(page) == []
    assert "Other skills listed" not in render_html(toy_report)
