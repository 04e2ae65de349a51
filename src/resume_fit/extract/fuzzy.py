"""Near-miss matching: misspellings, spacing variants and glued version numbers.

Only tokens the exact matcher (``patterns.py``) left unmatched are looked at, and only those
that look like technology names: capitalised away from the start of a clause, mixed-case or
containing digits, ``+``, ``#`` or ``.``, or sitting in a skills list. Lower-case words in
ordinary sentences are ordinary words. A candidate (one token, or two joined: "Tensor flow",
"scikit learn") is normalised (case-folded; spaces, hyphens, dots and underscores removed) and
looked up exactly among the normalised forms of unambiguous skills. Only a candidate with a word
nobody spells that way (not in the settings' ``known_words``, an English word list, nor among the
words of the lexicon's forms) is then scored with rapidfuzz: near misses are misspellings
("Kubernates"), or two neighbouring letters swapped ("Tablaeu"), and a real word is never
turned into another ("Detection" is not Detectron2).
Nothing shorter than the configured minimum and no stop word is ever looked up.

A token with a version glued on ("Python3", "Java8") is looked up without it, exactly.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import NamedTuple

from rapidfuzz import fuzz, process
from spacy.lang.en.stop_words import STOP_WORDS

from resume_fit.extract.context import DocContext
from resume_fit.extract.settings import ExtractSettings, read_word_list

_MEMO_SIZE = 50_000
_URL_OR_EMAIL = re.compile(r"@|://|^www\.|\.(com|org|net|io|dev|ai)\b|/")
_NORMALISE = re.compile(r"[\s\-_.]+")
_TECHY_TOKEN = re.compile(r"[A-Za-z][A-Za-z0-9+#.\-]*")
_LETTERS = re.compile(r"[a-z]+")
_GLUED_VERSION = re.compile(r"([A-Za-z][A-Za-z+#]*?[A-Za-z+#])v?\d+(\.\d+)*(\.x)?")
# What a token's text alone says: never eligible, always (outside skipped sections), or only
# when capitalised away from a clause start / lower-case in a list.
_NEVER, _ALWAYS, _CAPITALISED, _LOWER = range(4)


def normalise(text: str) -> str:
    """Case-fold and drop spaces, hyphens, dots and underscores ("Tensor flow" -> "tensorflow")."""
    return _NORMALISE.sub("", text.casefold())


class NearMiss(NamedTuple):
    """A near-miss match.

    Attributes:
        skill_id: The skill it resolves to.
        start: First token index.
        end: One past the last token index.
        method: ``"fuzzy"``, or ``"exact"``/``"alias"`` for a glued version ("Python3").
        score: rapidfuzz score, 0-100 (100 for an exact normalised hit).
    """

    skill_id: str
    start: int
    end: int
    method: str
    score: float


class FuzzyResolver:
    """Resolves near-miss tokens against the lexicon's surface forms.

    Args:
        forms: ``(skill_id, form, is_name, plain)`` for every surface form; ``plain`` is False
            for forms the ambiguity policy guards (those are never fuzzy targets).
        settings: Extractor settings (cutoff, minimum length, stop words).
    """

    def __init__(self, forms: list[tuple[str, str, bool, bool]], settings: ExtractSettings) -> None:
        self.settings = settings
        self._stop = frozenset(STOP_WORDS) | frozenset(settings.fuzzy_stop_words)
        self._skip_sections = frozenset(settings.fuzzy_skip_sections)
        # Exact lookups (glued versions) may land on any plain form; fuzzy ones on long forms only.
        self._exact: dict[str, tuple[str, bool]] = {}
        # Glued versions may also land on a guarded form written exactly ("Java8", not "java8").
        self._glued: dict[str, tuple[str, bool, str | None]] = {}
        # Words the ambiguity policy guards are its to decide: a rejected "Spark" must not come
        # back as a near miss of some other form.
        guarded: set[str] = set()
        one_word: set[str] = set()
        vocabulary: set[str] = set()
        # Each form is normalised once: this runs on every model load, for every form.
        for skill_id, form, is_name, plain in sorted(forms, key=lambda f: (not f[2], f[0], f[1])):
            key = normalise(form)
            vocabulary.update(_LETTERS.findall(form.lower()))
            if plain:
                self._exact.setdefault(key, (skill_id, is_name))
                if not any(c.isspace() for c in form):
                    one_word.add(key)
            else:
                guarded.add(key)
            self._glued.setdefault(key, (skill_id, is_name, None if plain else form))
        self._guarded = frozenset(guarded)
        self._vocabulary = frozenset(vocabulary)
        # The English word list is read on the first near miss found, not on every model load.
        self._known: frozenset[str] | None = None
        # One token is compared with one-word forms only: "Embedded" must not near-miss
        # "embedded C". Two tokens are compared with every form ("Tensor flow", "scikit learn").
        # Buckets by first letter and length: fuzz.ratio >= cutoff bounds the length ratio, so
        # most forms can be skipped without scoring them.
        buckets: dict[tuple[bool, str, int], set[str]] = {}
        for key in self._exact:
            if len(key) >= settings.fuzzy_min_length:
                buckets.setdefault((False, key[0], len(key)), set()).add(key)
                if key in one_word:
                    buckets.setdefault((True, key[0], len(key)), set()).add(key)
        self._buckets = {where: sorted(keys) for where, keys in buckets.items()}
        self._memo: dict[tuple[str, bool], tuple[str, float] | None] = {}
        self._kinds: dict[str, int] = {}
        self._hits: dict[tuple[str, bool], tuple[str, float] | None] = {}
        self._glued_hits: dict[str, tuple[str, str] | None] = {}

    def resolve(self, ctx: DocContext, taken: set[int]) -> list[NearMiss]:
        """Find near misses among tokens not in ``taken``, left to right, without overlaps."""
        texts = ctx.texts
        kinds = self._kinds
        found: list[NearMiss] = []
        i = 0
        count = len(texts)
        while i < count:
            # Most tokens fail here: short, punctuation, ordinary words, or already matched. What
            # depends only on a token's text is worked out once per distinct text.
            text = texts[i]
            kind = kinds.get(text)
            if kind is None:
                kind = self._text_kind(text)
                if len(kinds) >= _MEMO_SIZE:
                    kinds.clear()
                kinds[text] = kind
            if kind == _NEVER or i in taken or not self._eligible(ctx, i, kind):
                i += 1
                continue
            hit = None
            j = i + 1
            if (
                j < count
                and j not in taken
                and ctx.spaces[i] in (" ", "")
                and texts[j].isalpha()
                and not texts[j].isupper()  # an acronym is no half of a misspelling
                and ctx.lowers[j] not in self._stop
            ):
                hit = self._lookup(text + ctx.spaces[i] + texts[j], i, j + 1)
            if hit is None:
                hit = self._glued_version(text, i) or self._lookup(text, i, i + 1)
            if hit is not None:
                found.append(hit)
                i = hit.end
            else:
                i += 1
        return found

    def _text_kind(self, text: str) -> int:
        """What ``text`` alone says about eligibility (one of the ``_NEVER`` ... constants)."""
        # Cheapest tests first: most tokens are short, punctuation or lower-case words.
        if len(text) < 2 or not text[0].isalpha() or text.isupper():
            return _NEVER  # all capitals: headings ("PROFILE") and acronyms, not misspellings
        if text.lower() in self._stop or not _TECHY_TOKEN.fullmatch(text):
            return _NEVER
        if _URL_OR_EMAIL.search(text):
            return _NEVER
        if not text.isalpha() or not (text.istitle() or text.islower()):
            return _ALWAYS  # digits, "+#.-" or inner capitals: "PyTorch", "Node.js", "k8s"
        return _CAPITALISED if text[0].isupper() else _LOWER

    def _eligible(self, ctx: DocContext, i: int, kind: int) -> bool:
        section = ctx.section_kind(i)
        if section in self._skip_sections:
            return False
        if kind == _ALWAYS:
            return True
        in_list = section == "skills" or ctx.on_label_line(i)
        if kind == _CAPITALISED:
            return in_list or not ctx.starts_clause(i)
        return in_list

    def _glued_version(self, text: str, i: int) -> NearMiss | None:
        if text in self._glued_hits:
            hit = self._glued_hits[text]
        else:
            hit = self._glued_target(text)
            if len(self._glued_hits) >= _MEMO_SIZE:
                self._glued_hits.clear()
            self._glued_hits[text] = hit
        return None if hit is None else NearMiss(hit[0], i, i + 1, hit[1], 100.0)

    def _glued_target(self, text: str) -> tuple[str, str] | None:
        """``(skill_id, method)`` for a name with a version glued on ("Python3"), else None."""
        found = _GLUED_VERSION.fullmatch(text)
        if found is None or len(found.group(1)) < 3:
            return None
        hit = self._glued.get(normalise(found.group(1)))
        if hit is None:
            return None
        skill_id, is_name, guarded = hit
        if guarded is not None and guarded != found.group(1):
            return None
        return skill_id, "exact" if is_name else "alias"

    def _lookup(self, text: str, start: int, end: int) -> NearMiss | None:
        hit_key = (text, end - start == 1)
        if hit_key in self._hits:
            hit = self._hits[hit_key]
        else:
            hit = self._target(*hit_key)
            if len(self._hits) >= _MEMO_SIZE:
                self._hits.clear()
            self._hits[hit_key] = hit
        return None if hit is None else NearMiss(hit[0], start, end, "fuzzy", hit[1])

    def _target(self, text: str, single: bool) -> tuple[str, float] | None:
        """``(skill_id, score)`` of the form ``text`` nearly spells, else None."""
        key = normalise(text)
        if len(key) < self.settings.fuzzy_min_length or key in self._stop or key in self._guarded:
            return None
        hit = self._exact.get(key)
        if hit is not None:
            # Spacing and punctuation variants ("Tensor flow", "NodeJS") are near misses too.
            return hit[0], 100.0
        memo_key = (key, single)
        if memo_key not in self._memo:
            if len(self._memo) >= _MEMO_SIZE:
                self._memo.clear()
            self._memo[memo_key] = self._closest(key, single) or self._transposed(key, single)
        best = self._memo[memo_key]
        if best is None or self._spelled_right(text):
            return None
        return self._exact[best[0]][0], best[1]

    def _spelled_right(self, text: str) -> bool:
        """True when every word of ``text`` is an English word or a word of the lexicon's forms:
        then it is spelled as meant, not a misspelling of some name."""
        if self._known is None:
            self._known = read_word_list(self.settings.known_words) | self._vocabulary
        known = self._known
        return all(w in known for w in _LETTERS.findall(text.lower()))

    def _transposed(self, key: str, single: bool) -> tuple[str, float] | None:
        """The form ``key`` spells with two neighbouring letters swapped ("Tablaeu", "Pyhton",
        "Kuberentes"): the commonest typing slip, which ``fuzz.ratio`` counts as two edits and
        so scores below the cutoff on short names."""
        bucket = self._buckets.get((single, key[0], len(key)), ())
        if not bucket:
            return None
        for i in range(1, len(key) - 1):
            if key[i] == key[i + 1]:
                continue
            swapped = key[:i] + key[i + 1] + key[i] + key[i + 2 :]
            at = bisect.bisect_left(bucket, swapped)
            if at < len(bucket) and bucket[at] == swapped:
                return swapped, float(fuzz.ratio(key, swapped))
        return None

    def _closest(self, key: str, single: bool) -> tuple[str, float] | None:
        cutoff = self.settings.fuzzy_cutoff
        # ratio = 2 * matches / (len_a + len_b) <= 2 * min / (len_a + len_b).
        shortest = math.ceil(len(key) * cutoff / (200.0 - cutoff))
        longest = math.floor(len(key) * (200.0 - cutoff) / cutoff)
        choices = [
            form
            for length in range(shortest, longest + 1)
            for form in self._buckets.get((single, key[0], length), ())
        ]
        if not choices:
            return None
        for form, score, _ in process.extract(
            key,
            choices,
            scorer=fuzz.ratio,
            processor=None,  # keys are already normalised
            score_cutoff=cutoff,
            limit=3,
        ):
            # A word that is the start of a longer name is that word, not a misspelling of the
            # name: "Foundation" is not FoundationDB, "Market" is not Marketo. Nor is a longer
            # name that starts with the whole of a shorter one: "iManager" is not iManage (a
            # doubled last letter is still a slip: "Postgress").
            longer = key.startswith(form) and key[len(form) :].strip(form[-1]) != ""
            if not form.startswith(key) and not longer:
                return form, float(score)
        return None
