"""What the ambiguity policy, the usage filter and the fuzzy matcher read of one document.

``DocContext`` reads a tokenised document once: each token's text, lower-cased text (Unicode
hyphens as ``-``, typographic apostrophes between letters as ``'``) and character offset, the
non-space tokens, lines, list items and the resume's sections (``SECTIONS_KEY`` in
``Doc.user_data``). ``Candidate`` is a phrase match waiting for the policy's decision.
"""

from __future__ import annotations

import bisect
import re
from itertools import chain
from typing import NamedTuple

from spacy.attrs import IDX, ORTH, SPACY
from spacy.strings import StringStore
from spacy.tokens import Doc

from resume_fit.extract.settings import ExtractSettings

# Key of Doc.user_data holding the resume's sections as (start, end, kind, heading end) character
# ranges; the heading end (where the heading line stops) may be left out.
SECTIONS_KEY = "resume_fit_sections"

_LIST_LABEL = re.compile(r"\W*([A-Za-z][A-Za-z &/-]{0,40}?)\s*:")
_STRICT_SEPARATORS = frozenset({",", "/", "|", ";", "•", "·", "+"})
_BULLETS = frozenset({"-", "*", "•", "·", "–", "—", "o", "▪", "■", "►", "‣", "◦"})
_CLAUSE_MARKS = frozenset({".", "!", "?", "•", "-", "*", ":", "|", "–", "—", "·", "(", ">"})


# Text, lower-cased text and "is whitespace" of each token text seen, by its hash in the string
# store (the same for a string in every vocab). Reading a string back from the store and lower-
# casing it, token by token, was the slowest part of a document's context; resumes share most of
# their words. Cleared when it holds _TEXTS_SIZE texts, so it stays small in a long batch.
_TEXTS: dict[int, tuple[str, str, bool]] = {}
_TEXTS_SIZE = 50_000


# Unicode hyphens read as "-" (the pipeline's tokenizer splits them off like "-").
_HYPHENS = str.maketrans({"\u2010": "-", "\u2011": "-"})


# Typographic apostrophes (U+2019, U+2018, U+02BC) inside a word ("O’Reilly") or opening a
# clitic the tokenizer split off ("’s", "n’t"): read as "'", as the lexicon writes them.
_APOSTROPHE = re.compile(r"(?:(?<=[^\W\d_])|^)[\u2018\u2019\u02bc](?=[^\W\d_])")


def _typographic(text: str) -> str:
    """``text`` with its typographic apostrophes between letters as ``'`` (same length)."""
    return _APOSTROPHE.sub("'", text) if _APOSTROPHE.search(text) else text


def _lower(text: str) -> str:
    """``text.lower()`` (spaCy's LOWER), with the Unicode hyphens U+2010/U+2011 as ``-`` and
    typographic apostrophes between letters as ``'``."""
    return _typographic(text.lower().translate(_HYPHENS))


def _token_texts(strings: StringStore, hashes: list[int]) -> list[tuple[str, str, bool]]:
    """``(text, lower, text.isspace())`` of the token with each of ``hashes`` (ORTH); ``lower``
    is ``_lower(text)``, and ``text`` has its typographic apostrophes as ``'`` (one character
    for one: offsets and lengths hold), so a case-guarded "Moody’s" is written as its form."""
    found = _TEXTS.get
    known = [found(h) for h in hashes]
    if None in known:
        if len(_TEXTS) >= _TEXTS_SIZE:
            _TEXTS.clear()
        for at, h in enumerate(hashes):
            if known[at] is None:
                text = strings[h]
                known[at] = _TEXTS[h] = (_typographic(text), _lower(text), text.isspace())
    return known  # type: ignore[return-value]


def _phrase_tokens(texts: list[str], spaces: list[int]) -> list[int]:
    """Indices of the tokens phrases are matched on.

    Layout whitespace inside a name ("Machine\nLearning", "Microsoft  Excel", a tab) is a token
    of its own; it is skipped, so the name still matches. A blank line ends a phrase, and so does
    a line break after a word that is alone at the start of its line: that is a list written one
    item a line ("Python\nPandas"), not a name wrapped across lines.

    Args:
        texts: The token texts.
        spaces: The indices of the whitespace tokens, in order.
    """
    if not spaces:
        return list(range(len(texts)))
    skipped = []
    for i in spaces:
        text = texts[i]
        breaks = text.count("\n")
        if i == 0 or breaks > 1 or texts[i - 1].isspace():
            continue
        if breaks == 1:
            # The word before the break starts its line (after a bullet, maybe): a list written
            # one item a line.
            j = i - 2
            while j >= 0 and "\n" not in texts[j] and (texts[j].isspace() or texts[j] in _BULLETS):
                j -= 1
            if j < 0 or "\n" in texts[j]:
                continue
        skipped.append(i)
    # The runs between the skipped tokens (in order), each added whole.
    words: list[int] = []
    after = 0
    for i in skipped:
        words.extend(range(after, i))
        after = i + 1
    words.extend(range(after, len(texts)))
    return words


class Candidate(NamedTuple):
    """A phrase match waiting for the policy's decision.

    Attributes:
        skill_id: The canonical skill id the form resolves to.
        start: First token index.
        end: One past the last token index.
        form_class: Class of the matched form (one of ``FORM_CLASSES``).
        case_ok: The words are written exactly as one of the skill's forms.
        context: The skill's corroborating context words, case-folded.
        category: The skill's lexicon category.
    """

    skill_id: str
    start: int
    end: int
    form_class: str
    case_ok: bool
    context: tuple[str, ...] = ()
    category: str = ""


class DocContext:
    """What the policy and the fuzzy matcher need to know about a document's layout.

    Args:
        doc: The tokenised document; ``doc.user_data[SECTIONS_KEY]`` may hold the resume's sections
            as ``(start, end, kind)`` character ranges.
        settings: Extractor settings.
    """

    def __init__(self, doc: Doc, settings: ExtractSettings) -> None:
        self.doc = doc
        # Token attributes read once: building Token objects is the slowest part of a lookup.
        if len(doc):
            columns = doc.to_array([ORTH, IDX, SPACY])
            known = _token_texts(doc.vocab.strings, columns[:, 0].tolist())
            self.texts = [t[0] for t in known]
            # spaCy's LOWER attribute is str.lower() of the text (Unicode hyphens as "-").
            self.lowers = [t[1] for t in known]
            blank = [i for i, t in enumerate(known) if t[2]]
            self.offsets = columns[:, 1].tolist()
            self.spaces = [" " if s else "" for s in columns[:, 2].tolist()]
        else:
            self.texts, self.lowers, self.offsets, self.spaces, blank = [], [], [], [], []
        self.words = _phrase_tokens(self.texts, blank)
        self.word_lowers = (
            self.lowers
            if len(self.words) == len(self.texts)
            else [self.lowers[i] for i in self.words]
        )
        # The non-space tokens as written, for shorthands that keep case.
        self.word_texts = (
            self.texts
            if len(self.words) == len(self.texts)
            else [self.texts[i] for i in self.words]
        )
        self.text = "".join(chain.from_iterable(zip(self.texts, self.spaces, strict=True)))
        self.settings = settings
        sections = sorted(doc.user_data.get(SECTIONS_KEY, ()))
        self._starts = [s[0] for s in sections]
        self._sections = sections
        # Where each section's heading line ends (a fourth item, when the caller knows it).
        self._heading_ends = [s[3] if len(s) > 3 else s[0] for s in sections]
        self._label_lines: dict[int, bool] = {}
        # Token indices where any phrase match starts or ends (set by the policy).
        self.any_starts: set[int] = set()
        self.any_ends: set[int] = set()
        # The same for matches of technical skills (not fields, methods or soft skills).
        self.tech_starts: set[int] = set()
        self.tech_ends: set[int] = set()
        # Token indices inside distinctive (plain) technical matches (set by the policy).
        self.solid_tech: set[int] = set()
        # Tokens of lines made only of skill names (set by the policy).
        self.dense_lines: frozenset[int] = frozenset()
        # Tokens of runs of skill names inside a line, without commas (set by the policy).
        self.dense_runs: frozenset[int] = frozenset()
        # The earliest start of a match ending at each token index (set by the policy).
        self.span_starts: dict[int, int] = {}
        self.list_labels = frozenset(settings.list_labels)
        self._separators = frozenset(settings.list_separators)

    def section_kind(self, token_i: int) -> str:
        """Kind of the section holding token ``token_i`` ("other" when unknown)."""
        offset = self.offsets[token_i]
        at = bisect.bisect_right(self._starts, offset) - 1
        if at >= 0 and offset < self._sections[at][1]:
            return str(self._sections[at][2])
        return "other"

    def on_heading(self, token_i: int) -> bool:
        """True when the token is on a section's heading line ("Publications")."""
        offset = self.offsets[token_i]
        at = bisect.bisect_right(self._starts, offset) - 1
        return at >= 0 and offset < self._heading_ends[at]

    def on_label_line(self, token_i: int) -> bool:
        """True when the token's line starts with a list label such as "Tech stack:"."""
        text = self.text
        line_start = text.rfind("\n", 0, self.offsets[token_i]) + 1
        cached = self._label_lines.get(line_start)
        if cached is None:
            found = _LIST_LABEL.match(text, line_start)
            words = set(re.split(r"[ &/-]+", found.group(1).casefold())) if found else set()
            cached = bool(words & self.list_labels)
            self._label_lines[line_start] = cached
        return cached

    def starts_clause(self, token_i: int) -> bool:
        """True when the token begins a line, a sentence or a bullet."""
        texts = self.texts
        j = token_i - 1
        while j >= 0 and texts[j].isspace() and "\n" not in texts[j]:
            j -= 1
        if j < 0:
            return True
        return "\n" in texts[j] or "\n" in self.spaces[j] or texts[j] in _CLAUSE_MARKS

    def is_separator(self, token_i: int) -> bool:
        """True when the token separates items of a list ("," "/" "|" "and" ...)."""
        return self.texts[token_i] in self._separators or self.lowers[token_i] in self._separators

    def is_strict_separator(self, token_i: int) -> bool:
        """True for punctuation that only separates list items ("," "/" "|" ";" "•" "·" "+")."""
        return self.texts[token_i] in _STRICT_SEPARATORS

    def neighbour(self, token_i: int, step: int) -> int | None:
        """Index of the next token in direction ``step`` on the same line, skipping spaces."""
        texts = self.texts
        j = token_i + step
        while 0 <= j < len(texts):
            if "\n" in texts[j]:
                return None
            if not texts[j].isspace():
                return j
            j += step
        return None
