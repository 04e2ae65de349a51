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

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any, NamedTuple

from resume_fit.extract.ambiguity import form_class
from resume_fit.extract.settings import ExtractSettings

_HYPHENABLE = re.compile(r"[A-Za-z0-9]+( [A-Za-z0-9]+){1,3}")

# Bump when ``PatternIndex.to_state`` output changes shape or meaning: saved indexes of another
# format are rebuilt from the skills on load.
STATE_FORMAT = 1

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
    """Yield ``(form, written)``: each form as written, then its tag-style spelling if any.

    Tag-style writing joins two to four plain words with hyphens: "amazon-web-services".
    """
    for form in entry.forms:
        yield form, form
        if _HYPHENABLE.fullmatch(form):
            yield form, "-".join(form.split())


def _case_key(words: tuple[str, ...], spelling: str) -> tuple[str, ...]:
    """The tokens ``words`` re-cased to ``spelling`` (same letters, maybe another case)."""
    key, at = [], 0
    folded = spelling.casefold()
    for word in words:
        at = folded.find(word.lower(), at)
        key.append(spelling[at : at + len(word)] if at >= 0 else word)
        at = at + len(word) if at >= 0 else 0
    return tuple(key)


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
        self.fuzzy_forms: list[tuple[str, str, bool, bool]] = []
        case_free = frozenset(settings.case_insensitive_categories)
        for entry in entries:
            name = entry.name.casefold()
            any_case_entry = entry.category in case_free
            for form, written in written_forms(entry):
                words = tokens[written][0]
                if not words:
                    continue
                folded = form.casefold()
                spellings = [g for g in entry.guarded_forms if g.casefold() == folded]
                cls = form_class(form, bool(spellings), settings)
                is_name = folded == name
                key = tuple(map(str.lower, words))
                case_keys = [words]
                any_case = any_case_entry or words == key
                if written == form:
                    for spelling in spellings:
                        spelled = _case_key(words, spelling)
                        case_keys.append(spelled)
                        any_case = any_case or spelled == tuple(map(str.lower, spelled))
                    self.fuzzy_forms.append((entry.id, form, is_name, cls == "plain"))
                if any_case_entry:
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
        self._set_index({key: tuple(sorted(found)) for key, found in index.items()})

    def _set_index(self, index: dict[tuple[str, ...], tuple[tuple[str, FormInfo], ...]]) -> None:
        self._index = index
        # By first token: the one-token key's skills, and by second token the lengths of the
        # longer keys, shortest first. Most tokens start no key, and most that start a longer
        # key are not followed by its second token.
        starts: dict[str, tuple[tuple[tuple[str, FormInfo], ...], dict[str, set[int]]]] = {}
        for key, found in self._index.items():
            single, follow = starts.setdefault(key[0], ((), {}))
            if len(key) == 1:
                starts[key[0]] = (found, follow)
            else:
                follow.setdefault(key[1], set()).add(len(key))
        self._starts = {
            first: (single, {second: tuple(sorted(sizes)) for second, sizes in follow.items()})
            for first, (single, follow) in starts.items()
        }

    def to_state(self) -> dict[str, Any]:
        """The built index as plain lists (JSON and msgpack ready), in a fixed order.

        ``from_state`` reads it back into an index equal to this one, without the tokens, the
        settings or the per-form work of ``__init__``.
        """
        return {
            "format": STATE_FORMAT,
            "keys": [
                [
                    list(key),
                    [
                        [
                            skill_id,
                            info.is_name,
                            info.form_class,
                            sorted(info.case_keys),
                            info.any_case,
                        ]
                        for skill_id, info in found
                    ],
                ]
                for key, found in sorted(self._index.items())
            ],
            "fuzzy_forms": [list(form) for form in self.fuzzy_forms],
        }

    @classmethod
    def from_state(cls, state: dict[str, Any]) -> PatternIndex:
        """An index equal to the one ``to_state`` was called on.

        Raises:
            ValueError: ``state`` is not ``to_state`` output of this ``STATE_FORMAT``.
        """
        if state.get("format") != STATE_FORMAT:
            raise ValueError(f"pattern index format {state.get('format')!r}, not {STATE_FORMAT}")
        # ``tuple()`` of a tuple is the tuple itself: msgpack read with ``use_list=False`` gives
        # tuples, JSON gives lists.
        info = FormInfo._make
        index = {
            tuple(key): tuple(
                (skill_id, info((is_name, form_class, frozenset(map(tuple, keys)), any_case)))
                for skill_id, is_name, form_class, keys, any_case in found
            )
            for key, found in state["keys"]
        }
        self = cls.__new__(cls)
        self.fuzzy_forms = [tuple(form) for form in state["fuzzy_forms"]]
        self._set_index(index)
        return self

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, PatternIndex):
            return NotImplemented
        return self._index == other._index and self.fuzzy_forms == other.fuzzy_forms

    __hash__ = None  # type: ignore[assignment]

    def __len__(self) -> int:
        return len(self._index)

    def get(self, key: tuple[str, ...]) -> tuple[tuple[str, FormInfo], ...]:
        """The ``(skill_id, info)`` pairs stored under ``key``, by skill id; () when none."""
        return self._index.get(key, ())

    def find(self, lowers: list[str]) -> list[tuple[int, int, str, FormInfo]]:
        """Every occurrence of every key in ``lowers``, as ``(start, end, skill_id, info)``.

        Args:
            lowers: A document's token texts, lower-cased with ``str.lower()``.

        Returns:
            All occurrences, overlapping ones included, by start, then end, then skill id.
        """
        index, starts = self._index, self._starts
        last = len(lowers) - 1
        found = []
        for start, first in enumerate(lowers):
            entry = starts.get(first)
            if entry is None:
                continue
            single, follow = entry
            for skill_id, info in single:
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
                for skill_id, info in index.get(tuple(lowers[start:end]), ()):
                    found.append((start, end, skill_id, info))
        return found
