"""The usage filter's acronym expansions at the edges of their reach (a quick test looks for the
opening bracket before the full one runs: both must agree)."""

from __future__ import annotations

import pytest

from resume_fit.extract import extract_skills, load_pipeline


def _found(make_resume, section: str, text: str) -> set[str]:
    return {m.id for m in extract_skills(make_resume((section, text)), load_pipeline())}


@pytest.mark.parametrize(
    ("text", "skill_id", "expected"),
    [
        # The expansion's words, the match last among them: five words after the bracket.
        ("SAS (Statistical Analysis System), SPSS", "statistical-analysis", False),
        ("SAS (Base Statistical Analysis System), SPSS", "statistical-analysis", True),
        # No acronym before the bracket (it opens the text): nothing spelled out.
        ("(Statistical analysis, regression), SPSS", "statistical-analysis", True),
        # A bracket that opens no expansion of the acronym before it.
        ("Python (statistical analysis), SPSS", "statistical-analysis", True),
    ],
)
def test_usage_expansion_at_the_edges_of_its_reach(make_resume, text, skill_id, expected) -> None:
    assert (skill_id in _found(make_resume, "skills", text)) is expected
