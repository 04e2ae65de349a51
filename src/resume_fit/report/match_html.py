"""The match report as one self-contained HTML page: what a job seeker or a coach shares.

The same content as the Markdown match report (the score and why, the score drawn as an inline SVG
bar stacked by component, the breakdown table, every requirement with its status and the resume's
evidence, the unrecognised requirements, the tailoring advice, warnings). Like the gap report's page
(``report.html``) it references nothing outside itself, reads the same without JavaScript, escapes
every text, and gives the same bytes for the same report.
"""

from __future__ import annotations

from resume_fit.report.charts import stacked_bars
from resume_fit.report.html import template_environment
from resume_fit.report.match import MatchReport
from resume_fit.report.match_render import (
    ADVICE_TITLES,
    advice_line,
    posting_line,
    requirement_view,
)

__all__ = ["render_match_html"]


def render_match_html(report: MatchReport) -> str:
    """Render the match report as one self-contained HTML page, ending with a newline."""
    fit = report.fit
    chart = stacked_bars(
        [("Match", [(c.name, c.contribution) for c in fit.components])],
        title="Match score, stacked by score component (points out of 100)",
    )
    groups = [
        (kind, [requirement_view(report, m) for m in matches])
        for kind, matches in (("Required", fit.required), ("Preferred", fit.preferred))
        if matches
    ]
    advice = [
        (heading, [advice_line(report, a) for a in fit.advice if a.kind == kind])
        for kind, heading in ADVICE_TITLES.items()
    ]
    page = template_environment().get_template("match.html.j2")
    return page.render(
        report=report,
        title=report.posting.title or report.posting.source,
        posting=posting_line(report),
        chart=chart,
        groups=groups,
        advice=[(heading, lines) for heading, lines in advice if lines],
    )
