"""What ``--redact`` reads and masks: ``lexicons/redaction.toml`` and the patterns of contacts.

Shared by the two halves of redaction: ``report.identity`` (who a document is about) and
``report.redact`` (masking a report). Nothing here reads a document.
"""

from __future__ import annotations

import re
import tomllib
import unicodedata
from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Any

from resume_fit.config import lexicon_files
from resume_fit.errors import DataFileError
from resume_fit.parse.contacts import PHONE, is_phone, is_year

__all__ = [
    "DOMAIN",
    "EMAIL",
    "OBFUSCATED_EMAIL",
    "PHONE",
    "URL",
    "LETTERS",
    "RedactionRules",
    "Vocabulary",
    "dictionary",
    "fold",
    "is_phone",
    "is_year",
    "load_rules",
    "parse_rules",
    "vocabulary",
]

_ORIGIN = "lexicons/redaction.toml"


@dataclass(frozen=True)
class RedactionRules:
    """What ``lexicons/redaction.toml`` says: placeholders, field labels, patterns, name words.

    ``word_names`` are names that are also ordinary words ("Grace", "Will"), ``date_words`` month
    and season names: both are masked only where capitalised, and a lone date word before or
    after a number ("April 2021", "3 June") is a date, not a name. ``document_words`` title the
    document ("Resume", "CV"): on the name line they are never name words. ``place_words``
    (countries, regions, large cities): a segment mostly of these, or a comma-list item with one,
    is a place, not a name; a segment with one of ``organisation_words`` ("Labs", "Ltd") is an
    employer or a school. ``scan_lines``: how many first lines may hold the name;
    ``guess_lines``: how many may hold one that nothing but its shape tells.
    """

    placeholders: dict[str, str]
    labels: tuple[str, ...]
    max_value_chars: int
    patterns: tuple[tuple[str, str], ...]
    street_words: tuple[str, ...]
    postcodes: tuple[str, ...]
    not_name: frozenset[str]
    honorifics: frozenset[str]
    particles: frozenset[str]
    top_lines: int
    max_words: int
    word_names: frozenset[str] = frozenset()
    date_words: frozenset[str] = frozenset()
    document_words: frozenset[str] = frozenset()
    place_words: frozenset[str] = frozenset()
    organisation_words: frozenset[str] = frozenset()
    scan_lines: int = 40
    guess_lines: int = 20

    def closing_start(self, count: int) -> int:
        """Where the last ``top_lines`` of ``count`` lines begin, never among the first ones.

        The closing lines are read like the first: a header text box can be read after the body
        (a shape or a table written last), and a signature or a declaration ends many resumes.
        """
        return max(self.top_lines, count - self.top_lines)


@dataclass(frozen=True)
class Vocabulary:
    """Folded ordinary words, in the two kinds a name line is read with.

    Attributes:
        plain: Stop words, role-title words, heading words and ``not_name``, less ``word_names``:
            a segment holding one is a title, a heading or a sentence, not a name.
        skills: Words of the lexicon's skill names and aliases ("julia", "swift", "smith"): they
            do not make a segment a non-name ("Julia Smith"), but a name word among them is
            masked only where capitalised.
        skill_phrases: Whole folded skill names ("machine learning"): a segment that is one is
            a skill, not a name.
        dictionary: The lower-case English word list the extractor ships (``[fuzzy]
            known_words``): a word in it is a word as well as any name it may be ("grace").
    """

    plain: frozenset[str]
    skills: frozenset[str] = frozenset()
    skill_phrases: frozenset[str] = frozenset()
    dictionary: frozenset[str] = frozenset()

    @cached_property
    def every(self) -> frozenset[str]:
        """Every ordinary word of either kind (made once per vocabulary)."""
        return self.plain | self.skills


def parse_rules(data: str, origin: str = _ORIGIN) -> RedactionRules:
    """Parse and check a redaction rules file.

    Raises:
        DataFileError: Not TOML, a table missing, or a pattern that is not a regular expression.
    """
    try:
        doc = tomllib.loads(data)
        fields, name, address = doc["fields"], doc["name"], doc["address"]
        patterns = tuple((p["kind"], p["regex"]) for p in doc.get("patterns", []))
        rules = RedactionRules(
            placeholders=dict(doc["placeholders"]),
            labels=tuple(fields["labels"]),
            max_value_chars=int(fields["max_value_chars"]),
            patterns=patterns,
            street_words=tuple(address["street_words"]),
            postcodes=tuple(address["postcodes"]),
            not_name=frozenset(w.casefold() for w in name["not_name"]),
            honorifics=frozenset(w.casefold().replace(".", "") for w in name["honorifics"]),
            particles=frozenset(w.casefold() for w in name["particles"]),
            top_lines=int(name["top_lines"]),
            max_words=int(name["max_words"]),
            word_names=frozenset(fold(w) for w in name.get("word_names", [])),
            date_words=frozenset(fold(w) for w in name.get("date_words", [])),
            document_words=frozenset(fold(w) for w in name.get("document_words", [])),
            place_words=frozenset(fold(w) for w in name.get("place_words", [])),
            organisation_words=frozenset(fold(w) for w in name.get("organisation_words", [])),
            scan_lines=int(name.get("scan_lines", 40)),
            guess_lines=int(name.get("guess_lines", 20)),
        )
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(origin, f"not valid TOML ({error})") from error
    except (KeyError, TypeError, ValueError) as error:
        raise DataFileError(origin, f"missing or malformed entry ({error})") from error
    needed = {"name", "email", "phone", "link", "handle", "address", "personal", "id_number"}
    if not needed <= set(rules.placeholders):
        missing = ", ".join(sorted(needed - set(rules.placeholders)))
        raise DataFileError(origin, f"[placeholders] lacks {missing}")
    for kind, regex in (*rules.patterns, *(("postcode", p) for p in rules.postcodes)):
        try:
            re.compile(regex)
        except re.error as error:
            raise DataFileError(origin, f"pattern of kind {kind!r} is invalid ({error})") from error
    return rules


@lru_cache(maxsize=1)
def load_rules() -> RedactionRules:
    """The shipped rules, read once per process."""
    return parse_rules((lexicon_files() / "redaction.toml").read_text(encoding="utf-8"))


def fold(word: str) -> str:
    """``word`` without accents, case-folded: how name words are compared.

    Recomposed afterwards, so that a Hangul syllable stays one character ("민준", not its jamo).
    """
    decomposed = unicodedata.normalize("NFKD", word)
    bare = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare).casefold()


def stop_words() -> frozenset[str]:
    """spaCy's English stop words."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """The shipped ordinary words: stop words, spoken languages, role titles, headings, skills."""
    from resume_fit.extract.listed import load_listed_rules
    from resume_fit.lexicon import load_lexicon
    from resume_fit.parse.settings import load_settings
    from resume_fit.roles import load_catalogue

    rules = load_rules()
    plain: set[str] = {fold(w) for w in stop_words()} | set(rules.not_name)
    plain |= load_listed_rules().spoken_languages  # "Portuguese" in a languages list
    for role in load_catalogue().values():
        for phrase in (role.name, *role.titles):
            plain.update(fold(w) for w in LETTERS.findall(phrase))
    for phrase in load_settings().headings:
        plain.update(fold(w) for w in LETTERS.findall(phrase))
    skills: set[str] = set()
    phrases: set[str] = set()
    for skill in load_lexicon().values():
        for form in skill.surface_forms:
            words = [fold(w) for w in LETTERS.findall(form)]
            skills.update(words)
            phrases.add(" ".join(words))
    plain -= rules.word_names | rules.date_words
    return Vocabulary(
        frozenset(w for w in plain if w),
        frozenset(w for w in skills if w),
        frozenset(p for p in phrases if p),
        dictionary(),
    )


@lru_cache(maxsize=1)
def dictionary() -> frozenset[str]:
    """The lower-case English words the extractor ships (``[fuzzy] known_words``)."""
    from resume_fit.extract.settings import load_settings, read_word_list

    return read_word_list(load_settings().known_words)


# ---------------------------------------------------------------------------------------------
# Patterns of contacts and numbers

LETTERS = re.compile(r"[^\W\d_]+")
EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
OBFUSCATED_EMAIL = re.compile(
    r"\b[\w.+-]+\s*(?:\(at\)|\[at\]|\{at\}|\s+at\s+)\s*[\w-]+\s*"
    r"(?:\(dot\)|\[dot\]|\{dot\}|\s+dot\s+)\s*[a-z]{2,6}\b",
    re.IGNORECASE,
)
URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s|,;<>()\[\]\"']+", re.IGNORECASE)
_TLDS = (
    "com|org|net|io|dev|me|ai|co|edu|info|xyz|app|page|site|tech|blog|online|ca|uk|de|fr|"
    "in|au|nl|es|it|ch|se|eu|us|ly|to|sh|gg|so|cc|tv|id|ru|br|jp|cn"
)
# Bare domains ("janedoe.dev", "linkedin.com/in/jane"): lower-case only, so "ASP.NET" is safe.
DOMAIN = re.compile(
    rf"(?<![\w@./-])(?:[a-z0-9][a-z0-9-]*\.)+(?:{_TLDS})\b(?:/[^\s|,;<>()\[\]\"']*)?"
)
HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_][A-Za-z0-9_.]{1,30}")


@lru_cache(maxsize=1)
def compiled() -> dict[str, Any]:
    """The rules' labelled fields, statements, street addresses and postcodes, compiled once."""
    rules = load_rules()
    labels = sorted(rules.labels, key=len, reverse=True)
    label_alternatives = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)
    street = "|".join(re.escape(w) for w in sorted(rules.street_words, key=len, reverse=True))
    value = rf"[^|\n;•·]{{0,{rules.max_value_chars}}}"
    return {
        "field": re.compile(
            rf"(?<![\w-])(?:{label_alternatives})\.?\s*[:：]\s*{value}",
            re.IGNORECASE,
        ),
        "patterns": tuple(
            (kind, re.compile(regex, re.IGNORECASE)) for kind, regex in rules.patterns
        ),
        "street": re.compile(
            rf"\b\d{{1,5}}[a-z]?,?\s+(?:[^\W\d_][\w'’.-]*\s+){{0,4}}(?:{street})\b\.?"
            rf"|\b(?:{street})\.?\s+(?:[^\W\d_][\w'’.-]*\s+){{0,3}}\d{{1,5}}[a-z]?\b",
            re.IGNORECASE,
        ),
        "postcodes": tuple(re.compile(p) for p in rules.postcodes),
    }
