"""Rendering: required JSON keys, Markdown sections, determinism and golden files."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from resume_fit.errors import ResumeFitError
from resume_fit.report.json import render_json, report_to_dict
from resume_fit.report.markdown import render_markdown

GOLDEN = Path(__file__).parents[1] / "data" / "golden"
AS_OF = dt.date(2026, 6, 30)


def test_report_json_required_keys(toy_report):
    data = json.loads(render_json(toy_report))
    assert {"source", "skills", "roles", "warnings", "profile", "quality", "plan"} <= set(data)
    assert data["source"] == "toy.txt"
    skill = data["skills"][0]
    assert {"id", "name", "category", "evidence", "usage"} <= set(skill)
    assert {"section", "text", "start", "end", "method", "confidence"} <= set(skill["evidence"][0])
    role = data["roles"][0]
    assert {"id", "name", "score", "matched", "missing", "components"} <= set(role)
    scores = [r["score"] for r in data["roles"]]
    assert scores == sorted(scores, reverse=True)
    assert all(isinstance(w, str) for w in data["warnings"])
    assert data["reference_date"] == "2024-06-01"


def test_report_json_evidence_offsets_point_at_text(toy_report, toy_text):
    for skill in report_to_dict(toy_report)["skills"]:
        for evidence in skill["evidence"]:
            assert toy_text[evidence["start"] : evidence["end"]] == evidence["text"]


def test_report_components_recompute_score(toy_report):
    for role in report_to_dict(toy_report)["roles"]:
        total = sum(c["contribution"] for c in role["components"])
        assert round(total, 1) == role["score"]


def test_report_never_shows_absent_skill_as_present(toy_report):
    found = {s.id for s in toy_report.skills}
    for fit in toy_report.roles:
        assert set(fit.matched) <= found
        assert not set(fit.missing) & found


def test_report_markdown_sections(toy_report):
    text = render_markdown(toy_report)
    for heading in (
        "# Resume fit: toy.txt",
        "## Roles ranked by fit",
        "## Top roles",
        "**Matched skills**",
        "**Missing required:**",
        "**Missing preferred:**",
        "**Score breakdown**",
        "## Learning plan",
        "## Profile",
        "## Skills found",
        "## Warnings",
    ):
        assert heading in text
    assert "dates resolved against 2024-06-01" in text
    assert "would raise" in text


def test_report_markdown_top_and_role(toy_report):
    one = render_markdown(toy_report, top=1)
    assert one.count("**Score breakdown**") == 1
    chosen = render_markdown(toy_report, role="toy-analyst")
    assert "Toy Data Analyst —" in chosen
    assert chosen.count("**Score breakdown**") == 1


def test_report_markdown_unknown_role(toy_report):
    with pytest.raises(ResumeFitError, match="unknown role 'nope'"):
        render_markdown(toy_report, role="nope")


def test_report_rendering_is_deterministic(toy_report):
    assert render_json(toy_report) == render_json(toy_report)
    assert render_markdown(toy_report) == render_markdown(toy_report)


def _check_golden(name: str, text: str, update: bool) -> None:
    path = GOLDEN / name
    if update or not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        if not update:
            pytest.skip(f"wrote missing golden file {path.name}; rerun to compare")
    assert text == path.read_text(encoding="utf-8"), f"{name} changed; --update-golden if intended"


def test_report_golden_toy(toy_report, update_golden):
    _check_golden("toy_report.md", render_markdown(toy_report), update_golden)
    _check_golden("toy_report.json", render_json(toy_report), update_golden)


@pytest.mark.parametrize("sample", ["ml_engineer.pdf", "data_analyst.docx", "nontech_chef.txt"])
def test_report_golden_samples(samples_dir, sample, update_golden):
    import resume_fit

    path = samples_dir / sample
    if not path.exists():
        pytest.skip(f"{sample} is not in samples/")
    try:
        report = resume_fit.analyze(path, reference_date=AS_OF)
    except (ImportError, FileNotFoundError, ResumeFitError) as error:
        pytest.skip(f"pipeline not ready: {error}")
    stem = Path(sample).stem
    golden_json = GOLDEN / f"{stem}.json"
    if golden_json.exists() and not update_golden:
        recorded = json.loads(golden_json.read_text(encoding="utf-8"))["versions"]
        current = {"lexicon": report.lexicon_version, "catalogue": report.catalogue_version}
        assert recorded == current, (
            f"{stem}: golden files were written with lexicon/catalogue {recorded}, now {current}; "
            "review the change and rerun with --update-golden"
        )
    # The source is the path as given; golden files store it relative to the samples folder.
    _check_golden(
        f"{stem}.md", render_markdown(report).replace(str(samples_dir) + "/", ""), update_golden
    )
    _check_golden(
        f"{stem}.json", render_json(report).replace(str(samples_dir) + "/", ""), update_golden
    )


def test_report_evidence_context_surrounds_the_words(toy_report):
    for skill in report_to_dict(toy_report)["skills"]:
        for evidence in skill["evidence"]:
            assert evidence["text"] in evidence["context"]
            assert "\n" not in evidence["context"]


def test_report_markdown_bolds_evidence_in_context(toy_report):
    text = render_markdown(toy_report, top=1)
    assert 'experience: "- Trained **PyTorch** models in Python' in text


def test_weak_fit_headline_names_no_closest_role_when_every_role_scores_zero(toy_report):
    import dataclasses

    from resume_fit.report.html import render_html

    best = toy_report.roles[0]
    zeroed = dataclasses.replace(
        toy_report,
        roles=tuple(dataclasses.replace(r, score=0.0) for r in toy_report.roles),
        weak_fit=True,
    )
    markdown = render_markdown(zeroed)
    assert "No role fits (every role scores 0/100)" in markdown
    assert f"closest: {best.name}" not in markdown
    assert "every role scores 0/100" in render_html(zeroed)
    low = dataclasses.replace(
        toy_report,
        roles=(dataclasses.replace(best, score=12.5), *toy_report.roles[1:]),
        weak_fit=True,
    )
    assert f"No role fits well (closest: {best.name}, 12.5/100)" in render_markdown(low)
