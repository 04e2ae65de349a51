"""The kind of placement an entry's header names: an internship, an assistantship, volunteering,
a project or a student job, or none for a professional position.

The phrases are data (``[titles.placements]`` and ``not_placements`` in the profile cues). A
placement is a position, counted in total years, never in years in the field.
"""

from __future__ import annotations

import re
from functools import lru_cache

from resume_fit.profile.cues import load_cues
from resume_fit.profile.header_text import is_title


@lru_cache(maxsize=1)
def _placement_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    titles = load_cues()["titles"]
    return tuple(
        (kind, _phrase_pattern(words)) for kind, words in titles.get("placements", {}).items()
    ) + (("", _phrase_pattern(titles.get("not_placements", []))),)


def _phrase_pattern(words: list[str]) -> re.Pattern[str]:
    ordered = sorted((w.strip().lower() for w in words if w.strip()), key=len, reverse=True)
    alternation = "|".join(re.escape(w) for w in ordered) or "(?!)"
    return re.compile(rf"(?<![a-z0-9])(?:{alternation})(?![a-z0-9])", re.IGNORECASE)


_JOINT_TITLE = re.compile(r"\s(?:&|/|and|\+)\s", re.IGNORECASE)


def placement_kind(header: str, title: str = "") -> str:
    """The kind of placement an entry's header names (``[titles.placements]``: ``"internship"``,
    ``"assistantship"``, ``"volunteering"``, ``"project"``, ``"student"``, the first that
    matches), or ``""`` for a professional position. Phrases of
    ``not_placements`` ("Research Assistant Professor") are taken out first. A joint title with
    a professional post in it ("Graduate Research Assistant & Postdoctoral Researcher") is that
    post: the entry's years are professional."""
    *kinds, (_, exclusions) = _placement_patterns()
    text = exclusions.sub(" ", header)
    kind = next((kind for kind, pattern in kinds if pattern.search(text)), "")
    if kind and title:
        for segment in _JOINT_TITLE.split(exclusions.sub(" ", title)):
            if is_title(segment) and not any(p.search(segment) for _, p in kinds):
                return ""
    return kind
