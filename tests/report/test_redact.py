"""Redaction: personal data leaves every rendering; skills, scores and explanations stay put."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from resume_fit.report.html import render_html
from resume_fit.report.json import render_json
from resume_fit.report.markdown import render_markdown
from resume_fit.report.redact import (
    Identity,
    find_identity,
    parse_rules,
    pseudonym,
    redact_dataclass,
    redact_report,
    redact_text,
)

# An invented person: every identifier below is made up.
PERSONAL_RESUME = """Priya Ramaswamy-Okafor
Senior ML Engineer | priya.okafor@example.org | +44 20 7946 0958 | linkedin.com/in/priya-okafor
14 Harbour Street, Bristol BS1 5TY | github.com/pokafor42 | she/her
Date of birth: 04.07.1991 | Nationality: Kenyan | Marital status: married | Religion: none

Experience
Machine Learning Engineer | Orbit Labs | Mar 2021 - Present
- Trained PyTorch models in Python; Priya served them on AWS (call 0117 496 0000)
- Wrote SQL for feature pipelines with Okafor's team

Software Developer, Nimbus Inc.
2018 - 2021
- Python services; some Docker. Contact priya.okafor@example.org

Education
BSc in Computer Science, University of Leeds, 2018

Skills
Python, SQL, Docker, Kubernetes, Excel
"""
SOURCE = "inbox/Priya_Okafor_CV.txt"
NAME_TOKENS = ("priya", "ramaswamy", "okafor", "pokafor42")
VOCABULARY = frozenset(
    {"senior", "ml", "engineer", "machine", "learning", "python", "sql", "docker", "experience"}
)


@pytest.fixture(scope="module")
def personal(toy_analyse):
    resume, report = toy_analyse(PERSONAL_RESUME, SOURCE)
    identity = find_identity(resume, pseudonym("ab" * 32), vocabulary=VOCABULARY)
    return report, redact_report(report, identity), identity


def _leaks(text: str) -> list[str]:
    folded = text.casefold()
    found = [t for t in NAME_TOKENS if re.search(rf"(?<![a-z]){t}(?![a-z])", folded)]
    found += re.findall(r"[\w.+-]+@[\w-]+\.\w+", text)
    found += [p for p in ("7946", "0958", "496 0000") if p in text]
    found += [w for w in ("Harbour Street", "BS1 5TY", "04.07.1991", "Kenyan", "she/her")
              if w in text]  # fmt: skip
    found += [w for w in ("married", "Religion") if w in text]
    return found


def test_redact_identity_read_from_the_document(personal):
    _, _, identity = personal
    assert {"priya", "ramaswamy", "okafor"} <= identity.name_tokens
    literals = dict(identity.literals)
    assert literals["priya.okafor@example.org"] == "email"
    assert literals["pokafor42"] == "handle"
    assert identity.pseudonym == "cand-abababababab"


@pytest.mark.parametrize("render", [render_markdown, render_json, render_html])
def test_redact_every_rendering_is_free_of_personal_data(personal, render):
    plain, redacted, _ = personal
    assert _leaks(render(plain)), "the fixture must leak before redaction"
    text = render(redacted)
    assert _leaks(text) == []
    assert SOURCE not in text and "cand-abababababab" in text


def test_redact_keeps_skills_scores_and_explanations(personal):
    plain, redacted, _ = personal
    assert redacted.skills == plain.skills
    assert redacted.names == plain.names
    assert redacted.plan == plain.plan
    assert [(f.id, f.score, f.why, f.requirements) for f in redacted.roles] == [
        (f.id, f.score, f.why, f.requirements) for f in plain.roles
    ]
    assert [f.components for f in redacted.roles] == [f.components for f in plain.roles]
    assert redacted.profile.total_years == plain.profile.total_years
    assert redacted.profile.education.highest == plain.profile.education.highest


def test_redact_snippets_keep_skill_words_and_mask_the_rest(personal):
    plain, redacted, _ = personal
    before = dict(plain.contexts)["python"]
    after = dict(redacted.contexts)["python"]
    assert any("Priya" in s for s in before)
    for skill in redacted.skills:
        for evidence, snippet in zip(skill.evidence, redacted.context(skill.id), strict=True):
            assert evidence.text in snippet
    assert any("[name] served them on AWS" in s for s in after)
    assert not any("Priya" in s or "0117" in s for s in after)


def test_redact_unchanged_report_without_personal_data(toy_report):
    identity = Identity(pseudonym="cand-000000000000", name_tokens=frozenset({"zanzibarova"}))
    redacted = redact_report(toy_report, identity)
    assert dataclasses.replace(redacted, source=toy_report.source) == toy_report


def test_redact_is_a_pure_transform(personal):
    plain, redacted, identity = personal
    again = redact_report(plain, identity)
    assert again == redacted
    assert render_json(again) == render_json(redacted)
    assert redact_report(redacted, identity) == redacted


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Worked 2019 - 2021 and 2021-2023 on 40 ms latency", True),
        ("Published at NeurIPS 2019, 12 pages", True),
        ("Mentored 3 juniors; aged care sector", True),
        ("Built an ASP.NET and Node.js service", True),
        ("Won a national award for international students", True),
        ("Lap times 12 34 56 78 90 in five heats", True),
    ],
)
def test_redact_text_leaves_ordinary_text_alone(text, kept):
    identity = Identity(pseudonym="cand-x")
    assert (redact_text(text, identity) == text) is kept


@pytest.mark.parametrize(
    ("text", "placeholder"),
    [
        ("reach me at jo.bloggs@example.com today", "[email]"),
        ("jbloggs at example dot com", "[email]"),
        ("tel (555) 123-4567", "[phone]"),
        ("+49 (0) 30 1234567", "[phone]"),
        ("mobile +33 6 12 34 56 78", "[phone]"),
        ("tél. 06 12 34 56 78", "[phone]"),
        ("call 0032 4 12 34 56 78", "[phone]"),
        ("see https://jobloggs.dev/cv", "[link]"),
        ("portfolio: jobloggs.github.io/work", "[link]"),
        ("follow @jobloggs", "[handle]"),
        ("Age: 34", "[personal detail]"),
        ("34 years old", "[personal detail]"),
        ("Gender: female", "[personal detail]"),
        ("US citizen", "[personal detail]"),
        ("221B Baker Street", "[address]"),
        ("ORCID 0000-0002-1825-0097", "[id]"),
    ],
)
def test_redact_text_masks_personal_data(text, placeholder):
    assert placeholder in redact_text(text, Identity(pseudonym="cand-x"))


def test_redact_names_in_any_case_and_glued_together():
    identity = Identity(
        pseudonym="cand-x",
        name_tokens=frozenset({"jo", "bloggs"}),
        capitalised_tokens=frozenset({"will"}),
    )
    text = "JO BLOGGS (JoBloggs) said Will will ship it"
    assert redact_text(text, identity) == "[name] ([name]) said [name] will ship it"


def test_redact_name_found_from_email_when_first_line_is_a_title(toy_analyse):
    text = "Data Engineer\nKwame Mensah-Boateng | kwame.boateng@example.net\n\nSkills\nPython\n"
    resume, _ = toy_analyse(text, "resume.txt")
    identity = find_identity(resume, vocabulary=VOCABULARY | {"data"})
    assert {"kwame", "mensah", "boateng"} <= identity.name_tokens | identity.capitalised_tokens
    assert "engineer" not in identity.name_tokens


def test_redact_file_name_tokens_only_when_corroborated(toy_analyse):
    text = "Lin Zhao\nAccount Manager\n\nSkills\nExcel\n"
    resume, _ = toy_analyse(text, "account_manager_resume.txt")
    identity = find_identity(resume, vocabulary=VOCABULARY)
    assert identity.name_tokens == {"lin", "zhao"}


def test_redact_dataclass_generic_keeps_named_fields():
    @dataclasses.dataclass(frozen=True)
    class Row:
        id: str
        note: str
        tags: tuple[str, ...]

    identity = Identity(pseudonym="cand-x", name_tokens=frozenset({"bloggs"}))
    row = Row("bloggs", "Bloggs called", ("met Bloggs",))
    assert redact_dataclass(row, identity, keep=frozenset({"id"})) == Row(
        "bloggs", "[name] called", ("met [name]",)
    )


def test_redact_rules_shipped_file_loads_and_bad_pattern_is_named():
    from resume_fit.config import lexicon_files
    from resume_fit.errors import DataFileError

    text = (lexicon_files() / "redaction.toml").read_text(encoding="utf-8")
    rules = parse_rules(text)
    assert "date of birth" in rules.labels and rules.placeholders["name"] == "[name]"
    broken = text.replace(
        "regex = '\\b\\d{1,2}\\s*(?:years?", "regex = '(\\b\\d{1,2}\\s*(?:years?", 1
    )
    with pytest.raises(DataFileError, match="redaction.toml.*invalid"):
        parse_rules(broken, "redaction.toml")


def test_redact_json_stays_valid_and_keeps_offsets(personal):
    plain, redacted, _ = personal
    before, after = json.loads(render_json(plain)), json.loads(render_json(redacted))
    assert [s["evidence"] for s in before["skills"]] != [s["evidence"] for s in after["skills"]]
    for old, new in zip(before["skills"], after["skills"], strict=True):
        assert [(e["text"], e["start"], e["end"]) for e in old["evidence"]] == [
            (e["text"], e["start"], e["end"]) for e in new["evidence"]
        ]


def test_redact_api_analyze_text_end_to_end():
    from resume_fit.api import analyze_text

    plain = analyze_text(PERSONAL_RESUME, SOURCE)
    blind = analyze_text(PERSONAL_RESUME, SOURCE, redact=True)
    assert blind.source.startswith("cand-") and blind.skills == plain.skills
    assert [(f.id, f.score) for f in blind.roles] == [(f.id, f.score) for f in plain.roles]
    for render in (render_markdown, render_json, render_html):
        assert _leaks(render(blind)) == []
