"""The case-blind substring shortcut the profile stage uses to skip searches that cannot match."""

from __future__ import annotations

import re

import pytest

from resume_fit.profile.cues import folded, may_occur


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Led a TEAM of 6 at Acme", "led a team of 6 at acme"),
        ("Straße – München", "straße – münchen"),
        ("Hired 3 engineers (\u212aelvin Labs)", None),
        ("\u0130stanbul, 2019 \u2013 present", None),
        ("Data \u017fcientist", None),
    ],
)
def test_cues_folded(text, expected):
    assert folded(text) == expected


@pytest.mark.parametrize(
    ("phrase", "text", "found"),
    [
        ("team of", "Managed a TEAM OF 6", True),
        # Characters re.IGNORECASE equates with ASCII letters: the shortcut must not hide them.
        ("hired", "H\u0130RED two analysts", True),
        ("since", "\u017fince 2019", True),
        ("kpi", "\u212aPI dashboards", True),
        ("direct reports", "no management here", False),
        ("m\u00fcnchen", "M\u00dcNCHEN office", True),
    ],
)
def test_cues_may_occur_never_hides_a_match(phrase, text, found):
    assert (re.search(re.escape(phrase), text, re.IGNORECASE) is not None) == found
    if found:
        assert may_occur(phrase, folded(text))


def test_cues_may_occur_rules_out_absent_words():
    assert not may_occur("headcount", folded("Built dashboards in Tableau"))
    assert may_occur("Headcount", folded("owned HEADCOUNT planning"))
