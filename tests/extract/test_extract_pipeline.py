"""extract_skills: evidence, sections, ordering, determinism; load_pipeline's fallback."""

from __future__ import annotations

import warnings

import pytest

from resume_fit.extract import extract_skills
from resume_fit.extract.mention import MATCH_METHODS

RESUME_BLOCKS = (
    ("contact", "Dana Ortiz\ndana.ortiz@example.com | Berlin"),
    (
        "summary",
        "Machine learning engineer who ships deep learning systems; stakeholder management.",
    ),
    (
        "experience",
        "Senior ML Engineer, Acme Corp (2020-2024)\n"
        "- Trained PyTorch models on Kubernates clusters; tracked runs in MLflow.\n"
        "- Built a Spark ETL on Databricks and an Airflow DAG for nightly retraining.\n"
        "- Ran A/B testing with product; go to market plan with sales.",
    ),
    ("skills", "Python 3.11, SQL, Go, R, Docker, k8s, scikit learn, Tensor flow 2.x"),
    ("projects", "Chatbot over internal docs with LLMs and PostgreSQL."),
)


@pytest.fixture(scope="module")
def resume(make_resume):
    return make_resume(*RESUME_BLOCKS)


@pytest.fixture(scope="module")
def mentions(resume, toy_nlp):
    return extract_skills(resume, toy_nlp)


def test_extract_finds_expected_skills(mentions) -> None:
    assert [m.id for m in mentions] == [
        "a-b-testing",
        "airflow",
        "apache-spark",
        "deep-learning",
        "docker",
        "go",
        "kubernetes",
        "large-language-models",
        "machine-learning",
        "mlflow",
        "postgresql",
        "python",
        "pytorch",
        "r",
        "scikit-learn",
        "sql",
        "stakeholder-management",
        "tensorflow",
    ]


def test_extract_evidence_offsets_equal_text_slice(resume, mentions) -> None:
    for mention in mentions:
        assert mention.evidence, mention.id
        for ev in mention.evidence:
            assert resume.text[ev.start : ev.end] == ev.text
            assert ev.method in MATCH_METHODS
            assert 0 < ev.confidence <= 1


def test_extract_evidence_sorted_and_sectioned(resume, mentions) -> None:
    by_id = {m.id: m for m in mentions}
    for mention in mentions:
        starts = [e.start for e in mention.evidence]
        assert starts == sorted(starts)
        for ev in mention.evidence:
            assert ev.section == resume.section_kind_at(ev.start)
    assert by_id["kubernetes"].sections == ("experience", "skills")
    assert by_id["go"].sections == ("skills",)
    assert by_id["go"].usage == "listed"
    assert by_id["pytorch"].usage == "demonstrated"
    assert by_id["postgresql"].sections == ("projects",)


def test_extract_methods(mentions) -> None:
    methods = {(m.id, e.text): e.method for m in mentions for e in m.evidence}
    assert methods[("pytorch", "PyTorch")] == "exact"
    assert methods[("kubernetes", "k8s")] == "alias"
    assert methods[("kubernetes", "Kubernates")] == "fuzzy"
    assert methods[("tensorflow", "Tensor flow")] == "fuzzy"
    assert methods[("machine-learning", "ML")] == "alias"


def test_extract_is_deterministic(resume, toy_nlp, mentions) -> None:
    assert extract_skills(resume, toy_nlp) == mentions
    assert extract_skills(resume, toy_nlp) == extract_skills(resume, toy_nlp)


def test_extract_empty_text(make_resume, toy_nlp) -> None:
    assert extract_skills(make_resume(("other", "")), toy_nlp) == ()


def test_extract_without_sections_defaults_to_other(toy_nlp) -> None:
    from resume_fit.parse.resume_text import ResumeText

    mentions = extract_skills(ResumeText("<t>", "text", "Docker and Python"), toy_nlp)
    assert {e.section for m in mentions for e in m.evidence} == {"other"}


def test_load_pipeline_builds_in_memory_when_model_missing(
    monkeypatch, tmp_path, toy_lexicon
) -> None:
    from resume_fit.extract import pipeline

    pipeline.load_pipeline.cache_clear()
    monkeypatch.setattr(pipeline, "model_files", lambda: tmp_path)
    monkeypatch.setattr(pipeline, "load_lexicon", lambda: toy_lexicon)
    monkeypatch.setattr(pipeline, "shipped_lexicon_version", lambda: toy_lexicon.version)
    try:
        with pytest.warns(pipeline.StaleModelWarning, match="build_model.py"):
            nlp = pipeline.load_pipeline()
    finally:
        pipeline.load_pipeline.cache_clear()
    assert "resume_fit_skills" in nlp.pipe_names
    assert nlp.meta["resume_fit"]["lexicon_version"] == toy_lexicon.version


def test_load_pipeline_uses_saved_model_when_current(monkeypatch, tmp_path, toy_lexicon) -> None:
    from resume_fit.extract import pipeline

    pipeline.build_pipeline(toy_lexicon).to_disk(tmp_path / "skills")
    pipeline.load_pipeline.cache_clear()
    monkeypatch.setattr(pipeline, "model_files", lambda: tmp_path)
    monkeypatch.setattr(pipeline, "load_lexicon", lambda: toy_lexicon)
    monkeypatch.setattr(pipeline, "shipped_lexicon_version", lambda: toy_lexicon.version)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            nlp = pipeline.load_pipeline()
            assert pipeline.load_pipeline() is nlp
    finally:
        pipeline.load_pipeline.cache_clear()
    assert nlp.meta["name"] == "skills"


def test_load_pipeline_reads_no_lexicon_when_the_model_is_current(
    monkeypatch, tmp_path, toy_lexicon
) -> None:
    # Telling a saved model is current takes the lexicon file's hash, not a parse of it.
    from resume_fit.extract import pipeline

    pipeline.build_pipeline(toy_lexicon).to_disk(tmp_path / "skills")
    pipeline.load_pipeline.cache_clear()
    monkeypatch.setattr(pipeline, "model_files", lambda: tmp_path)
    monkeypatch.setattr(pipeline, "shipped_lexicon_version", lambda: toy_lexicon.version)

    def no_parse():
        raise AssertionError("load_pipeline parsed the lexicon")

    monkeypatch.setattr(pipeline, "load_lexicon", no_parse)
    try:
        nlp = pipeline.load_pipeline()
    finally:
        pipeline.load_pipeline.cache_clear()
    assert nlp.meta["resume_fit"]["lexicon_version"] == toy_lexicon.version


def test_load_pipeline_warns_when_the_lexicon_file_changed(
    monkeypatch, tmp_path, toy_lexicon
) -> None:
    from resume_fit.extract import pipeline

    pipeline.build_pipeline(toy_lexicon).to_disk(tmp_path / "skills")
    pipeline.load_pipeline.cache_clear()
    monkeypatch.setattr(pipeline, "model_files", lambda: tmp_path)
    monkeypatch.setattr(pipeline, "shipped_lexicon_version", lambda: "0123456789abcdef")
    monkeypatch.setattr(pipeline, "load_lexicon", lambda: toy_lexicon)
    try:
        with pytest.warns(pipeline.StaleModelWarning, match="stale"):
            pipeline.load_pipeline()
    finally:
        pipeline.load_pipeline.cache_clear()


def _load_saved(built, tmp_path, lexicon, monkeypatch):
    """``load_pipeline()`` reading ``built`` saved to ``tmp_path / "skills"`` as the shipped model
    of ``lexicon``."""
    from resume_fit.extract import pipeline

    built.to_disk(tmp_path / "skills")
    pipeline.load_pipeline.cache_clear()
    monkeypatch.setattr(pipeline, "model_files", lambda: tmp_path)
    monkeypatch.setattr(pipeline, "load_lexicon", lambda: lexicon)
    monkeypatch.setattr(pipeline, "shipped_lexicon_version", lambda: lexicon.version)
    try:
        return pipeline.load_pipeline()
    finally:
        pipeline.load_pipeline.cache_clear()


def test_load_pipeline_keeps_the_saved_tokenizer(monkeypatch, tmp_path, toy_lexicon) -> None:
    # load_pipeline starts from an empty tokenizer (SAVED_TOKENIZER): what it ends with must be
    # exactly the saved one, as plain spacy.load gives it.
    import spacy

    from resume_fit.extract import pipeline

    built = pipeline.build_pipeline(toy_lexicon)
    nlp = _load_saved(built, tmp_path, toy_lexicon, monkeypatch)
    # The config names spaCy's tokenizer again, as the saved folder does.
    assert nlp.config["nlp"]["tokenizer"] == {"@tokenizers": "spacy.Tokenizer.v1"}
    plain = spacy.load(tmp_path / "skills")
    # The rules, not the vocab: load_pipeline does not read the saved strings (the test below).
    saved = [t.tokenizer.to_bytes(exclude=["vocab"]) for t in (nlp, plain, built)]
    assert saved[0] == saved[1] == saved[2]
    text = "Skills: C#/.NET, C++/Java, Python/SQL and R. :) **Skills:** e-mail me"
    assert [t.text for t in nlp.make_doc(text)] == [t.text for t in built.make_doc(text)]


def test_load_pipeline_skips_the_saved_strings_and_matches_alike(
    monkeypatch, tmp_path, toy_lexicon, make_resume
) -> None:
    # The saved vocab holds the strings of every pattern token; load_pipeline leaves them on
    # disk, and finds exactly what a pipeline loaded with them finds.
    import json

    import spacy

    from resume_fit.extract import pipeline

    nlp = _load_saved(pipeline.build_pipeline(toy_lexicon), tmp_path, toy_lexicon, monkeypatch)
    saved = json.loads((tmp_path / "skills/vocab/strings.json").read_text(encoding="utf-8"))
    pattern_only = [s for s in saved if s not in nlp.vocab.strings]
    assert pattern_only, "load_pipeline read the saved strings"
    plain = spacy.load(tmp_path / "skills")
    resume = make_resume(*RESUME_BLOCKS)
    assert extract_skills(resume, nlp) == extract_skills(resume, plain)
    text = "Skills: " + ", ".join(pattern_only[:50])
    assert [(s.text, s.id_) for s in nlp(text).spans["skills"]] == [
        (s.text, s.id_) for s in plain(text).spans["skills"]
    ]


def test_saved_tokenizer_refuses_a_folder_without_one(tmp_path, toy_lexicon) -> None:
    import spacy

    from resume_fit.extract import pipeline

    pipeline.build_pipeline(toy_lexicon).to_disk(tmp_path / "skills")
    (tmp_path / "skills" / "tokenizer").unlink()
    with pytest.raises(OSError):
        spacy.load(
            tmp_path / "skills",
            config={"nlp": {"tokenizer": {"@tokenizers": pipeline.SAVED_TOKENIZER}}},
        )


def test_load_pipeline_copy_saved_again_loads_with_plain_spacy(tmp_path) -> None:
    # A developer saves the loaded pipeline into their own project and loads it elsewhere, in a
    # process that never imported resume_fit (the component comes in by its entry point).
    import subprocess
    import sys

    from resume_fit.extract import load_pipeline

    load_pipeline().to_disk(tmp_path / "copy")
    script = (
        "import sys, spacy\n"
        "nlp = spacy.load(sys.argv[1])\n"
        "doc = nlp('Shipped PyTorch models on AWS with Docker.')\n"
        "print(' '.join(sorted(span.id_ for span in doc.spans['skills'])))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "copy")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["aws", "docker", "pytorch"]
