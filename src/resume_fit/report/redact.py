"""Blind screening: remove personal data from a report without changing what it says about skills.

Two steps, both pure:

1. ``find_identity(resume)`` reads, from the document itself, who the person is: the name (a
   name-shaped line among the first lines, corroborated by the e-mail's local part, profile links
   or the file name), the e-mail addresses, profile handles and links. Nothing is looked up.
2. ``redact_report(report, identity)`` returns a copy of the report (``dataclasses.replace``, never
   a second pipeline run) in which every free text taken from the document (evidence snippets,
   position titles and employers, degree lines, headlines, warnings, notes, explanations) has the
   name (wherever it recurs), e-mail addresses, phone numbers, links, handles, postal addresses,
   dates of birth and ages, gender, marital status, nationality, religion and identifiers replaced
   by placeholders, and the source path by a pseudonym. Skill ids and names, evidence words, role
   names, scores and the learning plan come from the lexicon and catalogue and are kept as they are;
   an evidence snippet keeps its skill words whole and is masked around them.

``redact_dataclass`` is the same transform for any frozen dataclass tree (a future report type
applies it with its own ``keep`` field names). What counts as personal data, the placeholders and
the words names are read with are data: ``lexicons/redaction.toml``. Reports carry no images, so
no photo can reach an output.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
import tomllib
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from resume_fit.config import lexicon_files
from resume_fit.errors import DataFileError
from resume_fit.parse.resume_text import ResumeText
from resume_fit.report import GapReport

if TYPE_CHECKING:
    from resume_fit.report.match import MatchReport

__all__ = [
    "PSEUDONYM_PREFIX",
    "Identity",
    "RedactionRules",
    "file_pseudonym",
    "find_identity",
    "load_rules",
    "pseudonym",
    "redact_dataclass",
    "redact_match",
    "redact_report",
    "redact_text",
]

_ORIGIN = "lexicons/redaction.toml"
PSEUDONYM_PREFIX = "cand-"
_PSEUDONYM_HEX = 12

# Fields whose values come from the lexicon, the catalogue or the program, never from the document:
# kept as they are (and so unchanged by redaction, which a test checks).
GAP_REPORT_KEEP = frozenset(
    {
        "id", "name", "category", "kind", "section", "method", "options", "label", "met_by",
        "via", "usage", "option", "matched", "missing", "missing_required", "missing_preferred",
        "level", "highest", "seniority", "last_used", "format", "verdict", "names", "skills",
        "plan", "reference_date", "lexicon_version", "catalogue_version", "weak_fit",
    }
)  # fmt: skip

T = TypeVar("T")


@dataclass(frozen=True)
class RedactionRules:
    """What ``lexicons/redaction.toml`` says: placeholders, field labels, patterns, name words."""

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


@dataclass(frozen=True)
class Identity:
    """Who a document is about, as read from the document itself.

    Attributes:
        pseudonym: What the source path becomes (``cand-`` and a hash prefix of the content).
        name_tokens: Folded name words (case and accents ignored) masked in any letter case.
        capitalised_tokens: Folded name words that are also ordinary words ("Will", "Rose"):
            masked only where written with a capital letter.
        literals: ``(exact text, placeholder kind)`` found in the document (e-mail addresses,
            handles, profile links), masked wherever they recur, case-insensitively.
        source: The original source path, masked (with its file name) wherever it recurs.
    """

    pseudonym: str
    name_tokens: frozenset[str] = frozenset()
    capitalised_tokens: frozenset[str] = frozenset()
    literals: tuple[tuple[str, str], ...] = ()
    source: str = ""


# ---------------------------------------------------------------------------------------------
# Data


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


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Folded words that are not names on their own: skill words, role titles, headings, stop words.

    A name line made mostly of these is a title or a heading, and a name word among them is masked
    only where it is capitalised.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    from resume_fit.lexicon import load_lexicon
    from resume_fit.parse.settings import load_settings
    from resume_fit.roles import load_catalogue

    words: set[str] = {fold(w) for w in STOP_WORDS}
    for skill in load_lexicon().values():
        for form in skill.surface_forms:
            words.update(fold(w) for w in _LETTERS.findall(form))
    for role in load_catalogue().values():
        for phrase in (role.name, *role.titles):
            words.update(fold(w) for w in _LETTERS.findall(phrase))
    for phrase in load_settings().headings:
        words.update(fold(w) for w in _LETTERS.findall(phrase))
    words.update(load_rules().not_name)
    return frozenset(w for w in words if w)


def _stop_words() -> frozenset[str]:
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


def fold(word: str) -> str:
    """``word`` without accents, case-folded: how name words are compared."""
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


# ---------------------------------------------------------------------------------------------
# Pseudonyms


def pseudonym(sha256_hex: str) -> str:
    """The stable pseudonym of a document whose content hashes to ``sha256_hex``."""
    return PSEUDONYM_PREFIX + sha256_hex[:_PSEUDONYM_HEX]


def file_pseudonym(path: str | Path) -> str:
    """The pseudonym of a file, from a hash of its bytes (the same one a batch row gets)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return pseudonym(digest.hexdigest())


# ---------------------------------------------------------------------------------------------
# Patterns

_LETTERS = re.compile(r"[^\W\d_]+")
_EMAIL = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.UNICODE)
_OBFUSCATED_EMAIL = re.compile(
    r"\b[\w.+-]+\s*(?:\(at\)|\[at\]|\{at\}|\s+at\s+)\s*[\w-]+\s*"
    r"(?:\(dot\)|\[dot\]|\{dot\}|\s+dot\s+)\s*[a-z]{2,6}\b",
    re.IGNORECASE,
)
_URL = re.compile(r"(?:\b(?:https?|ftp)://|\bwww\.)[^\s|,;<>()\[\]\"']+", re.IGNORECASE)
_TLDS = (
    "com|org|net|io|dev|me|ai|co|edu|info|xyz|app|page|site|tech|blog|online|ca|uk|de|fr|"
    "in|au|nl|es|it|ch|se|eu|us|ly|to|sh|gg|so|cc|tv|id|ru|br|jp|cn"
)
# Bare domains ("janedoe.dev", "linkedin.com/in/jane"): lower-case only, so "ASP.NET" is safe.
_DOMAIN = re.compile(
    rf"(?<![\w@./-])(?:[a-z0-9][a-z0-9-]*\.)+(?:{_TLDS})\b(?:/[^\s|,;<>()\[\]\"']*)?"
)
_HANDLE = re.compile(r"(?<![\w@])@[A-Za-z0-9_][A-Za-z0-9_.]{1,30}")
# Not after a letter, dot or slash: "10.1103/PhysRevD.103.036020" is a DOI, not a number to call.
_PHONE = re.compile(
    r"(?<![\w./])(?:\+|\b00|\()?\d[\d\s().·/\-–]{5,24}\d(?:\s*(?:ext\.?|x)\s*\d{1,5})?"
)
_YEAR_GROUP = re.compile(r"^(?:19|20)\d{2}$")
# A number touching a snippet's "…" edge, at its end or its start.
_CUT_NUMBER = re.compile(r"(?P<head>(?:\+|\()?\d[\d\s().·/\-–]*)…$|^…(?P<tail>[\d\s().·/\-–]*\d)")
_CITED_YEAR = re.compile(r"\((?:19|20)\d{2}(?:\)|$)")
_DATE_SHAPE = re.compile(r"^\d{1,4}[./-]\d{1,2}[./-]\d{1,4}$")
_SEPARATORS = re.compile(r"\s*(?:[|•·,;/–—]|\s-\s|\t|\s{3,})\s*")
_SPACED_LETTERS = re.compile(r"(?<!\S)(?:[^\W\d_] ){2,}[^\W\d_](?!\S)")
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’\-.][^\W\d_]+)*\.?$")
_NAME_LABEL = re.compile(r"^\s*(?:full\s+)?name\s*[:：]\s*(.+)$", re.IGNORECASE)
_HANDLE_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_PROFILE_SLUG = re.compile(
    r"(?:linkedin\.com/(?:in|pub)|github\.com|gitlab\.com|twitter\.com|x\.com|medium\.com/@?|"
    r"kaggle\.com|behance\.net|dribbble\.com|stackoverflow\.com/users/\d+|instagram\.com|"
    r"facebook\.com|orcid\.org|scholar\.google\.[a-z.]+/citations\?user=)/?([\w.\-]+)",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def _compiled() -> dict[str, Any]:
    rules = load_rules()
    labels = sorted(rules.labels, key=len, reverse=True)
    label_alternatives = "|".join(re.escape(label).replace(r"\ ", r"\s+") for label in labels)
    street = "|".join(re.escape(w) for w in sorted(rules.street_words, key=len, reverse=True))
    return {
        "field": re.compile(
            rf"(?<![\w-])(?:{label_alternatives})\.?\s*[:：]\s*[^|\n;•·]{{0,{rules.max_value_chars}}}",
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


def _is_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    plus = candidate.lstrip().startswith(("+", "(", "00"))
    if not (9 <= len(digits) <= 16 or (plus and 7 <= len(digits) <= 16)):
        return False
    groups = re.findall(r"\d+", candidate)
    if all(_YEAR_GROUP.match(g) for g in groups):
        return False  # "2019 - 2021", "2018 2019 2020"
    if _CITED_YEAR.search(candidate):
        return False  # "103, 035003 (2021)": a journal citation
    compact = re.sub(r"\s+", "", candidate)
    if _DATE_SHAPE.match(compact):
        return False
    # Year ranges and dates next to each other ("2019-2021 2021-2023", "01/2019 - 03/2021").
    return not all(_YEAR_GROUP.match(g) or len(g) <= 2 for g in groups)


# ---------------------------------------------------------------------------------------------
# Redacting text


def redact_text(text: str, identity: Identity, keep: Iterable[str] = ()) -> str:
    """Mask the personal data in ``text``; the words in ``keep`` are never taken for a name.

    Args:
        text: Any free text taken from the document.
        identity: Whose name, addresses and handles to mask (``find_identity``).
        keep: Words to protect from name masking (an evidence's skill words inside its snippet,
            "Julia" the language beside Julia the person). E-mail addresses, phone numbers and
            the other patterns are masked even where they overlap them: privacy wins.

    Returns:
        The text with placeholders (``[name]``, ``[email]``, ``[phone]`` ...); unchanged when it
        holds no personal data. Deterministic.
    """
    if not text:
        return text
    return _mask_names_around(_mask(text, identity), identity, tuple(w for w in keep if w))


def _mask_names_around(text: str, identity: Identity, keep: tuple[str, ...]) -> str:
    placeholder = load_rules().placeholders["name"]
    for word in keep:
        if word in text:
            left, right = text.split(word, 1)
            return (
                _mask_names(left, identity, placeholder)
                + word
                + _mask_names_around(right, identity, keep)
            )
    return _mask_names(text, identity, placeholder)


def _mask(text: str, identity: Identity) -> str:
    rules = load_rules()
    place = rules.placeholders
    compiled = _compiled()
    if identity.source:
        for form in (identity.source, Path(identity.source).name):  # the longer first
            if form and len(form) > 3:
                text = text.replace(form, identity.pseudonym)
    text = _EMAIL.sub(place["email"], text)
    text = _OBFUSCATED_EMAIL.sub(place["email"], text)
    text = _URL.sub(place["link"], text)
    text = _DOMAIN.sub(place["link"], text)
    for literal, kind in identity.literals:
        text = re.sub(rf"(?<!\w){re.escape(literal)}(?!\w)", place[kind], text, flags=re.I)
    text = compiled["field"].sub(lambda m: _keep_trailing_space(m[0], place["personal"]), text)
    for kind, pattern in compiled["patterns"]:
        text = pattern.sub(place["id_number" if kind == "id_number" else "personal"], text)
    text = _PHONE.sub(lambda m: place["phone"] if _is_phone(m[0]) else m[0], text)
    text = _CUT_NUMBER.sub(lambda m: _cut_number(m, place["phone"]), text)
    text = compiled["street"].sub(place["address"], text)
    for postcode in compiled["postcodes"]:
        text = postcode.sub(place["address"], text)
    return _HANDLE.sub(place["handle"], text)


def _cut_number(match: re.Match[str], placeholder: str) -> str:
    """A number cut by a snippet's edge ("call 0117…") may be part of a phone: mask it."""
    number = match["head"] or match["tail"]
    groups = re.findall(r"\d+", number)
    if sum(map(len, groups)) < 4 or all(_YEAR_GROUP.match(g) or len(g) <= 2 for g in groups):
        return match[0]
    return match[0].replace(number, placeholder)


def _keep_trailing_space(matched: str, placeholder: str) -> str:
    return placeholder + matched[len(matched.rstrip()) :]


def _mask_names(text: str, identity: Identity, placeholder: str) -> str:
    if not identity.name_tokens and not identity.capitalised_tokens:
        return text
    every = identity.name_tokens | identity.capitalised_tokens

    def replace(match: re.Match[str]) -> str:
        word = match[0]
        folded = fold(word)
        if folded in identity.name_tokens:
            return placeholder
        if folded in identity.capitalised_tokens and word[0].isupper():
            return placeholder
        if len(folded) >= 5 and _joined_from(folded, every):
            return placeholder  # "JaneDoe", "janedoe" in a handle
        return word

    masked = _LETTERS.sub(replace, text)
    # "[name] [name]" -> "[name]": one placeholder per written name.
    run = re.escape(placeholder)
    return re.sub(rf"{run}(?:[\s.\-’']+{run})+", placeholder, masked)


def _joined_from(word: str, tokens: frozenset[str]) -> bool:
    """True when ``word`` is two or more of ``tokens`` written together."""
    reachable = {0: 0}
    for start in range(len(word)):
        if start not in reachable:
            continue
        for token in tokens:
            if len(token) >= 2 and word.startswith(token, start):
                end = start + len(token)
                reachable[end] = max(reachable.get(end, 0), reachable[start] + 1)
    return reachable.get(len(word), 0) >= 2


# ---------------------------------------------------------------------------------------------
# Finding the identity


def find_identity(
    resume: ResumeText,
    pseudonym_text: str | None = None,
    *,
    vocabulary: frozenset[str] | None = None,
) -> Identity:
    """Read who a document is about from the document itself.

    The name is the first name-shaped segment of the first ``top_lines`` lines (2 to ``max_words``
    capitalised words, or a "Name:" field), preferring one that the e-mail's local part, a profile
    link or the file name corroborates, and never one made mostly of skill, title or heading words.
    Words of the e-mail local parts and profile links that are not ordinary words are name words
    too; so are the file name's, when an e-mail or link has them as well or no name line was found
    ("account_manager_cv.pdf" names a job, not a person). Bare handles are read from contact lines
    (lines with an address, a number or a link).

    Args:
        resume: The parsed document (its text, links and source path).
        pseudonym_text: The pseudonym for the source; by default one from a hash of the text.
        vocabulary: Folded ordinary words (``common_words()`` by default; tests pass a small set).

    Returns:
        The identity to pass to ``redact_text`` / ``redact_report``.
    """
    rules = load_rules()
    common = common_words() if vocabulary is None else vocabulary | rules.not_name | _stop_words()
    text = resume.text
    top = [line for line in text.splitlines() if line.strip()][: rules.top_lines]
    top = [_SPACED_LETTERS.sub(lambda m: m[0].replace(" ", ""), line) for line in top]

    literals: dict[str, str] = {}
    emails = set(_EMAIL.findall(text))
    emails.update(
        link.url.split(":", 1)[1].split("?")[0]
        for link in resume.links
        if link.url.lower().startswith("mailto:")
    )
    for email in emails:
        literals[email] = "email"
    clue_tokens: set[str] = set()
    for email in emails:
        clue_tokens.update(_word_parts(email.split("@")[0]))
    urls = [link.url for link in resume.links if not link.url.lower().startswith("mailto:")]
    urls += _URL.findall(text) + _DOMAIN.findall(text)
    for url in urls:
        for slug in _PROFILE_SLUG.findall(url):
            slug = slug.strip("./-")
            parts = _word_parts(slug)
            # "github.com/apache/airflow" names a project, not a person: skip ordinary words.
            if len(slug) >= 3 and not all(p in common for p in parts):
                literals[slug] = "handle"
                clue_tokens.update(parts)
    clue_tokens = {t for t in clue_tokens if len(t) >= 3 and t not in common}
    file_tokens = {t for t in _word_parts(Path(resume.source).stem) if len(t) >= 2}
    file_tokens -= common

    name_words = _name_line(top, rules, common, clue_tokens, file_tokens)
    for line in top:
        segments = _SEPARATORS.split(line.strip())
        # Only a contact line (one with an address, number or link in it) holds bare handles.
        if not any(_EMAIL.search(s) or _URL.search(s) or _DOMAIN.search(s) or _is_phone(s)
                   for s in segments):  # fmt: skip
            continue
        for segment in segments:
            if _HANDLE_SEGMENT.match(segment) and _looks_like_handle(segment, common):
                literals[segment] = "handle"

    tokens = set(name_words) | clue_tokens
    # With a name line, file-name words are name words only where they are its words (already in)
    # or an e-mail's or link's; without one, the uncommon ones are the best guess there is.
    tokens |= {t for t in file_tokens if t in clue_tokens or not name_words}
    tokens = {t for t in tokens if len(t) >= 2 and t not in rules.honorifics}
    tokens -= rules.particles
    return Identity(
        pseudonym=pseudonym_text or pseudonym(hashlib.sha256(text.encode("utf-8")).hexdigest()),
        name_tokens=frozenset(t for t in tokens if t not in common),
        capitalised_tokens=frozenset(t for t in tokens if t in common),
        literals=tuple(sorted(literals.items(), key=lambda item: (-len(item[0]), item[0]))),
        source=resume.source if resume.source != "<text>" else "",
    )


def _word_parts(text: str) -> set[str]:
    """Folded letter words of a file stem, handle or local part ("JaneDoe_cv" -> jane, doe, cv)."""
    parts: set[str] = set()
    for run in _LETTERS.findall(text):
        parts.add(fold(run))
        parts.update(fold(w) for w in _CAMEL.findall(run) if len(w) >= 2)
    return {p for p in parts if p}


def _looks_like_handle(segment: str, common: frozenset[str]) -> bool:
    """A one-word contact segment that is a user name: lower case or with digits, not a word."""
    if "@" in segment or _is_phone(segment) or segment.replace(".", "").isdigit():
        return False
    if segment.lower() != segment and not any(c.isdigit() for c in segment):
        return False
    words = [fold(w) for w in _LETTERS.findall(segment)]
    if not words or all(w in common for w in words):
        return False
    return len(segment) >= 5 or any(c.isdigit() or c in "._-" for c in segment)


def _name_line(
    top: list[str], rules: Any, common: frozenset[str], strong: set[str], weak: set[str]
) -> tuple[str, ...]:
    """The folded words of the name line, or () when none looks like a name.

    In order of preference: the first candidate that an e-mail or profile link corroborates
    (``strong``), the first capitalised one made of no ordinary word, the first one the file name
    corroborates (``weak``).
    """
    plain: tuple[str, ...] = ()
    by_file: tuple[str, ...] = ()
    for line in top:
        labelled = _NAME_LABEL.match(line)
        segments = [labelled[1]] if labelled else _SEPARATORS.split(line.strip())
        for segment in segments:
            words = _name_words(segment, rules)
            if not words:
                continue
            folded = tuple(fold(part) for w in words for part in _LETTERS.findall(w))
            share_common = sum(1 for w in folded if w in common) / len(folded)
            if share_common > 0.5:
                continue
            if _corroborated(folded, strong):
                return folded
            capitalised = all(w[0].isupper() for w in words)
            if not plain and capitalised and (share_common == 0 or labelled) and len(words) >= 2:
                plain = folded
            if not by_file and _corroborated(folded, weak):
                by_file = folded
    return plain or by_file


def _corroborated(words: tuple[str, ...], clues: set[str]) -> bool:
    joined = "".join(words)
    return bool(set(words) & clues) or any(
        joined in clue or (len(clue) >= 5 and clue in joined) for clue in clues
    )


def _name_words(segment: str, rules: Any) -> list[str]:
    """The content words of a segment shaped like a name (empty when it is not one)."""
    words = [w.strip(",.;:()") for w in segment.split()]
    words = [w for w in words if w]
    if not words or len(words) > rules.max_words + 3:
        return []
    content = []
    for word in words:
        folded = fold(word).replace(".", "")
        if folded in rules.honorifics or folded in rules.particles:
            continue
        if not _NAME_WORD.match(word):
            return []
        if len(folded) == 1:
            continue  # an initial
        content.append(word)
    if not 1 <= len(content) <= rules.max_words:
        return []
    lower = all(w.islower() for w in content)
    if not lower and not all(w[0].isupper() for w in content):
        return []
    return content


# ---------------------------------------------------------------------------------------------
# Redacting reports


def redact_dataclass(obj: T, identity: Identity, keep: frozenset[str] = GAP_REPORT_KEEP) -> T:
    """Mask the personal data in every string of a frozen dataclass tree.

    Args:
        obj: A dataclass instance (or a tuple, string or other value inside one).
        identity: Whose data to mask.
        keep: Field names whose values are vocabulary (ids, names, kinds) and stay as they are.

    Returns:
        A copy made with ``dataclasses.replace`` wherever something changed; ``obj`` itself when
        nothing did.
    """
    return _walk(obj, lambda text: redact_text(text, identity), keep)


def _walk(value: Any, mask: Callable[[str], str], keep: frozenset[str]) -> Any:
    if isinstance(value, str):
        return mask(value)
    if isinstance(value, tuple):
        items = tuple(_walk(v, mask, keep) for v in value)
        return value if items == value else items
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {}
        for field in dataclasses.fields(value):
            if field.name in keep:
                continue
            old = getattr(value, field.name)
            new = _walk(old, mask, keep)
            if new is not old and new != old:
                changes[field.name] = new
        return dataclasses.replace(value, **changes) if changes else value
    return value


def redact_report(report: GapReport, identity: Identity) -> GapReport:
    """The report with the personal data removed (see the module docstring).

    Skills (ids, names, evidence words and offsets), roles (scores, requirements, names) and the
    learning plan are unchanged; explanations change only where they quote personal data.
    """
    rest = redact_dataclass(report, identity, GAP_REPORT_KEEP | {"contexts", "source"})
    by_id = {skill.id: skill for skill in report.skills}
    contexts = []
    for skill_id, snippets in report.contexts:
        skill = by_id.get(skill_id)
        words = [e.text for e in skill.evidence] if skill else [""] * len(snippets)
        if len(words) != len(snippets):
            words = [""] * len(snippets)
        contexts.append(
            (
                skill_id,
                tuple(redact_text(s, identity, (w,)) for s, w in zip(snippets, words, strict=True)),
            )
        )
    return dataclasses.replace(rest, source=identity.pseudonym, contexts=tuple(contexts))


def redact_match(report: MatchReport, identity: Identity) -> MatchReport:
    """The match report with the candidate's personal data removed, its score unchanged.

    The resume's skills and the evidence of each requirement (skill words and offsets, or the
    posting's own words) are vocabulary and stay; the profile's free texts, warnings and the
    posting's other texts are masked like a gap report's; the source becomes the pseudonym.
    """
    rest = redact_dataclass(report, identity, GAP_REPORT_KEEP | {"source", "evidence"})
    return dataclasses.replace(rest, source=identity.pseudonym)
