"""Gates in the catalogue: rungs and specialisms name real base roles, never in a loop."""

from __future__ import annotations

import pytest

from resume_fit.errors import DataFileError
from resume_fit.roles import load_catalogue, read_catalogue

HEAD = """
[scoring]
weights = { required = 60, preferred = 40 }
rung_discount = 0.3

[[roles]]
id = "base"
name = "Base"
family = "engineering"
summary = "Does things."
required = ["python"]
"""


def _role(role_id: str, gate: str) -> str:
    return f"""
[[roles]]
id = "{role_id}"
name = "{role_id}"
family = "leadership"
summary = "Leads things."
required = ["python"]
gate = {gate}
"""


def test_role_gates_shipped_rungs_and_specialisms():
    catalogue = load_catalogue()
    kinds = {r.id: r.gate.kind for r in catalogue.values() if r.gate is not None}
    for rung in ("lead-data-scientist", "ml-engineering-manager", "head-of-ai", "ai-architect"):
        assert kinds[rung] == "rung"
    for focus in ("computer-vision-engineer", "nlp-engineer", "ml-research-scientist"):
        assert kinds[focus] == "focus"
    assert catalogue["lead-data-scientist"].gate.base[0] == "data-scientist-ml"
    # Vision, language and research need the specialism on a share of the work lines.
    for focus in ("computer-vision-engineer", "nlp-engineer", "ml-research-scientist"):
        assert 0 < catalogue[focus].gate.min_spread <= 0.5


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        (_role("lead", '{ kind = "rung", base = ["nobody"] }'), r"gate\.base.*unknown role"),
        (_role("lead", '{ kind = "ladder", base = ["base"] }'), r"gate\.kind"),
        (_role("lead", '{ kind = "focus", base = ["base"] }'), r"must name skills"),
        (_role("lead", '{ kind = "rung", base = ["base"], scope = "vibes" }'), r"gate\.scope"),
        (
            _role(
                "nlp", '{ kind = "focus", base = ["base"], skills = ["python"], min_spread = 2 }'
            ),
            r"gate\.min_spread",
        ),
        (
            _role("a", '{ kind = "rung", base = ["b"] }')
            + _role("b", '{ kind = "rung", base = ["a"] }'),
            r"leads back",
        ),
    ],
)
def test_role_gates_bad_gate_names_role_and_field(tmp_path, extra, message):
    path = tmp_path / "roles.toml"
    path.write_text(HEAD + extra, encoding="utf-8")
    with pytest.raises(DataFileError, match=message):
        read_catalogue(path)


def test_role_gates_focus_roles_know_their_base_roles_titles():
    # Derived when the catalogue is read: the base roles' titles that do not hold the
    # specialism's own ("research scientist" is the research role's, "data scientist" its base's).
    catalogue = load_catalogue()
    research = catalogue["ml-research-scientist"].gate
    assert research is not None
    assert "data scientist" in research.base_titles
    assert "machine learning engineer" in research.base_titles
    assert not any("research" in title for title in research.base_titles)
    vision = catalogue["computer-vision-engineer"].gate
    assert vision is not None and "ml engineer" in vision.base_titles
    assert catalogue["lead-data-scientist"].gate.base_titles == ()
