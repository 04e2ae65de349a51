"""Whether a job title names a catalogue title: the phrase, as whole words, with its role noun.

A role's titles and a gate's title words are phrases matched as whole words in a resume's or a
posting's title (``title_phrase`` of both). A phrase that holds a role noun ("data scientist",
"research engineer") matches as before. A phrase that is only a field word ("computer vision",
"speech", "research", "imaging", "phd") names the job only in a title that also holds a role noun
(``[field].role_nouns`` and ``[field].title_nouns`` of ``lexicons/profile.toml``): "Speech
Recognition Engineer" is an NLP title, "Speech Therapist" is not; "Research Scientist" is a
research title, "Market Research Interviewer" is not. A clerical title
(``[field].not_field_titles``: "Data Entry Clerk", "Data Collection Assistant") names no catalogue
title at all.
"""

from __future__ import annotations

from functools import lru_cache

from resume_fit.match.index import title_phrase
from resume_fit.profile.cues import load_cues


@lru_cache(maxsize=1)
def _vocabulary() -> tuple[frozenset[str], tuple[str, ...]]:
    table = load_cues().get("field", {})
    nouns = {
        title_phrase(w).strip()
        for w in (*table.get("role_nouns", []), *table.get("title_nouns", []))
    }
    clerical = tuple(title_phrase(w) for w in table.get("not_field_titles", []))
    return frozenset(n for n in nouns if n), clerical


def _has_noun(phrase: str, nouns: frozenset[str]) -> bool:
    return any(f" {noun} " in phrase for noun in nouns)


def is_clerical(written: str) -> bool:
    """True when ``title_phrase`` output ``written`` holds a ``not_field_titles`` phrase."""
    return any(c in written for c in _vocabulary()[1])


def names_title(phrase: str, written: str) -> bool:
    """True when catalogue phrase ``phrase`` names the job of title ``written``.

    Args:
        phrase: A role title or gate title word, as ``title_phrase`` gives it (" nlp ").
        written: A resume's or posting's job title, as ``title_phrase`` gives it.

    Returns:
        The phrase occurs in the title as whole words, the title is not clerical, and either the
        phrase holds a role noun or the title does.
    """
    if phrase not in written or is_clerical(written):
        return False
    nouns = _vocabulary()[0]
    return _has_noun(phrase, nouns) or _has_noun(written, nouns)
