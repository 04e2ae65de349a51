"""Settings of the skill extractor, read from ``lexicons/extract.toml``.

The settings are data so that a threshold can change without touching code. They are copied into
the saved pipeline (``models/skills``) together with a hash, so the pipeline works without the
``lexicons/`` folder and a test can tell when it is stale.
"""

from __future__ import annotations

import hashlib
import json
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from resume_fit.config import lexicon_files
from resume_fit.errors import DataFileError


@dataclass(frozen=True)
class ExtractSettings:
    """Thresholds and word lists of the extractor (see ``lexicons/extract.toml`` for meanings).

    Attributes:
        confidence: Confidence by method (``exact``, ``alias``, ``fuzzy``) and the
            ``ambiguous_factor`` applied to corroborated ambiguous names.
        fuzzy_cutoff: rapidfuzz ``fuzz.ratio`` score (0-100) a near miss must reach.
        fuzzy_min_length: Shortest token, bigram or lexicon form ever fuzzy-matched.
        fuzzy_skip_sections: Section kinds where fuzzy matching is skipped.
        fuzzy_stop_words: Words never fuzzy-matched.
        context_window: Tokens either side searched for corroborating context words.
        list_separators: Tokens that separate the items of a technology list.
        list_labels: Line labels ("Tech stack:") that mark a line as a skills list.
        role_words: Words that may follow a skill name without making it a proper name.
        unit_words: Words after a number that make it a quantity, not a version.
        generic_context: Corroborating words for every ambiguous skill.
        distinctive_forms: Forms of ambiguous skills that need no corroboration.
        case_insensitive_categories: Skill categories whose guarded forms match in any case.
        reject_next: Case-folded form -> words that, right after it, mean the ordinary sense.
        reject_prev: Case-folded form -> words that, right before it, mean the ordinary sense.
        negative_context: Case-folded form -> words in the window that mean the ordinary sense.
        technical_heads: Nouns that, right after an ambiguous name, make the phrase technical
            ("Spark cluster", "Excel macros").
        vendor_words: Vendors whose name before ":" or "(" qualifies a list ("Microsoft Office:
            Word" is Microsoft Word; ``shorthand.qualified``).
        year_rejects: Case-folded forms that a year right after makes ordinary ("Spring 2021").
        lower_rejects: Case-folded forms that, written in lower case, are an abbreviation of
            ordinary writing ("etc" closing a list is not the tool ETC).
        tool_prepositions: Words that, right before a lower-case name, make it the tool used
            ("built with react", "reports using excel").
        tool_categories: Categories of products ("language", "tool"): the only names a usage
            word makes a tool of in lower case ("with databases" stays a common noun).
        tool_verbs: Words that, right before an ambiguous name, corroborate it as the tool used
            ("reports using Excel", "deployed via Chef").
        code_words: Words of writing code that, before a usage word, make the capitalised name
            it governs the tool ("code in Swift", "services written in Go").
        phrase_ends: Words that, right after such a name, show it ends its phrase ("in java for
            the backend"), so it is no modifier of a noun ("in swift succession").
        usage_sites: Case-folded names of sites and blog platforms (``usage.py``).
        usage_organisations: Case-folded skill names that are also organisations.
        usage_degree_words: Words that make a line a degree line ("bsc", "bachelor", "minor").
        usage_organisation_heads: Words before "of" that start an organisation's name ("school").
        usage_title_words: Job-title words ("engineer") that an employer's name may follow.
        usage_people_words: Other nouns for people in a role ("owner", "users"): a skill's
            form ending in one ("Product Owner") is never put in the other number.
        usage_employer_prev: Words right before an employer's name ("at", "joined").
        usage_label_categories: Categories whose names in a line label are not evidence.
        usage_subject_categories: Categories whose names on a degree line are its subject.
        usage_site_sections: Section kinds where a site's name is not evidence.
        usage_site_page_words: Words after a site's name that make it the person's page
            ("LinkedIn profile").
        usage_site_owner_words: Words before a site's name that do the same ("my GitHub").
        usage_letter_sections: Section kinds where a one-letter name is not evidence.
        usage_place_codes: State and province codes that, after "City,", are an address.
        usage_aspirations: Phrases after which a skill is wished for, not had ("interest in",
            "eager to learn").
        paraphrase_verbs: Nominal head of a practice skill's name -> the verbs it is made from
            ("deployment" -> deploy), for ``paraphrase.ParaphraseIndex``.
        paraphrase_window: Words allowed between a verb and its object ("deployed three models").
        paraphrase_breaks: Words that end a clause or a noun phrase ("to", "and", "using").
        paraphrase_tails: Nouns that may follow a paraphrase's object ("query performance").
        paraphrase_noun_verbs: Verbs that are also nouns ("test"): only "-ed"/"-ing" forms count.
        paraphrase_objects: A skill name's object word -> the nouns a resume writes for the same
            thing after the verb ("web" -> "websites": "scraped websites" is web scraping).
        known_words: The text of the word list named by ``[fuzzy] known_words`` (correctly spelled
            words, never fuzzy-matched; ``read_word_list`` reads it). Not part of ``to_dict``:
            saved beside it, as is.
        known_words_digest: A hash of ``known_words``, part of the settings' digest.
    """

    confidence: dict[str, float]
    fuzzy_cutoff: float
    fuzzy_min_length: int
    fuzzy_skip_sections: tuple[str, ...] = ()
    fuzzy_stop_words: tuple[str, ...] = ()
    context_window: int = 8
    list_separators: tuple[str, ...] = ()
    list_labels: tuple[str, ...] = ()
    role_words: tuple[str, ...] = ()
    unit_words: tuple[str, ...] = ()
    generic_context: tuple[str, ...] = ()
    distinctive_forms: tuple[str, ...] = ()
    case_insensitive_categories: tuple[str, ...] = ()
    reject_next: dict[str, tuple[str, ...]] = field(default_factory=dict)
    reject_prev: dict[str, tuple[str, ...]] = field(default_factory=dict)
    negative_context: dict[str, tuple[str, ...]] = field(default_factory=dict)
    technical_heads: tuple[str, ...] = ()
    vendor_words: tuple[str, ...] = ()
    year_rejects: tuple[str, ...] = ()
    lower_rejects: tuple[str, ...] = ()
    tool_prepositions: tuple[str, ...] = ()
    phrase_ends: tuple[str, ...] = ()
    tool_verbs: tuple[str, ...] = ()
    code_words: tuple[str, ...] = ()
    tool_categories: tuple[str, ...] = ()
    usage_sites: tuple[str, ...] = ()
    usage_organisations: tuple[str, ...] = ()
    usage_degree_words: tuple[str, ...] = ()
    usage_organisation_heads: tuple[str, ...] = ()
    usage_title_words: tuple[str, ...] = ()
    usage_people_words: tuple[str, ...] = ()
    usage_name_heads: tuple[str, ...] = ()
    usage_employer_prev: tuple[str, ...] = ()
    usage_label_categories: tuple[str, ...] = ()
    usage_subject_categories: tuple[str, ...] = ()
    usage_site_sections: tuple[str, ...] = ()
    usage_site_page_words: tuple[str, ...] = ()
    usage_site_owner_words: tuple[str, ...] = ()
    usage_letter_sections: tuple[str, ...] = ()
    usage_place_codes: tuple[str, ...] = ()
    usage_aspirations: tuple[str, ...] = ()
    paraphrase_verbs: dict[str, tuple[str, ...]] = field(default_factory=dict)
    paraphrase_window: int = 0
    paraphrase_breaks: tuple[str, ...] = ()
    paraphrase_tails: tuple[str, ...] = ()
    paraphrase_noun_verbs: tuple[str, ...] = ()
    paraphrase_objects: dict[str, tuple[str, ...]] = field(default_factory=dict)
    known_words: str = field(default="", repr=False, compare=False)
    known_words_digest: str = ""

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready copy (tuples become lists) without ``known_words``, as stored in the
        saved pipeline."""
        data = {k: v for k, v in self.__dict__.items() if k != "known_words"}
        return json.loads(json.dumps(data))

    @classmethod
    def from_dict(
        cls,
        data: dict[str, Any],
        origin: str = "<settings>",
        known_words: str = "",
    ) -> ExtractSettings:
        """Rebuild settings from ``to_dict`` output and the known words saved beside it.

        Raises:
            DataFileError: A key is missing or has the wrong type.
        """
        digest = str(data.get("known_words_digest", ""))
        try:
            return cls(
                confidence={k: float(v) for k, v in data["confidence"].items()},
                fuzzy_cutoff=float(data["fuzzy_cutoff"]),
                fuzzy_min_length=int(data["fuzzy_min_length"]),
                fuzzy_skip_sections=_words(data, "fuzzy_skip_sections"),
                fuzzy_stop_words=_words(data, "fuzzy_stop_words"),
                context_window=int(data["context_window"]),
                list_separators=tuple(data["list_separators"]),
                list_labels=_words(data, "list_labels"),
                role_words=_words(data, "role_words"),
                unit_words=_words(data, "unit_words"),
                generic_context=_words(data, "generic_context"),
                distinctive_forms=_words(data, "distinctive_forms"),
                case_insensitive_categories=_words(data, "case_insensitive_categories"),
                reject_next=_table(data["reject_next"]),
                reject_prev=_table(data["reject_prev"]),
                negative_context=_table(data["negative_context"]),
                paraphrase_verbs=_table(data.get("paraphrase_verbs", {})),
                paraphrase_window=int(data.get("paraphrase_window", 0)),
                paraphrase_objects=_table(data.get("paraphrase_objects", {})),
                known_words=known_words,
                known_words_digest=digest,
                **{key: _words(data, key) for key in _WORD_LISTS},
            )
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise DataFileError(origin, f"invalid extractor settings: {error!r}") from error

    @property
    def digest(self) -> str:
        """A short hash of the settings, stored in the saved pipeline to detect staleness."""
        text = json.dumps(self.to_dict(), sort_keys=True, ensure_ascii=True)
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


# Word-list settings read the same way: "[section] key" in extract.toml -> attribute.
_WORD_LISTS = {
    "technical_heads": ("ambiguity", "technical_heads"),
    "year_rejects": ("ambiguity", "year_rejects"),
    "lower_rejects": ("ambiguity", "lower_rejects"),
    "tool_prepositions": ("ambiguity", "tool_prepositions"),
    "phrase_ends": ("ambiguity", "phrase_ends"),
    "tool_verbs": ("ambiguity", "tool_verbs"),
    "code_words": ("ambiguity", "code_words"),
    "tool_categories": ("ambiguity", "tool_categories"),
    "vendor_words": ("ambiguity", "vendors"),
    "usage_sites": ("usage", "sites"),
    "usage_organisations": ("usage", "organisations"),
    "usage_degree_words": ("usage", "degree_words"),
    "usage_organisation_heads": ("usage", "organisation_heads"),
    "usage_title_words": ("usage", "title_words"),
    "usage_people_words": ("usage", "people_words"),
    "usage_name_heads": ("usage", "name_heads"),
    "usage_employer_prev": ("usage", "employer_prev"),
    "usage_label_categories": ("usage", "label_categories"),
    "usage_subject_categories": ("usage", "subject_categories"),
    "usage_site_sections": ("usage", "site_sections"),
    "usage_site_page_words": ("usage", "site_page_words"),
    "usage_site_owner_words": ("usage", "site_owner_words"),
    "usage_letter_sections": ("usage", "letter_sections"),
    "usage_place_codes": ("usage", "place_codes"),
    "usage_aspirations": ("usage", "aspirations"),
    "paraphrase_breaks": ("paraphrase", "breaks"),
    "paraphrase_tails": ("paraphrase", "object_tails"),
    "paraphrase_noun_verbs": ("paraphrase", "noun_verbs"),
}


def words_digest(text: str) -> str:
    """A short hash of a word list's text ("" for none)."""
    if not text:
        return ""
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


@lru_cache(maxsize=4)
def read_word_list(text: str) -> frozenset[str]:
    """The words of a word list: ``#`` comment lines at the top, then one word a line,
    lower-cased. Avoids per-word Python work: 64,000 words take a few milliseconds. Kept per
    text, so the fuzzy resolver, the ambiguity policy, the other-skills reader and redaction
    share one set of the shipped list."""
    at = 0
    while text.startswith("#", at):
        end = text.find("\n", at)
        at = len(text) if end < 0 else end + 1
    return frozenset(text[at:].casefold().split())


def _words(data: dict[str, Any], key: str) -> tuple[str, ...]:
    return tuple(sorted({str(w).casefold() for w in data.get(key, [])}))


def _table(data: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    return {
        str(form).casefold(): tuple(sorted({str(w).casefold() for w in words}))
        for form, words in sorted(data.items())
    }


def _from_toml(raw: dict[str, Any], origin: str, known_words: str = "") -> ExtractSettings:
    try:
        fuzzy = raw["fuzzy"]
        ambiguity = raw["ambiguity"]
        flat = {
            "confidence": raw["confidence"],
            "fuzzy_cutoff": fuzzy["score_cutoff"],
            "fuzzy_min_length": fuzzy["min_length"],
            "fuzzy_skip_sections": fuzzy.get("skip_sections", []),
            "fuzzy_stop_words": fuzzy.get("stop_words", []),
            "context_window": ambiguity["context_window"],
            "list_separators": ambiguity.get("list_separators", []),
            "list_labels": ambiguity.get("list_labels", []),
            "role_words": ambiguity.get("role_words", []),
            "unit_words": ambiguity.get("unit_words", []),
            "generic_context": ambiguity.get("generic_context", []),
            "distinctive_forms": ambiguity.get("distinctive_forms", []),
            "case_insensitive_categories": ambiguity.get("case_insensitive_categories", []),
            "reject_next": ambiguity.get("reject_next", {}),
            "reject_prev": ambiguity.get("reject_prev", {}),
            "negative_context": ambiguity.get("negative_context", {}),
            "known_words_digest": words_digest(known_words),
            "paraphrase_verbs": raw.get("paraphrase", {}).get("verbs", {}),
            "paraphrase_window": raw.get("paraphrase", {}).get("window", 0),
            "paraphrase_objects": raw.get("paraphrase", {}).get("objects", {}),
        }
        for key, (table, name) in _WORD_LISTS.items():
            flat[key] = raw.get(table, {}).get(name, [])
    except KeyError as error:
        raise DataFileError(origin, f"missing setting {error.args[0]!r}") from error
    settings = ExtractSettings.from_dict(flat, origin, known_words)
    for key in ("exact", "alias", "fuzzy", "ambiguous_factor"):
        value = settings.confidence.get(key)
        if value is None or not 0.0 < value <= 1.0:
            raise DataFileError(origin, f"[confidence] {key} must be a number in (0, 1]")
    if not 0.0 < settings.fuzzy_cutoff <= 100.0:
        raise DataFileError(origin, "[fuzzy] score_cutoff must be in (0, 100]")
    return settings


def read_settings(path: str | Path) -> ExtractSettings:
    """Read extractor settings from a TOML file laid out like ``lexicons/extract.toml``.

    Raises:
        DataFileError: The file is missing, not TOML, or a setting is missing or invalid.
    """
    path = Path(path)
    return _read(path, str(path), path.parent)


def load_settings() -> ExtractSettings:
    """Read the shipped ``lexicons/extract.toml``."""
    folder = lexicon_files()
    return _read(folder / "extract.toml", "lexicons/extract.toml", folder)


def _read(resource: Any, origin: str, folder: Any) -> ExtractSettings:
    """Read and check the settings in ``resource`` (a path or package resource) and the word
    list it names (``[fuzzy] known_words``, relative to ``folder``); errors name ``origin``."""
    try:
        raw = tomllib.loads(resource.read_text(encoding="utf-8"))
    except OSError as error:
        raise DataFileError(origin, f"cannot read the settings: {error.strerror}") from error
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(origin, f"not valid TOML ({error})") from error
    known = ""
    name = raw.get("fuzzy", {}).get("known_words")
    if name:
        try:
            known = (folder / name).read_text(encoding="utf-8")
        except OSError as error:
            raise DataFileError(
                origin, f"[fuzzy] known_words: cannot read {name}: {error.strerror}"
            ) from error
    return _from_toml(raw, origin, known)
