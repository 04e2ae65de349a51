"""The resume_fit_skills spaCy component: registration, matching, spans, serialisation."""

from __future__ import annotations

import json

import pytest
import spacy

from resume_fit.errors import DataFileError
from resume_fit.extract.component import SkillMatcher
from resume_fit.extract.pipeline import build_pipeline
from resume_fit.extract.serialise import guess_tokens


def _skills(nlp, text: str) -> list[tuple[str, str]]:
    doc = nlp(text)
    return [(span.text, span.id_) for span in doc.spans["skills"]]


def test_component_registers_as_spacy_factory(toy_lexicon_path) -> None:
    nlp = spacy.blank("en")
    matcher = nlp.add_pipe("resume_fit_skills", config={"lexicon_path": str(toy_lexicon_path)})
    assert isinstance(matcher, SkillMatcher)
    assert nlp.pipe_names == ["resume_fit_skills"]
    assert _skills(nlp, "Shipped models in PyTorch and scikit-learn.") == [
        ("PyTorch", "pytorch"),
        ("scikit-learn", "scikit-learn"),
    ]


def test_component_without_lexicon_raises_naming_the_component() -> None:
    nlp = spacy.blank("en")
    nlp.add_pipe("resume_fit_skills")
    with pytest.raises(DataFileError, match="resume_fit_skills"):
        nlp("Python")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Used sklearn daily", [("sklearn", "scikit-learn")]),
        ("Ran workloads on k8s", [("k8s", "kubernetes")]),
        ("Deployed on Amazon Web Services", [("Amazon Web Services", "aws")]),
        ("Ran AB testing on pricing", [("AB testing", "a-b-testing")]),
        ("Ran A/B testing on pricing", [("A/B testing", "a-b-testing")]),
        ("Ran split testing on pricing", [("split testing", "a-b-testing")]),
        (
            "Built LLMs and LLM tooling",
            [("LLMs", "large-language-models"), ("LLM", "large-language-models")],
        ),
        ("Set up CI/CD with GitHub", [("CI/CD", "ci-cd")]),
    ],
)
def test_component_resolves_aliases_to_canonical_id(toy_nlp, text, expected) -> None:
    assert _skills(toy_nlp, text) == expected


@pytest.mark.parametrize(
    "text", ["PYTHON and PANDAS", "python and pandas", "Python and Pandas", "pYtHoN and pandas"]
)
def test_component_matches_case_insensitively(toy_nlp, text) -> None:
    assert [skill for _, skill in _skills(toy_nlp, text)] == ["python", "pandas"]


@pytest.mark.parametrize(
    ("text", "skill"),
    [
        ("Python 3.10 and pandas", "python"),
        ("Built with TensorFlow 2.x", "tensorflow"),
        ("Backend in Java 8 with Spring Boot", "java"),
        ("Wrote Python3 scripts", "python"),
        ("Maintained Java8 services on the JVM", "java"),
    ],
)
def test_component_strips_versions(toy_nlp, text, skill) -> None:
    doc = toy_nlp(text)
    span = next(s for s in doc.spans["skills"] if s.id_ == skill)
    assert span.text.rstrip("0123456789") in {"Python", "TensorFlow", "Java"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("C++/Java services", ["cpp", "java"]),
        ("Languages: C#/.NET, Node.js", ["csharp", "dotnet", "node-js"]),
        ("Skills: Python, SQL and R.", ["python", "sql", "r"]),
        ("PyTorch/TensorFlow", ["pytorch", "tensorflow"]),
        ("**Languages:** Python, SQL", ["python", "sql"]),  # no ":*" emoticon token
    ],
)
def test_component_tokenises_technology_punctuation(toy_nlp, text, expected) -> None:
    assert [skill for _, skill in _skills(toy_nlp, text)] == expected


def test_component_spans_carry_id_label_method_confidence(toy_nlp, settings) -> None:
    doc = toy_nlp("Expert in scikit-learn (sklearn), Kubernates and Golang")
    spans = {span.text: span for span in doc.spans["skills"]}
    exact, alias, fuzzy = spans["scikit-learn"], spans["sklearn"], spans["Kubernates"]
    assert (exact.id_, exact.kb_id_, exact.label_) == ("scikit-learn", "scikit-learn", "library")
    assert (exact._.skill_method, exact._.skill_confidence) == (
        "exact",
        settings.confidence["exact"],
    )
    assert (alias._.skill_method, alias._.skill_confidence) == (
        "alias",
        settings.confidence["alias"],
    )
    assert (fuzzy._.skill_method, fuzzy._.skill_confidence) == (
        "fuzzy",
        settings.confidence["fuzzy"],
    )
    assert spans["Golang"]._.skill_method == "alias"


def test_component_prefers_longest_match(toy_nlp) -> None:
    assert _skills(toy_nlp, "Services in Spring Boot") == [("Spring Boot", "spring")]
    assert _skills(toy_nlp, "Jobs on Apache Spark") == [("Apache Spark", "apache-spark")]


def test_component_round_trips_through_disk(toy_lexicon, settings, tmp_path) -> None:
    nlp = build_pipeline(toy_lexicon, settings)
    nlp.to_disk(tmp_path / "model")
    loaded = spacy.load(tmp_path / "model")
    text = "Skills: Go, Rust, C++/Java, R.\nBuilt Tensor flow models on k8s; we go to market."
    assert _skills(loaded, text) == _skills(nlp, text)
    assert loaded.meta["resume_fit"] == nlp.meta["resume_fit"]
    saved = [
        json.loads(line) for line in (tmp_path / "model/resume_fit_skills/skills.jsonl").open()
    ]
    assert [s["id"] for s in saved] == sorted(toy_lexicon)


def test_component_bytes_round_trip(toy_nlp) -> None:
    matcher = toy_nlp.get_pipe("resume_fit_skills")
    copy = SkillMatcher(toy_nlp).from_bytes(matcher.to_bytes())
    assert copy.entries == matcher.entries
    assert copy.to_bytes() == matcher.to_bytes()


def test_build_is_byte_for_byte_deterministic(toy_lexicon, settings, tmp_path) -> None:
    for name in ("a", "b"):
        build_pipeline(toy_lexicon, settings).to_disk(tmp_path / name)
    files_a = sorted(
        p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*") if p.is_file()
    )
    files_b = sorted(
        p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*") if p.is_file()
    )
    assert files_a == files_b
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


@pytest.mark.parametrize(
    ("text", "words", "spaces"),
    [
        ("PyTorch", ("PyTorch",), (False,)),
        ("amazon web services", ("amazon", "web", "services"), (True, True, False)),
        ("amazon-web-services", ("amazon", "-", "web", "-", "services"), (False,) * 5),
        ("scikit-learn models", ("scikit", "-", "learn", "models"), (False, False, True, False)),
    ],
)
def test_component_guess_tokens_splits_at_spaces_and_hyphens(text, words, spaces) -> None:
    assert guess_tokens(text) == (words, spaces)


def test_component_saved_tokens_are_the_tokenizers_split(toy_nlp, tmp_path) -> None:
    matcher = toy_nlp.get_pipe("resume_fit_skills")
    matcher.to_disk(tmp_path / "skills")
    saved = json.loads((tmp_path / "skills" / "tokens.json").read_text(encoding="utf-8"))
    loaded = SkillMatcher(toy_nlp).from_disk(tmp_path / "skills")
    assert loaded._tokens == matcher._tokens
    for text, (words, spaces) in matcher._tokens.items():
        doc = toy_nlp.tokenizer(text)
        assert words == tuple(t.text for t in doc), text
        assert spaces == tuple(bool(t.whitespace_) for t in doc), text
        # Only the texts the guess gets wrong are written out.
        assert (text in saved) == (guess_tokens(text) != (words, spaces)), text


def test_component_loads_a_model_saved_without_tokens(toy_lexicon, settings, tmp_path) -> None:
    nlp = build_pipeline(toy_lexicon, settings)
    nlp.to_disk(tmp_path / "model")
    (tmp_path / "model/resume_fit_skills/tokens.json").unlink()
    loaded = spacy.load(tmp_path / "model")
    text = "Skills: Go, Rust, C++/Java, R.\nBuilt Tensor flow models on k8s; amazon-web-services."
    assert _skills(loaded, text) == _skills(nlp, text)


@pytest.mark.parametrize(
    ("name", "content"),
    [("cfg.json", "[]"), ("cfg.json", "{"), ("skills.jsonl", '{"id": "python"}\n')],
)
def test_component_from_disk_rejects_a_broken_folder(toy_nlp, tmp_path, name, content) -> None:
    toy_nlp.get_pipe("resume_fit_skills").to_disk(tmp_path / "skills")
    (tmp_path / "skills" / name).write_text(content, encoding="utf-8")
    with pytest.raises(DataFileError, match="skills"):
        SkillMatcher(toy_nlp).from_disk(tmp_path / "skills")


@pytest.mark.parametrize("enabled", [True, False])
def test_component_load_leaves_the_garbage_collector_as_it_was(toy_nlp, tmp_path, enabled) -> None:
    import gc

    matcher = toy_nlp.get_pipe("resume_fit_skills")
    matcher.to_disk(tmp_path / "skills")
    was = gc.isenabled()
    try:
        gc.enable() if enabled else gc.disable()
        SkillMatcher(toy_nlp).from_disk(tmp_path / "skills")
        SkillMatcher(toy_nlp).from_bytes(matcher.to_bytes())
        assert gc.isenabled() is enabled
    finally:
        gc.enable() if was else gc.disable()


def test_component_saved_index_equals_a_freshly_built_one(toy_nlp, tmp_path) -> None:
    matcher = toy_nlp.get_pipe("resume_fit_skills")
    matcher.to_disk(tmp_path / "skills")
    assert (tmp_path / "skills" / "index.msgpack").is_file()
    loaded = SkillMatcher(toy_nlp).from_disk(tmp_path / "skills")
    assert loaded._patterns == matcher._patterns
    assert loaded._patterns._starts == matcher._patterns._starts
    from_bytes = SkillMatcher(toy_nlp).from_bytes(matcher.to_bytes())
    assert from_bytes._patterns == matcher._patterns
    # Saved again, the copy writes the same bytes (the tokens come back on demand).
    loaded.to_disk(tmp_path / "again")
    for name in ("index.msgpack", "tokens.json", "skills.jsonl", "cfg.json"):
        assert (tmp_path / "again" / name).read_bytes() == (tmp_path / "skills" / name).read_bytes()


@pytest.mark.parametrize("change", ["missing", "other format"])
def test_component_rebuilds_an_index_it_cannot_use(toy_lexicon, settings, tmp_path, change) -> None:
    import srsly

    nlp = build_pipeline(toy_lexicon, settings)
    nlp.to_disk(tmp_path / "model")
    index = tmp_path / "model/resume_fit_skills/index.msgpack"
    if change == "missing":
        index.unlink()
    else:
        state = srsly.msgpack_loads(index.read_bytes())
        state["format"] = -1
        state["keys"] = []  # would match nothing, were it used
        index.write_bytes(srsly.msgpack_dumps(state))
    loaded = spacy.load(tmp_path / "model")
    assert (
        loaded.get_pipe("resume_fit_skills")._patterns
        == nlp.get_pipe("resume_fit_skills")._patterns
    )
    text = "Skills: Go, Rust, C++/Java, R.\nBuilt Tensor flow models on k8s; amazon-web-services."
    assert _skills(loaded, text) == _skills(nlp, text)


def test_component_builds_the_fuzzy_resolver_on_first_match(toy_nlp, tmp_path) -> None:
    toy_nlp.get_pipe("resume_fit_skills").to_disk(tmp_path / "skills")
    loaded = SkillMatcher(toy_nlp).from_disk(tmp_path / "skills")
    assert loaded._passes is None  # the passes hold the fuzzy resolver
    doc = loaded(toy_nlp.make_doc("Trained models with Tensor flow and Kubernates."))
    assert loaded._passes is not None
    assert {s.id_ for s in doc.spans["skills"] if s._.skill_method == "fuzzy"}
    fresh = SkillMatcher(toy_nlp).from_disk(tmp_path / "skills")
    fresh.prepare()
    assert fresh._passes is not None


def test_component_from_disk_decodes_each_skill_when_first_read(toy_nlp, tmp_path) -> None:
    matcher = toy_nlp.get_pipe("resume_fit_skills")
    matcher.to_disk(tmp_path / "skills")
    lines = (tmp_path / "skills" / "skills.jsonl").read_text(encoding="utf-8").splitlines()
    assert all(line.startswith('{"id": ') for line in lines)
    loaded = SkillMatcher(toy_nlp).from_disk(tmp_path / "skills")
    assert len(loaded.entries._decoded) <= 1  # the first line, read to check the folder
    assert list(loaded.entries) == list(matcher.entries) == sorted(matcher.entries)
    assert loaded.entries["pytorch"] == matcher.entries["pytorch"]
    assert "pytorch" in loaded.entries._decoded
    assert loaded.entries == matcher.entries


def test_component_from_disk_reads_skills_saved_with_sorted_keys(toy_nlp, tmp_path) -> None:
    # A folder written before the id came first on each line (keys in name order).
    matcher = toy_nlp.get_pipe("resume_fit_skills")
    matcher.to_disk(tmp_path / "skills")
    path = tmp_path / "skills" / "skills.jsonl"
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    path.write_text(
        "".join(json.dumps(r, sort_keys=True) + "\n" for r in reversed(records)), encoding="utf-8"
    )
    loaded = SkillMatcher(toy_nlp).from_disk(tmp_path / "skills")
    assert list(loaded.entries) == sorted(matcher.entries)
    assert loaded.entries == matcher.entries
    doc = toy_nlp.make_doc("Skills: PyTorch, scikit-learn, Go, Rust.")
    assert loaded.match(doc) == matcher.match(doc)


def test_component_a_broken_skill_line_fails_when_read_naming_the_file(toy_nlp, tmp_path) -> None:
    matcher = toy_nlp.get_pipe("resume_fit_skills")
    matcher.to_disk(tmp_path / "skills")
    path = tmp_path / "skills" / "skills.jsonl"
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[-1] = json.dumps({"id": json.loads(lines[-1])["id"], "name": "no forms"})
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    loaded = SkillMatcher(toy_nlp).from_disk(tmp_path / "skills")
    with pytest.raises(DataFileError, match="skills"):
        loaded.entries[json.loads(lines[-1])["id"]]
