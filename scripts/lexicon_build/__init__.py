"""The lexicon build behind ``scripts/build_lexicon.py``, one module per step.

``labels`` compares and normalises skill labels; ``settings`` reads ``curated/overrides.toml``;
``linguist``, ``topics``, ``esco`` and ``onet`` turn each taxonomy into ``Candidate`` skills;
``merge`` assembles them into one entry per skill; ``curated`` reads and checks the hand-curated
tables; ``write`` writes ``skills.jsonl`` and summarises it; ``pipeline`` runs the whole build.
"""

from .errors import BuildError
from .pipeline import build
from .write import summary

__all__ = ["BuildError", "build", "summary"]
