"""Placeholder while the skill matcher component is written (keeps spaCy's entry point importable)."""

from __future__ import annotations

from spacy.language import Language


@Language.factory("resume_fit_skills", default_config={"spans_key": "skills"})
def make_skill_matcher(nlp: Language, name: str, spans_key: str) -> object:
    """Create the skill matcher (not implemented yet)."""
    raise NotImplementedError("resume_fit_skills is being written")
