"""models/skills must be rebuilt whenever lexicons/skills.jsonl or lexicons/extract.toml change."""

from __future__ import annotations

import json
from importlib import resources

import pytest

from resume_fit.config import lexicon_files, model_files
from resume_fit.extract.pipeline import META_KEY, MODEL_NAME
from resume_fit.extract.settings import load_settings
from resume_fit.lexicon import load_lexicon

REBUILD = "run `python scripts/build_model.py` from the repository root"


def test_model_fresh_against_lexicon_and_settings() -> None:
    if not (lexicon_files() / "skills.jsonl").is_file():
        pytest.skip("lexicons/skills.jsonl has not been generated yet")
    meta = model_files() / MODEL_NAME / "meta.json"
    assert meta.is_file(), f"models/{MODEL_NAME} is missing: {REBUILD}"
    stamp = json.loads(meta.read_text(encoding="utf-8")).get(META_KEY, {})
    lexicon, settings = load_lexicon(), load_settings()
    assert stamp.get("lexicon_version") == lexicon.version, (
        f"models/{MODEL_NAME} was built from lexicon {stamp.get('lexicon_version')}, "
        f"lexicons/skills.jsonl is now {lexicon.version}: {REBUILD}"
    )
    assert stamp.get("settings_hash") == settings.digest, (
        f"models/{MODEL_NAME} was built with other settings than lexicons/extract.toml: {REBUILD}"
    )


def test_model_fresh_saved_skills_match_lexicon() -> None:
    if not (model_files() / MODEL_NAME / "resume_fit_skills" / "skills.jsonl").is_file():
        pytest.skip("models/skills has not been built yet")
    if not (lexicon_files() / "skills.jsonl").is_file():
        pytest.skip("lexicons/skills.jsonl has not been generated yet")
    saved = model_files() / MODEL_NAME / "resume_fit_skills" / "skills.jsonl"
    ids = [json.loads(line)["id"] for line in saved.read_text(encoding="utf-8").splitlines()]
    assert ids == sorted(load_lexicon()), f"saved skills differ from the lexicon: {REBUILD}"


def test_model_fresh_saved_index_equals_a_freshly_built_one() -> None:
    # The saved pattern index is what the code builds from the lexicon today: a change to how
    # the index is built (patterns.py, ambiguity.py) needs a rebuilt model, like a lexicon edit.
    import spacy

    from resume_fit.extract.pipeline import build_pipeline

    if not (model_files() / MODEL_NAME / "resume_fit_skills" / "index.msgpack").is_file():
        pytest.skip("models/skills has not been built yet")
    with resources.as_file(model_files() / MODEL_NAME) as path:
        saved = spacy.load(path).get_pipe("resume_fit_skills")._patterns
    built = build_pipeline(load_lexicon(), load_settings()).get_pipe("resume_fit_skills")._patterns
    assert saved == built, (
        f"models/{MODEL_NAME} holds an index the code no longer builds: {REBUILD}"
    )


def test_model_fresh_saved_index_is_in_the_current_format() -> None:
    # An index saved in another STATE_FORMAT still loads (it is built again from the skills),
    # only slowly: a change of format needs `make model` like a lexicon edit.
    import srsly

    from resume_fit.extract.patterns import STATE_FORMAT

    index = model_files() / MODEL_NAME / "resume_fit_skills" / "index.msgpack"
    if not index.is_file():
        pytest.skip("models/skills has not been built yet")
    state = srsly.msgpack_loads(index.read_bytes())
    assert state.get("format") == STATE_FORMAT, f"models/{MODEL_NAME} index format: {REBUILD}"
