"""The main language of a resume, from stop-word profiles (``lexicons/languages.toml``), offline.

Skills are matched against an English lexicon, so a resume in another language gets a warning; it
is still scored. Counting function words needs no model and no download, and tells the languages a
resume is likely written in apart on a few lines of prose: a skills list alone ("Python, SQL")
has no function words and gives ``"unknown"``.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache

from resume_fit.config import lexicon_files
from resume_fit.errors import DataFileError

UNKNOWN = "unknown"
_ORIGIN = "lexicons/languages.toml"
_WORD_RE = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True, eq=False)  # compared and hashed by identity, so it can key a cache
class LanguageProfiles:
    """Stop words per language code, and the limits a decision needs.

    Attributes:
        words: Language code -> its stop words (lowercase).
        min_hits: Fewest stop-word hits the best language needs.
        min_lead: How many times the runner-up's hits the best language needs.
        names: Language code -> English name, for messages.
    """

    words: dict[str, frozenset[str]]
    min_hits: float
    min_lead: float
    names: dict[str, str]

    def name(self, code: str) -> str:
        """The language's English name ("German"), or the code itself when it has none."""
        return self.names.get(code, code)


def read_profiles(data: str, origin: str = _ORIGIN) -> LanguageProfiles:
    """Parse and check a stop-word profile file.

    Raises:
        DataFileError: Not TOML, or a table or list is missing or malformed.
    """
    try:
        document = tomllib.loads(data)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(origin, f"not valid TOML ({error})") from error
    detect = document.get("detect")
    languages = document.get("languages")
    if not isinstance(detect, dict) or not {"min_hits", "min_lead"} <= set(detect):
        raise DataFileError(origin, "[detect] needs min_hits and min_lead")
    if not isinstance(languages, dict) or "en" not in languages:
        raise DataFileError(origin, "[languages] needs a list of stop words per code, en included")
    words: dict[str, frozenset[str]] = {}
    for code, listed in sorted(languages.items()):
        if not isinstance(listed, list) or not all(isinstance(w, str) for w in listed):
            raise DataFileError(origin, f"[languages] {code!r} must be a list of strings")
        words[code] = frozenset(w.strip().lower() for w in listed if w.strip())
    names = document.get("names", {})
    if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
        raise DataFileError(origin, "[names] must map language codes to names")
    return LanguageProfiles(
        words, float(detect["min_hits"]), float(detect["min_lead"]), dict(names)
    )


@lru_cache(maxsize=1)
def load_profiles() -> LanguageProfiles:
    """The shipped profiles, read once per process."""
    return read_profiles((lexicon_files() / "languages.toml").read_text(encoding="utf-8"))


@lru_cache(maxsize=4)
def _owners(profiles: LanguageProfiles) -> dict[str, tuple[str, ...]]:
    """Stop word -> the languages that list it, so each word of a text is looked up once."""
    owners: dict[str, list[str]] = {}
    for code, words in sorted(profiles.words.items()):
        for word in words:
            owners.setdefault(word, []).append(code)
    return {word: tuple(codes) for word, codes in owners.items()}


def detect_language(text: str, profiles: LanguageProfiles | None = None) -> str:
    """Return the language code whose stop words the text uses most, or ``"unknown"``.

    Args:
        text: The resume text.
        profiles: Stop-word profiles; the shipped ones when None.

    Returns:
        A code from the profiles ("en", "de", ...), or ``"unknown"`` when the text has too few
        stop words or two languages are too close to call.
    """
    profiles = profiles or load_profiles()
    hits = dict.fromkeys(profiles.words, 0)
    owners = _owners(profiles)
    for word in _WORD_RE.findall(text.lower()):
        for code in owners.get(word, ()):
            hits[code] += 1
    ranked = sorted(hits.items(), key=lambda item: (-item[1], item[0]))
    best, best_hits = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0
    if best_hits < profiles.min_hits or best_hits < profiles.min_lead * runner_up:
        return UNKNOWN
    return best
