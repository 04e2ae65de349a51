"""Layout whitespace inside multi-word names: line breaks, runs of spaces, tabs (issue 10,
class 1)."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline

# (text inside an experience section, skill id, the evidence text as written).
CASES = [
    ("Trained Machine\nLearning models for churn.", "machine-learning", "Machine\nLearning"),
    ("Owned the Computer\nVision stack at a robotics lab.", "computer-vision", "Computer\nVision"),
    (
        "Kernel methods: Support\nVector Machine baselines.",
        "support-vector-machines",
        "Support\nVector Machine",
    ),
    ("Monthly reports in Microsoft  Excel for finance.", "excel", "Microsoft  Excel"),
    (
        "Baselines with Support\tVector Machine classifiers.",
        "support-vector-machines",
        "Support\tVector Machine",
    ),
    ("Deep   Learning for ranking.", "deep-learning", "Deep   Learning"),
]


@pytest.mark.parametrize(("text", "skill_id", "written"), CASES)
def test_layout_whitespace_inside_a_name_still_matches(make_resume, text, skill_id, written):
    resume = make_resume(("experience", text))
    found = {m.id: m for m in extract_skills(resume, load_pipeline())}
    assert skill_id in found, sorted(found)
    evidence = found[skill_id].evidence[0]
    # The offsets point at the exact characters of the document, whitespace and all.
    assert evidence.text == written
    assert resume.text[evidence.start : evidence.end] == written


def test_layout_whitespace_fragment_does_not_match_something_else(make_resume):
    resume = make_resume(
        ("experience", "Shipped Natural Language\nProcessing for support tickets.")
    )
    found = {m.id for m in extract_skills(resume, load_pipeline())}
    assert "natural-language-processing" in found
    assert "processing" not in found


def test_layout_whitespace_blank_line_ends_a_name(make_resume):
    resume = make_resume(("experience", "Led the Machine\n\nLearning and development budget."))
    found = {m.id for m in extract_skills(resume, load_pipeline())}
    assert "machine-learning" not in found


@pytest.mark.parametrize(
    "text", ["Python\nPandas\nSQL", "- Python\n- Pandas", "• Machine\nLearning"]
)
def test_layout_whitespace_one_item_a_line_is_a_list(make_resume, text):
    # A word alone on its line (after a bullet, maybe) ends there: "Python" then "Pandas".
    found = {m.id for m in extract_skills(make_resume(("skills", text)), load_pipeline())}
    assert "machine-learning" not in found
    if "Python" in text:
        assert {"python", "pandas"} <= found
