"""The batch summary as one self-contained HTML page, for a hiring panel.

The same content as the Markdown summary (counts, the best candidates per job posting of
``batch --job`` with how many files meet each requirement, the shortlist per role with what even
those candidates lack, the most common missing skills, failed and skipped files) plus two inline
SVG charts: how many files fit each role best, and the distribution of their best scores. Every
number in a chart is also in a table. Nothing outside the page is referenced; every text is
escaped.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any

from resume_fit.batch.record import STATUS_OK, Record
from resume_fit.batch.summary import DEFAULT_TOP, common_gaps, posting_shortlists, shortlists
from resume_fit.report.charts import bars, histogram
from resume_fit.report.html import template_environment

HISTOGRAM_BINS = 10


def render_summary_html(
    records: Iterable[Record],
    skipped: Sequence[tuple[str, str]] = (),
    *,
    top: int | None = None,
    role: str | None = None,
    jobs: Sequence[str] = (),
    postings: Sequence[Any] = (),
) -> str:
    """Render the batch summary as HTML (arguments as for ``render_summary``).

    Returns:
        The page, ending in a newline; deterministic (no timestamps, every list sorted).
    """
    records = sorted(records, key=lambda r: r["path"])
    scored = [r for r in records if r.get("status") == STATUS_OK]
    failed = [r for r in records if r.get("status") != STATUS_OK]
    names: dict[str, str] = {}
    for record in scored:
        names.update(record.get("role_names", {}))
    best = Counter(r.get("top_role", "") for r in scored if r.get("top_role"))
    distribution = sorted(best.items(), key=lambda item: (-item[1], names.get(item[0], item[0])))
    top_scores = [float(r["top_score"]) for r in scored if r.get("top_score") is not None]
    span = 100 / HISTOGRAM_BINS
    bins = [
        (f"{i * span:g}-{(i + 1) * span:g}", sum(1 for s in top_scores if _bin(s) == i))
        for i in range(HISTOGRAM_BINS)
    ]
    page = template_environment().get_template("summary.html.j2")
    return page.render(
        scored=scored,
        failed=failed,
        skipped=sorted(skipped),
        distribution=[(names.get(r, r), r, n) for r, n in distribution],
        distribution_chart=bars(
            [(names.get(r, r), float(n)) for r, n in distribution],
            title="Files by best-fitting role",
        ),
        bins=bins,
        histogram_chart=histogram(top_scores, "Best score per file", bins=HISTOGRAM_BINS),
        postings=posting_shortlists(scored, jobs, postings, DEFAULT_TOP if top is None else top),
        shortlists=shortlists(scored, DEFAULT_TOP if top is None else top, role),
        gaps=common_gaps(scored, role),
        role=role,
    )


def _bin(score: float) -> int:
    return min(int(max(score, 0.0) / (100 / HISTOGRAM_BINS)), HISTOGRAM_BINS - 1)
