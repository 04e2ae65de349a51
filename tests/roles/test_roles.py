"""The shipped catalogue covers the seed roles; bad files name the file, the role and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from resume_fit.errors import DataFileError
from resume_fit.roles import load_catalogue, read_catalogue, unknown_skills

SEED_ROLES = [
    "ml-engineer",
    "data-scientist-analytics",
    "data-scientist-ml",
    "ml-research-scientist",
    "research-engineer",
    "data-engineer",
    "mlops-engineer",
    "ai-engineer",
    "computer-vision-engineer",
    "nlp-engineer",
    "ai-product-manager",
    "ai-ethicist",
    "ml-platform-engineer",
    "ml-hardware-engineer",
    "ml-solutions-architect",
    "data-analyst",
    "ai-architect",
    "lead-data-scientist",
    "ml-engineering-manager",
    "head-of-ai",
]

SCORING = """
[scoring]
weights = { required = 60, preferred = 40 }
"""
GOOD_ROLE = (
    SCORING
    + """
[[roles]]
id = "r1"
name = "Role one"
family = "engineering"
summary = "Does things."
required = ["python", ["aws", "gcp"]]
"""
)


@pytest.mark.parametrize("role_id", SEED_ROLES)
def test_roles_catalogue_has_every_seed_role(role_id):
    role = load_catalogue()[role_id]
    assert role.required
    assert any(s.startswith("seed:") for s in role.sources)


def test_roles_catalogue_one_of_groups_from_seeds():
    ml = load_catalogue()["ml-engineer"]
    labels = [r.options for r in ml.required]
    assert ("aws", "gcp", "azure") in labels
    assert any({"pytorch", "tensorflow"} <= set(r) for r in labels)


def test_roles_research_scientist_expects_phd():
    role = load_catalogue()["ml-research-scientist"]
    assert role.education.preferred == "phd"
    assert load_catalogue()["research-engineer"].education.preferred == "master"


def test_roles_background_table_from_seed_000():
    catalogue = load_catalogue()
    table = {b.name: b.start_roles for b in catalogue.backgrounds}
    assert table["Software Developer"][:2] == ("ml-engineer", "mlops-engineer")
    assert "ai-product-manager" in table["Product / Business"]
    assert "ai-ethicist" in table["Ethics / Policy"]


def test_roles_ladder_order_and_next_step():
    catalogue = load_catalogue()
    assert [s.level for s in catalogue.ladder] == ["entry", "mid", "senior", "lead"]
    assert catalogue.next_ladder_step("senior").level == "lead"
    assert catalogue.next_ladder_step("lead") is None


def test_roles_weights_normalise_to_positive_totals():
    for role in load_catalogue().values():
        assert sum(role.weights.values()) > 0


def test_roles_skill_ids_exist_in_shipped_lexicon():
    try:
        from resume_fit.lexicon import load_lexicon

        lexicon = load_lexicon()
    except (FileNotFoundError, DataFileError):
        pytest.skip("lexicons/skills.jsonl is not built yet")
    assert unknown_skills(load_catalogue(), lexicon) == {}


@pytest.mark.parametrize(
    ("text", "fragments"),
    [
        (SCORING + "[[roles]]\nid = 'r1'\n", ["bad.toml", "role 'r1'"]),
        ("[[roles]]\nid = 'r1'\n", ["[scoring]", "'weights'", "missing"]),
        (
            GOOD_ROLE.replace('required = ["python", ["aws", "gcp"]]', "required = []"),
            ["role 'r1'", "'required'"],
        ),
        (GOOD_ROLE.replace('["aws", "gcp"]', "[1, 2]"), ["role 'r1'", "'required'"]),
        (GOOD_ROLE + 'education = { minimum = "degree" }\n', ["role 'r1'", "education.minimum"]),
        (GOOD_ROLE + "min_years = -1\n", ["role 'r1'", "'min_years'"]),
        (GOOD_ROLE + "weights = { charm = 5 }\n", ["role 'r1'", "'weights'", "charm"]),
        (GOOD_ROLE + 'next_steps = ["nowhere"]\n', ["role 'r1'", "next_steps", "nowhere"]),
        (GOOD_ROLE + GOOD_ROLE.replace(SCORING, ""), ["'r1'", "defined twice"]),
        ("roles = [", ["bad.toml", "not valid TOML"]),
        (
            GOOD_ROLE.replace("[scoring]", "[scoring]\nancestor_credit = 2"),
            ["[scoring]", "ancestor_credit"],
        ),
        (SCORING, ["bad.toml", "[[roles]]"]),
    ],
)
def test_roles_bad_catalogue_names_file_role_and_field(tmp_path: Path, text, fragments):
    path = tmp_path / "bad.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataFileError) as caught:
        read_catalogue(path)
    message = str(caught.value)
    assert message.startswith(str(path))
    for fragment in fragments:
        assert fragment in message


def test_roles_missing_file_is_data_error(tmp_path: Path):
    with pytest.raises(DataFileError, match="cannot read"):
        read_catalogue(tmp_path / "absent.toml")


def test_roles_good_minimal_catalogue(tmp_path: Path):
    path = tmp_path / "ok.toml"
    path.write_text(GOOD_ROLE, encoding="utf-8")
    catalogue = read_catalogue(path)
    assert catalogue["r1"].required[1].label == "one of aws / gcp"
    assert catalogue["r1"].level == "mid"
