"""Blind screening: remove personal data from a report without changing what it says about skills.

Two steps, both pure:

1. ``find_identity(resume)`` (``report.identity``) reads, from the document itself, who the person
   is: name words, e-mail addresses, profile handles and links. Nothing is looked up.
2. ``redact_report(report, identity)`` returns a copy of the report (``dataclasses.replace``, never
   a second pipeline run) in which every free text taken from the document (evidence snippets,
   position titles and employers, degree lines, headlines, warnings, notes, explanations) has the
   name (wherever it recurs), e-mail addresses, phone numbers, links, handles, postal addresses,
   dates of birth and ages, gender, marital status, nationality, religion and identifiers replaced
   by placeholders, and the source path by a pseudonym. Skill ids and names, evidence words, role
   names, scores and the learning plan come from the lexicon and catalogue and are kept as they are;
   an evidence snippet keeps its skill words whole and is masked around them.

Name words that are also ordinary words or skill names ("Grace", "Will", "Julia") are masked
wherever they are written as a name is: with a capital letter or in capitals, as a whole word
("Grace", "GRACE", "Grace's"), or joined to another name word ("grace.hunter", "grace_hunter",
"GraceHunter"). Written in lower case on their own ("by the grace of", "will") they are the word,
not the name, and stay. Two exceptions keep a capitalised one: a month beside a number is a date
("April 2021"), and inside an evidence snippet the skill words the evidence matched stay whole
(skills never change with redaction) unless they are written beside another name word, where they
are the name ("Grace Hunter" read as the skill Grace). In a match report the posting is not the
candidate's document: there a lone word-like name word is the word (the posting's "Swift"), and only
a written name (two name words together) or a distinctive name word is masked.

``redact_dataclass`` is the same transform for any frozen dataclass tree (a future report type
applies it with its own ``keep`` field names). What counts as personal data, the placeholders and
the words names are read with are data: ``lexicons/redaction.toml`` (``report.redaction_rules``).
Reports carry no images, so no photo can reach an output.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from resume_fit.report import GapReport
from resume_fit.report.identity import (
    PSEUDONYM_PREFIX,
    Identity,
    file_pseudonym,
    find_identity,
    pseudonym,
)
from resume_fit.report.redaction_rules import (
    DOMAIN,
    EMAIL,
    HANDLE,
    LETTERS,
    OBFUSCATED_EMAIL,
    PHONE,
    URL,
    RedactionRules,
    compiled,
    fold,
    is_phone,
    is_year,
    load_rules,
    parse_rules,
)

if TYPE_CHECKING:
    from resume_fit.report.match import MatchReport

__all__ = [
    "PSEUDONYM_PREFIX",
    "Identity",
    "RedactionRules",
    "file_pseudonym",
    "find_identity",
    "load_rules",
    "parse_rules",
    "pseudonym",
    "redact_dataclass",
    "redact_match",
    "redact_report",
    "redact_text",
]

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

# A number touching a snippet's "…" edge, at its end or its start.
_CUT_NUMBER = re.compile(r"(?P<head>(?:\+|\()?\d[\d\s().·/\-–]*)…$|^…(?P<tail>[\d\s().·/\-–]*\d)")
# What may stand between two words of one written name: "Jane Doe", "Doe-Smith", "Robert (Bob)".
_NAME_GAP = re.compile(r"^[\s.\-’'()\"“”‘]{1,4}$")
_DATE_AFTER = re.compile(r"^[\s.,'’/\-–]{0,3}\d")
_DATE_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?[\s.,/\-–]{0,3}$", re.IGNORECASE)


def redact_text(
    text: str,
    identity: Identity,
    keep: Iterable[str] = (),
    *,
    protect: frozenset[str] = frozenset(),
) -> str:
    """Mask the personal data in ``text``; the words in ``keep`` are never taken for a name.

    Args:
        text: Any free text taken from the document.
        identity: Whose name, addresses and handles to mask (``find_identity``).
        keep: Exact strings to leave whole (an evidence's skill words inside its snippet),
            except a name word among them written beside another name word ("Grace Hunter"
            where "Grace" was read as a skill). E-mail addresses, phone numbers and the other
            patterns are masked even where they overlap them: privacy wins.
        protect: Folded word-like name words that are kept where written alone, capitalised or
            not (a match report's posting: its "Swift" is the language, not the candidate).
            Next to another name word they are masked all the same.

    Returns:
        The text with placeholders (``[name]``, ``[email]``, ``[phone]`` ...); unchanged when it
        holds no personal data. Deterministic.
    """
    if not text:
        return text
    masked = _mask(text, identity)
    # Whole words only: the skill "C" keeps "C, Rust", not the "C" of "Chris".
    kept = [
        (m.start(), m.end())
        for word in keep
        if word
        for m in re.finditer(rf"(?<!\w){re.escape(word)}(?!\w)", masked)
    ]
    return _mask_names(masked, identity, protect, kept)


def _mask(text: str, identity: Identity) -> str:
    rules = load_rules()
    place = rules.placeholders
    patterns = compiled()
    if identity.source:
        for form in (identity.source, Path(identity.source).name):  # the longer first
            if form and len(form) > 3:
                text = text.replace(form, identity.pseudonym)
    text = EMAIL.sub(place["email"], text)
    text = OBFUSCATED_EMAIL.sub(place["email"], text)
    text = URL.sub(place["link"], text)
    text = DOMAIN.sub(place["link"], text)
    for literal, kind in identity.literals:
        text = re.sub(rf"(?<!\w){re.escape(literal)}(?!\w)", place[kind], text, flags=re.I)
    text = patterns["field"].sub(lambda m: _keep_trailing_space(m[0], place["personal"]), text)
    for kind, pattern in patterns["patterns"]:
        text = pattern.sub(place["id_number" if kind == "id_number" else "personal"], text)
    text = PHONE.sub(lambda m: place["phone"] if is_phone(m[0]) else m[0], text)
    text = _CUT_NUMBER.sub(lambda m: _cut_number(m, place["phone"]), text)
    text = patterns["street"].sub(place["address"], text)
    for postcode in patterns["postcodes"]:
        text = postcode.sub(place["address"], text)
    return HANDLE.sub(place["handle"], text)


def _cut_number(match: re.Match[str], placeholder: str) -> str:
    """A number cut by a snippet's edge ("call 0117…") may be part of a phone: mask it."""
    number = match["head"] or match["tail"]
    groups = re.findall(r"\d+", number)
    if sum(map(len, groups)) < 4 or all(is_year(g) or len(g) <= 2 for g in groups):
        return match[0]
    return match[0].replace(number, placeholder)


def _keep_trailing_space(matched: str, placeholder: str) -> str:
    return placeholder + matched[len(matched.rstrip()) :]


_STRONG, _WEAK = 2, 1
# Letters written one by one, as a letter-spaced header is ("J A N E   D O E").
_SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){2,}[^\W\d_](?!\S)")
# What joins the words of one handle, file name or local part: "grace.hunter", "grace_hunter".
_JOINER = re.compile(r"^[._\-]$")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def _mask_names(
    text: str, identity: Identity, protect: frozenset[str], kept: list[tuple[int, int]]
) -> str:
    """Mask name words: distinctive ones in any case, word-like ones as the module docstring says.

    Words inside a ``kept`` span stay, unless written beside another name word (and they
    still make their neighbours a written name).
    """
    if not identity.name_tokens and not identity.capitalised_tokens:
        return text
    rules = load_rules()
    placeholder = rules.placeholders["name"]
    every = identity.name_tokens | identity.capitalised_tokens
    caseless = sorted((t for t in identity.name_tokens if len(t) >= 2 and _caseless(t)),
                      key=len, reverse=True)  # fmt: skip
    if caseless:  # scripts without spaces between words: "王小明负责"
        alternatives = "|".join(re.escape(t) for t in caseless)
        text, kept = _replace_outside(text, kept, re.compile(alternatives), lambda _: placeholder)
    text, kept = _replace_outside(
        text,
        kept,
        _SPACED,
        lambda m: placeholder if _is_name(fold(m[0].replace(" ", "")), every) else m[0],
    )
    matches = list(LETTERS.finditer(text))
    kinds = [_kind(m[0], identity, every) for m in matches]
    masked: list[tuple[int, int]] = []
    for index, (match, kind) in enumerate(zip(matches, kinds, strict=True)):
        if any(start < match.end() and match.start() < end for start, end in kept):
            # A skill word the evidence matched stays, unless it is written as part of the name.
            if kind and _beside_name(text, matches, kinds, index):
                masked.append(match.span())
            continue
        if kind == _STRONG or (
            kind == _WEAK
            and (
                _beside_name(text, matches, kinds, index)
                or not _kept_alone(text, match, rules, protect)
            )
        ):
            masked.append(match.span())
        elif not kind and fold(match[0]) in identity.capitalised_tokens:
            if _joined_to_name(text, matches, index, every):
                masked.append(
                    match.span()
                )  # "grace.hunter", "hunter_grace" in a handle or file name
        elif not kind:
            masked += _camel_parts(match, identity)  # "GraceHunterDemo", "OkaforLabs"
    out, last = [], 0
    for start, end in masked:
        out += [text[last:start], placeholder]
        last = end
    result = "".join(out) + text[last:]
    # "[name] [name]" -> "[name]": one placeholder per written name.
    run = re.escape(placeholder)
    result = re.sub(rf"(?<![^\W\d_])[^\W\d_]['’]{run}", placeholder, result)  # "O'Neil"
    return re.sub(rf"{run}(?:[\s.\-’'_]*{run})+", placeholder, result)


def _camel_parts(match: re.Match[str], identity: Identity) -> list[tuple[int, int]]:
    """The name words of a camel-case word: two or more, or one distinctive ("OkaforLabs").

    One word-like name word in a compound is the word ("PageRank" for Will Page).
    """
    word = match[0]
    if word.islower() or word.isupper() or not any(c.isupper() for c in word[1:]):
        return []
    parts = [(p, fold(p[0])) for p in _CAMEL.finditer(word)]
    strong = [p for p, f in parts if f in identity.name_tokens]
    named = [p for p, f in parts if f in identity.name_tokens | identity.capitalised_tokens]
    if not strong and len(named) < 2:
        return []
    return [(match.start() + p.start(), match.start() + p.end()) for p in named]


def _replace_outside(
    text: str,
    kept: list[tuple[int, int]],
    pattern: re.Pattern[str],
    replace: Callable[[re.Match[str]], str],
) -> tuple[str, list[tuple[int, int]]]:
    """``pattern`` replaced outside the ``kept`` spans, and the spans where they now are."""
    out: list[str] = []
    last = 0
    shifts: list[tuple[int, int]] = []  # (offset in the old text, change in length from there)
    for match in pattern.finditer(text):
        if any(start < match.end() and match.start() < end for start, end in kept):
            continue
        new = replace(match)
        if new == match[0]:
            continue
        out += [text[last : match.start()], new]
        last = match.end()
        shifts.append((match.end(), len(new) - len(match[0])))
    if not shifts:
        return text, kept

    def moved(offset: int) -> int:
        return offset + sum(change for at, change in shifts if at <= offset)

    return "".join(out) + text[last:], [(moved(s), moved(e)) for s, e in kept]


def _caseless(word: str) -> bool:
    """True for a word of a script without capital letters (Chinese, Japanese, Korean ...)."""
    return not any(c.isupper() or c.islower() for c in word)


def _is_name(folded: str, tokens: frozenset[str]) -> bool:
    return folded in tokens or (len(folded) >= 5 and _joined_from(folded, tokens))


def _kind(word: str, identity: Identity, every: frozenset[str]) -> int:
    folded = fold(word)
    if folded in identity.name_tokens:
        return _STRONG
    if folded in identity.capitalised_tokens:
        return _WEAK if word[0].isupper() or _caseless(word) else 0
    if len(folded) >= 5 and _joined_from(folded, every):
        return _STRONG  # "JaneDoe", "janedoe" in a handle
    return 0


def _beside_name(text: str, matches: list[re.Match[str]], kinds: list[int], index: int) -> bool:
    """True when a neighbouring word, across a space, hyphen or bracket only, is a name word."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(matches) and kinds[other]:
            left, right = sorted((matches[index], matches[other]), key=lambda m: m.start())
            if _NAME_GAP.match(text[left.end() : right.start()]):
                return True
    return False


def _joined_to_name(
    text: str, matches: list[re.Match[str]], index: int, every: frozenset[str]
) -> bool:
    """True when a neighbouring word, joined by one dot, underscore or hyphen, is a name word."""
    for other in (index - 1, index + 1):
        if 0 <= other < len(matches) and fold(matches[other][0]) in every:
            left, right = sorted((matches[index], matches[other]), key=lambda m: m.start())
            if _JOINER.match(text[left.end() : right.start()]):
                return True
    return False


def _kept_alone(
    text: str, match: re.Match[str], rules: RedactionRules, protect: frozenset[str]
) -> bool:
    """A lone word-like name word stays when it is a found skill or a month beside a number."""
    folded = fold(match[0])
    if folded in protect:
        return True
    if folded in rules.date_words:
        return bool(
            _DATE_AFTER.match(text[match.end() :]) or _DATE_BEFORE.search(text[: match.start()])
        )
    return False


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
# Redacting reports


def redact_dataclass(
    obj: T,
    identity: Identity,
    keep: frozenset[str] = GAP_REPORT_KEEP,
    *,
    protect: frozenset[str] = frozenset(),
) -> T:
    """Mask the personal data in every string of a frozen dataclass tree.

    Args:
        obj: A dataclass instance (or a tuple, string or other value inside one).
        identity: Whose data to mask.
        keep: Field names whose values are vocabulary (ids, names, kinds) and stay as they are.
        protect: As for ``redact_text``.

    Returns:
        A copy made with ``dataclasses.replace`` wherever something changed; ``obj`` itself when
        nothing did.
    """
    return _walk(obj, lambda text: redact_text(text, identity, protect=protect), keep)


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
    learning plan are unchanged; explanations change only where they quote personal data. Every
    other text is the document's: a name word there is masked wherever it is written as a name,
    and an evidence snippet keeps only its own skill words (``redact_text``'s ``keep``).
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
    posting's own words) are vocabulary and stay; the profile's free texts and the warnings are
    the resume's and are masked as a gap report's are. The posting is not the candidate's
    document: its texts lose contacts, the candidate's distinctive name words and any written
    name, while a lone word-like name word there is the word ("Swift" the language, "Chase" the
    bank) and stays. The source becomes the pseudonym.
    """
    keep = GAP_REPORT_KEEP | {"source", "evidence"}
    rest = redact_dataclass(report, identity, keep)

    def posting_side(value: T) -> T:
        return redact_dataclass(value, identity, keep, protect=identity.capitalised_tokens)

    fit = dataclasses.replace(
        rest.fit,
        title=posting_side(report.fit.title),
        source=posting_side(report.fit.source),
        requirements=posting_side(report.fit.requirements),
        unrecognised=posting_side(report.fit.unrecognised),
    )
    return dataclasses.replace(
        rest, source=identity.pseudonym, posting=posting_side(report.posting), fit=fit
    )
