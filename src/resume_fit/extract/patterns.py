"""The skill patterns: every surface form of every skill, found by its lower-cased token texts.

A form is stored under the lower-cased texts of the tokens the pipeline's tokenizer splits it
into (``str.lower()``, which is what spaCy's ``LOWER`` attribute is), so "PyTorch", "pytorch"
and "PYTORCH" are one key. ``PatternIndex.find`` walks a document's lower-cased tokens and returns
every occurrence of every key: overlapping and nested ones too, and once per skill when skills
share a form. That is what spaCy's ``PhraseMatcher`` on ``LOWER`` returns (a test checks it).

Why not the ``PhraseMatcher`` itself: its patterns are ``Doc`` objects, one per form (11,520 for
the shipped lexicon), each creating lexemes with every lexical attribute. Loading the shipped
component took 0.9 s of CPU that way and takes 0.2 s with this index (spaCy 3.8, Python 3.11,
best of six), and matching a two-page resume is no slower (0.50 ms against 0.65 ms).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from resume_fit.extract.ambiguity import form_class
from resume_fit.extract.settings import ExtractSettings, read_word_list

_HYPHENABLE = re.compile(r"[A-Za-z0-9]+( [A-Za-z0-9]+){1,3}")
_ACRONYM_FORM = re.compile(r"[A-Z][A-Z0-9&]{1,5}s?")
# One word with capitals inside it as well as small letters: "SAFe", "MoSCoW", "DevOps".
_MIXED_CASE_FORM = re.compile(r"[A-Za-z](?=[a-z]*[A-Z])(?=.*[a-z])[A-Za-z]+")

# Bump when ``PatternIndex.to_state`` output changes shape or meaning: saved indexes of another
# format are rebuilt from the skills on load.
STATE_FORMAT = 4

# Joins a key's token texts into the one string a saved index stores it under. Pattern tokens
# never hold it (``to_state`` checks).
KEY_SEPARATOR = "\x1f"

# A pattern's token texts and whether a space follows each.
Tokens = tuple[tuple[str, ...], tuple[bool, ...]]


@dataclass(frozen=True)
class SkillEntry:
    """What the component keeps of one lexicon skill.

    Attributes:
        id: Canonical skill id.
        name: Display name.
        category: Lexicon category.
        forms: The name followed by the aliases.
        ambiguous: The lexicon's ambiguity flag.
        context: Corroborating context words, case-folded.
        guarded_forms: The forms that need corroboration (``Skill.needs_context``).
    """

    id: str
    name: str
    category: str
    forms: tuple[str, ...]
    ambiguous: bool = False
    context: tuple[str, ...] = ()
    guarded_forms: tuple[str, ...] = ()


class FormInfo(NamedTuple):
    """What one skill's forms sharing a key say about a match of that key.

    Attributes:
        is_name: One of the forms is the skill's name (an "exact" match, else "alias").
        form_class: The ambiguity class (``ambiguity.FORM_CLASSES``); "plain" wins.
        case_keys: The token texts in each case the lexicon accepts.
        any_case: An all-lower-case spelling is among ``case_keys``, so any case fits.
    """

    is_name: bool
    form_class: str
    case_keys: frozenset[tuple[str, ...]]
    any_case: bool


def written_forms(entry: SkillEntry) -> Iterator[tuple[str, str]]:
    """Yield ``(form, written)``: each form as written, then its tag-style spelling if any, then
    its lower-case spelling where case may change how the tokenizer splits it.

    Tag-style writing joins two to four plain words with hyphens: "amazon-web-services". The
    tokenizer splits "Socket.IO" at the full stop before a capital and "CP2K" before the last
    letter, but keeps "Socket.io" and "cp2k" whole: the lower-case spelling gives the key those
    are written under (``PatternIndex`` keeps it only when it is a different key).
    """
    for form in entry.forms:
        yield form, form
        if _HYPHENABLE.fullmatch(form):
            yield form, "-".join(form.split())
        if _CASE_SPLIT.search(form):
            yield form, form.lower()


# Where the tokenizer splits a name in one case and not in another: a full stop before a capital
# ("Socket.IO", "DeepLearning.AI") or a capital after a digit ("CP2K", "GSM8K").
_CASE_SPLIT = re.compile(r"[A-Za-z0-9]\.[A-Z]|[0-9][A-Z]")
_PLURAL_TAIL = re.compile(r"[a-z]{3,}")
# Last words that have no plural or singular to add ("analysis", "physics", "status").
_UNCOUNTED = ("ss", "us", "is", "ics", "ing", "ed", "ware", "data", "ops")


def _inflect(word: str) -> tuple[str, int, str] | None:
    """The other number of a lower-case noun, as (word, letters to drop, letters to add)."""
    if word.endswith(_UNCOUNTED) or not _PLURAL_TAIL.fullmatch(word):
        return None
    if word.endswith("ies"):
        return word[:-3] + "y", 3, "y"
    if word.endswith(("sses", "ches", "shes", "xes")):
        return word[:-2], 2, ""
    if word.endswith("s"):
        return word[:-1], 1, ""
    if word.endswith("y") and word[-2] not in "aeiou":
        return word[:-1] + "ies", 1, "ies"
    if word.endswith(("ch", "sh", "x")):
        return word + "es", 0, "es"
    return word + "s", 0, "s"


def _retail(token: str, drop: int, add: str) -> str:
    """``token`` with ``drop`` letters replaced by ``add``, in the token's own case."""
    stem = token[: len(token) - drop] if drop else token
    return stem + (add.upper() if token.isupper() else add)


def _uninflected(settings: ExtractSettings) -> frozenset[str]:
    """Last words never put in the other number: people ("product managers" are colleagues, not
    product management) and the nouns that label a group of skills ("Programming Languages:",
    "ML frameworks"), in both numbers."""
    words = {*settings.usage_title_words, *settings.list_labels, *settings.usage_people_words}
    other = (_inflect(w) for w in words)
    return frozenset(words | {o[0] for o in other if o is not None})


def surface_variants(
    key: tuple[str, ...], uninflected: frozenset[str] = frozenset()
) -> list[tuple[tuple[str, ...], Callable[[tuple[str, ...]], tuple[str, ...]]]]:
    """Other spellings of a multi-word key that name the same skill, each with the function that
    turns a case key of the form into the variant's.

    - The last word in the other number: "data pipelines" / "data pipeline", "recommendation
      system" / "recommendation systems", "technologies" / "technology". Only for phrases of two
      words or more, whose last word is a plain noun of three letters or more: a one-word name
      in the plural is often a product ("Pandas", "Jenkins").
    - A last word in "-ing" written as done: "web scraped" / "web scraping", "unit tested" /
      "unit testing", "feature engineered" / "feature engineering".
    - A hyphen between two words written as a space: "real-time analytics" / "real time
      analytics" (the tag-style hyphens of ``written_forms`` give the other way).
    """
    out: list[tuple[tuple[str, ...], Callable[[tuple[str, ...]], tuple[str, ...]]]] = []
    if len(key) >= 2 and key[-1] not in uninflected:
        inflected = _inflect(key[-1])
        if inflected is not None:
            word, drop, add = inflected

            def number(case: tuple[str, ...], drop: int = drop, add: str = add) -> tuple[str, ...]:
                return (*case[:-1], _retail(case[-1], drop, add))

            out.append(((*key[:-1], word), number))
        elif key[-1].endswith("ing") and len(key[-1]) >= 6 and key[-1].isalpha():

            def done(case: tuple[str, ...]) -> tuple[str, ...]:
                return (*case[:-1], _retail(case[-1], 3, "ed"))

            out.append(((*key[:-1], f"{key[-1][:-3]}ed"), done))
    hyphens = [
        i
        for i in range(1, len(key) - 1)
        if key[i] == "-"
        and key[i - 1].isalpha()
        and key[i + 1].isalpha()
        and len(key[i - 1]) > 1
        and len(key[i + 1]) > 1
    ]
    if hyphens and len(key) - len(hyphens) >= 2:
        drop_at = frozenset(hyphens)

        def spaced(case: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(t for i, t in enumerate(case) if i not in drop_at)

        out.append((spaced(key), spaced))
    return out


def _acronym_plural(key: tuple[str, ...]) -> tuple[str, ...] | None:
    """The plural key of a one-word acronym of three to five letters ("plc" -> "plcs"), else None.

    Shorter acronyms' plurals are words or other acronyms ("PMs" are product managers).
    """
    if len(key) != 1 or not 3 <= len(key[0]) <= 5 or not key[0].isalpha():
        return None
    return (key[0] + "s",)


def _case_key(words: tuple[str, ...], spelling: str) -> tuple[str, ...]:
    """The tokens ``words`` re-cased to ``spelling`` (same letters, maybe another case)."""
    key, at = [], 0
    folded = spelling.casefold()
    for word in words:
        at = folded.find(word.lower(), at)
        key.append(spelling[at : at + len(word)] if at >= 0 else word)
        at = at + len(word) if at >= 0 else 0
    return tuple(key)


Entry = tuple[tuple[str, FormInfo], ...]


def _decode(found: Any) -> Entry:
    """A saved key's ``[skill_id, is_name, form_class, case_keys, any_case]`` rows as entries."""
    info = FormInfo._make
    return tuple(
        (skill_id, info((is_name, form_class, frozenset(map(tuple, keys)), any_case)))
        for skill_id, is_name, form_class, keys, any_case in found
    )


def _encode(found: Entry) -> str:
    """The rows ``_decode`` reads back, as one compact JSON text."""
    rows = [
        [skill_id, info.is_name, info.form_class, sorted(info.case_keys), info.any_case]
        for skill_id, info in found
    ]
    return json.dumps(rows, ensure_ascii=False, separators=(",", ":"))


class _Entries:
    """The index's key -> entries map, decoding a saved key's rows the first time it is read.

    A saved index holds each key as its token texts joined by ``KEY_SEPARATOR`` and its rows as
    one JSON text (``_encode``): strings only, so reading the saved file makes two strings a key
    and no tuples or lists that the garbage collector would then scan.
    """

    __slots__ = ("_decoded", "_raw")

    def __init__(self, raw: dict[str, str]) -> None:
        self._raw = raw
        self._decoded: dict[tuple[str, ...], Entry] = {}

    @classmethod
    def decoded(cls, entries: dict[tuple[str, ...], Entry]) -> _Entries:
        """A map whose entries are already built (an index made from the skills)."""
        self = cls({})
        self._decoded = entries
        return self

    def get(self, key: tuple[str, ...], default: Entry = ()) -> Entry:
        found = self._decoded.get(key)
        if found is None:
            raw = self._raw.get(KEY_SEPARATOR.join(key))
            if raw is None:
                return default
            found = self._decoded[key] = _decode(json.loads(raw))
        return found

    def keys(self) -> Iterator[tuple[str, ...]]:
        yield from self._decoded.keys() | {tuple(k.split(KEY_SEPARATOR)) for k in self._raw}

    def items(self) -> Iterator[tuple[tuple[str, ...], Entry]]:
        for key in self.keys():
            yield key, self.get(key)

    def __len__(self) -> int:
        return sum(1 for _ in self.keys())


def _starts_of(index: _Entries) -> dict[str, tuple[bool, dict[str, tuple[int, ...]]]]:
    """By first token: whether the one-token key exists, and by second token the lengths of the
    longer keys, shortest first. Most tokens start no key, and most that start a longer key are
    not followed by its second token."""
    starts: dict[str, tuple[bool, dict[str, set[int]]]] = {}
    for key in index.keys():  # noqa: SIM118 (an _Entries, not a dict)
        single, follow = starts.setdefault(key[0], (False, {}))
        if len(key) == 1:
            starts[key[0]] = (True, follow)
        else:
            follow.setdefault(key[1], set()).add(len(key))
    return {
        first: (single, {second: tuple(sorted(sizes)) for second, sizes in follow.items()})
        for first, (single, follow) in starts.items()
    }


class PatternIndex:
    """The forms of a set of skills, keyed by lower-cased token texts.

    Args:
        entries: The skills, in id order.
        tokens: How the tokenizer splits each text ``written_forms`` yields.
        settings: Extractor settings (ambiguity classes, case-insensitive categories).

    Attributes:
        fuzzy_forms: ``(skill_id, form, is_name, plain)`` for every form as the lexicon writes it,
            for ``FuzzyResolver``.
    """

    def __init__(
        self, entries: Iterable[SkillEntry], tokens: dict[str, Tokens], settings: ExtractSettings
    ) -> None:
        # (skill id, key) -> [is_name, form_class, case keys, any_case], merged over the forms.
        # Plain lists and tuples until the end: this runs on every model load, for every form.
        merged: dict[tuple[str, tuple[str, ...]], list] = {}
        fuzzy_forms: list[tuple[str, str, bool, bool]] = []
        self._fuzzy_forms: list[tuple[str, str, bool, bool]] | None = fuzzy_forms
        self._fuzzy_text = ""
        case_free = frozenset(settings.case_insensitive_categories)
        english = read_word_list(settings.known_words)
        for entry in entries:
            name = entry.name.casefold()
            any_case_entry = entry.category in case_free
            for form, written in written_forms(entry):
                words = tokens[written][0]
                if not words:
                    continue
                if (
                    written != form
                    and written == form.lower()
                    and len(words) >= len(tokens[form][0])
                ):
                    continue  # the tokenizer splits it as it splits the form: nothing to add
                folded = form.casefold()
                spellings = [g for g in entry.guarded_forms if g.casefold() == folded]
                cls = form_class(form, bool(spellings), settings)
                is_name = folded == name
                key = tuple(map(str.lower, words))
                case_keys = [words]
                # An acronym of a common-noun skill ("DOE", "KPI") matches in capitals or in
                # lower case, never capitalised like a name ("John Doe").
                acronym = any_case_entry and _ACRONYM_FORM.fullmatch(form) is not None
                # ... unless in lower case it is an English word: "ran" is no RAN, "art" no ART.
                worded = acronym and folded in english
                # A name written with capitals inside it whose small-letter spelling is an
                # English word ("SAFe", "MoSCoW") is the name only as written or in capitals:
                # "a safe environment" is no Scaled Agile Framework.
                mixed = (
                    any_case_entry
                    and _MIXED_CASE_FORM.fullmatch(form) is not None
                    and folded in english
                )
                if mixed:
                    case_keys.append(tuple(w.upper() for w in words))
                any_case = (any_case_entry and not acronym and not mixed) or words == key
                if written == form:
                    for spelling in spellings:
                        spelled = _case_key(words, spelling)
                        case_keys.append(spelled)
                        any_case = any_case or spelled == tuple(map(str.lower, spelled))
                    fuzzy_forms.append((entry.id, form, is_name, cls == "plain"))
                if any_case_entry and not mixed and not worded:
                    case_keys.append(key)  # all lower case: any case matches
                slot = merged.get((entry.id, key))
                if slot is None:
                    merged[(entry.id, key)] = [is_name, cls, case_keys, any_case]
                else:
                    # A "plain" form of the key wins; otherwise the last form's class.
                    slot[0] = slot[0] or is_name
                    if slot[1] != "plain":
                        slot[1] = cls
                    slot[2].extend(case_keys)
                    slot[3] = slot[3] or any_case
        index: dict[tuple[str, ...], list[tuple[str, FormInfo]]] = {}
        for (skill_id, key), (is_name, cls, case_keys, any_case) in merged.items():
            info = FormInfo(is_name, cls, frozenset(case_keys), any_case)
            index.setdefault(key, []).append((skill_id, info))
        # Inflections and spacing variants of the written forms, where no form is spelled so.
        variants: dict[tuple[str, ...], list[tuple[str, FormInfo]]] = {}
        fixed = _uninflected(settings)
        for key, found in index.items():
            for variant, change in surface_variants(key, fixed):
                if variant in index:
                    continue
                for skill_id, info in found:
                    cased = frozenset(change(k) for k in info.case_keys)
                    variants.setdefault(variant, []).append(
                        (skill_id, info._replace(case_keys=cased))
                    )
        for key, found in index.items():
            plural = _acronym_plural(key)
            if plural is None or plural in index:
                continue
            for skill_id, info in found:
                # Only as written in capitals: "PLCs" is programmable logic controllers, "plcs"
                # and "Plcs" are nothing.
                caps = frozenset((k[0] + "s",) for k in info.case_keys if k[0].isupper())
                if caps:
                    # Never a plain name: "Leeds" is a city, not the plural of LEED. The policy
                    # vets it as an acronym, which needs its capitals.
                    cls = "acronym" if info.form_class == "plain" else info.form_class
                    variants.setdefault(plural, []).append(
                        (skill_id, info._replace(form_class=cls, case_keys=caps, any_case=False))
                    )
        for variant, found in variants.items():
            index[variant] = list(dict(found).items())
        self._set_index(
            _Entries.decoded({key: tuple(sorted(found)) for key, found in index.items()})
        )

    def _set_index(self, index: _Entries) -> None:
        self._index = index
        self._starts = _starts_of(index)

    def to_state(self) -> dict[str, Any]:
        """The built index as strings, maps and lists (JSON and msgpack ready), in a fixed order.

        ``keys`` maps each key's token texts joined by ``KEY_SEPARATOR`` to its rows as JSON text
        (``_encode``), ``starts`` is the first-token table as ``find`` reads it, ``fuzzy_forms``
        one JSON text. ``from_state`` reads it back into an index equal to this one, without the
        tokens, the settings or the per-form work of ``__init__``.

        Raises:
            ValueError: A key's token holds ``KEY_SEPARATOR``.
        """
        keys = {}
        for key, found in sorted(self._index.items()):
            if any(KEY_SEPARATOR in token for token in key):
                raise ValueError(f"pattern token holds the key separator: {key!r}")
            keys[KEY_SEPARATOR.join(key)] = _encode(found)
        return {
            "format": STATE_FORMAT,
            "keys": keys,
            "starts": {
                first: [single, {second: list(sizes) for second, sizes in sorted(follow.items())}]
                for first, (single, follow) in sorted(self._starts.items())
            },
            "fuzzy_forms": json.dumps(
                [list(form) for form in self.fuzzy_forms], ensure_ascii=False, separators=(",", ":")
            ),
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> PatternIndex:
        """An index equal to the one ``to_state`` was called on.

        Raises:
            ValueError: ``state`` is not ``to_state`` output of this ``STATE_FORMAT``.
        """
        if state.get("format") != STATE_FORMAT:
            raise ValueError(f"pattern index format {state.get('format')!r}, not {STATE_FORMAT}")
        # Entries are decoded on first use (``_Entries``), the fuzzy forms when the fuzzy
        # resolver is built: a process looks up a few thousand of the index's keys, and decoding
        # all of them was most of the pipeline's load time. The first-token table is read as
        # saved: msgpack read with ``use_list=False`` gives its sizes as tuples already (JSON
        # gives lists, which ``tuple()`` copies).
        self = cls.__new__(cls)
        self._fuzzy_forms = None
        self._fuzzy_text = state["fuzzy_forms"]
        self._index = _Entries(state["keys"])
        self._starts = {
            first: (single, {second: tuple(sizes) for second, sizes in follow.items()})
            for first, (single, follow) in state["starts"].items()
        }
        return self

    @property
    def fuzzy_forms(self) -> list[tuple[str, str, bool, bool]]:
        """``(skill_id, form, is_name, plain)`` for every form as the lexicon writes it."""
        if self._fuzzy_forms is None:
            self._fuzzy_forms = [tuple(form) for form in json.loads(self._fuzzy_text)]
            self._fuzzy_text = ""
        return self._fuzzy_forms

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PatternIndex):
            return NotImplemented
        return (
            dict(self._index.items()) == dict(other._index.items())
            and self.fuzzy_forms == other.fuzzy_forms
        )

    __hash__ = None  # type: ignore[assignment]

    def __len__(self) -> int:
        return len(self._index)

    def get(self, key: tuple[str, ...]) -> tuple[tuple[str, FormInfo], ...]:
        """The ``(skill_id, info)`` pairs stored under ``key``, by skill id; () when none."""
        return self._index.get(key, ())

    def followers(self, first: str) -> frozenset[str]:
        """The second tokens of the keys of two tokens or more that start with ``first``."""
        start = self._starts.get(first)
        return frozenset(start[1]) if start else frozenset()

    def find(self, lowers: list[str]) -> list[tuple[int, int, str, FormInfo]]:
        """Every occurrence of every key in ``lowers``, as ``(start, end, skill_id, info)``.

        Args:
            lowers: A document's token texts, lower-cased with ``str.lower()``.

        Returns:
            All occurrences, overlapping ones included, by start, then end, then skill id.
        """
        index = self._index
        # Entries already decoded are read straight from the map (most keys a document looks
        # up); ``_Entries.get`` decodes the others.
        decoded = index._decoded.get
        last = len(lowers) - 1
        found = []
        # Most tokens start no key: find those that do in one pass.
        for start, (single, follow) in [
            (start, entry)
            for start, entry in enumerate(map(self._starts.get, lowers))
            if entry is not None
        ]:
            if single:
                key: tuple[str, ...] = (lowers[start],)
                for skill_id, info in decoded(key) or index.get(key):
                    found.append((start, start + 1, skill_id, info))
            if start == last or not follow:
                continue
            sizes = follow.get(lowers[start + 1])
            if sizes is None:
                continue
            for size in sizes:
                end = start + size
                if end > last + 1:
                    break
                key = tuple(lowers[start:end])
                for skill_id, info in decoded(key) or index.get(key):
                    found.append((start, end, skill_id, info))
        return found
