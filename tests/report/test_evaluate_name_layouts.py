"""The layout probe's changes to a resume: invented text, each layout as its docstring says."""

from __future__ import annotations

from types import ModuleType

import pytest

from resume_fit.parse.resume_text import Link, ResumeText
from resume_fit.report.identity import find_identity


@pytest.fixture(scope="module")
def script(load_script) -> ModuleType:
    return load_script("scripts/evaluate_name_layouts.py")


def test_evaluate_name_layouts_changes_only_what_each_layout_names(script):
    resume = ResumeText(
        "/in/Odalys_Brennock_CV.pdf",
        "pdf",
        "Odalys Brennock\nobrennock@example.org | github.com/obrennock\nData Engineer\n",
        links=(Link("mailto:obrennock@example.org"),),
    )
    both = script.LAYOUTS["sidebar+both"](resume)
    assert both.source == "/x/cv.pdf" and both.links == ()
    assert "@" not in both.text and "github.com" not in both.text
    assert both.text.startswith(script.SIDEBAR) and "Odalys Brennock" in both.text
    # The name is still read below the side column, with no clue left.
    identity = find_identity(both)
    assert {"odalys", "brennock"} <= identity.name_tokens | identity.capitalised_tokens
