"""Practice skills written as a verb and its object: "deployed models" is model deployment.

Many method and field names are a noun compound whose head is a nominalised verb: "model
deployment", "query optimization", "requirements gathering", "image analysis". Resumes write the
same practice as the verb and its object ("Deployed three models to production", "analyze
images") or as the head with "of" ("optimisation of slow queries"). The phrase index only sees
the compound, so these were missed.

``ParaphraseIndex`` is built from the lexicon and one table of ``lexicons/extract.toml``
(``[paraphrase.verbs]``: nominal head -> the verbs it is made from). For every form of a ``method``
or ``field`` skill (the common-noun categories; product names such as "Oracle Data Integrator"
never qualify) made of two or three plain words (the first may be an acronym: "API testing") whose
last word is a head of the table, it stores the verbs' inflections with the form's other words as
the object. A document then matches in three shapes, always inside one clause (no line break and no
punctuation other than a hyphen between the words, and no word of ``[paraphrase] breaks`` such as
"to", "for", "and"):

- verb, up to ``window`` modifiers, the object: "deployed ML models", "gather requirements";
- the object then the verb's past participle: "models deployed on AWS";
- the head, "of", up to ``window`` modifiers, the object: "optimisation of queries". A head listed
  with no verbs ("development") is read in this shape only: "developed software" says too little,
  "development of dashboards" names dashboard development.

Verbs or heads coordinated with "and", "or", "&", a comma or ", and" share the object: "built,
tested and deployed models" is model deployment and model testing if the lexicon has both. A verb
of the table may be followed by other verbs of the same form, each perhaps after an adverb in
"-ly" ("cleaned and carefully merged survey data", "cleaning and merging survey data"), and a
participle preceded by other participles ("survey data merged and cleaned"): a word of another
form (a noun, "test" in "cleaned and test data") ends the run, so only the verbs of the table
that the run reaches pair with the object. The match spans the verb and the object ("Cleaned and
merged survey data"; "data merged and cleaned").

The object's last word may be in either number ("model" / "models") or one of its
``[paraphrase.objects]`` words ("scraped websites" is web scraping), and may be followed by
one of ``[paraphrase] object_tails`` ("optimised query performance" is query optimization);
otherwise the object must end the noun phrase (a break word, an adverb in "-ly", punctuation, a
line end or the end of the text follows), so "deployed model registries" is not model deployment.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial
from typing import NamedTuple

from resume_fit.extract.patterns import SkillEntry
from resume_fit.extract.settings import ExtractSettings

__all__ = ["ParaphraseIndex", "ParaphraseMatch", "verb_forms"]

_PLAIN = re.compile(r"[a-z]{2,}")
_ADVERB = re.compile(r"[a-z]{3,}ly")
# Regular past and "-ing" forms of a verb the table does not list ("merged", "merging"); "-eed"
# words are mostly nouns or base forms ("speed", "need", "exceed").
_PAST_FORM = re.compile(r"[a-z]+[^e]ed")
_ING_FORM = re.compile(r"[a-z]{2,}ing")
_DOUBLING = re.compile(r".*[^aeiou][aeiou][bdgklmnprt]")
# Ordinary noun inflection for the object's last word (the phrase index's own rule is for keys).
_SIBILANT = ("s", "x", "z", "ch", "sh")
# Words that coordinate two verbs or two heads sharing one object; a comma may precede one of
# the conjunctions ("cleaned, merged, and validated").
_CONJUNCTIONS = frozenset({"and", "or", "&"})
_CONNECTORS = _CONJUNCTIONS | {","}


class ParaphraseMatch(NamedTuple):
    """A practice skill found as a verb and its object, in document token positions.

    Attributes:
        skill_id: Canonical skill id.
        start: First token of the verb (or head) and object.
        end: One past the object's last token.
    """

    skill_id: str
    start: int
    end: int


def verb_forms(verb: str) -> frozenset[str]:
    """The base, third person, past and "-ing" forms of a regular English verb.

    "deploy" gives deploy, deploys, deployed, deploying; "scrape" gives scraped, scraping;
    "label" gives both labeled and labelled. Irregular verbs are listed by their forms in the
    table instead.
    """
    forms = {verb}
    if verb.endswith("e"):
        forms |= {verb + "s", verb + "d", verb[:-1] + "ing"}
    elif verb.endswith("y") and verb[-2:-1] not in ("a", "e", "i", "o", "u"):
        forms |= {verb[:-1] + "ies", verb[:-1] + "ied", verb + "ing"}
    else:
        ending = "es" if verb.endswith(_SIBILANT) else "s"
        forms |= {verb + ending, verb + "ed", verb + "ing"}
        if _DOUBLING.fullmatch(verb):
            forms |= {verb + verb[-1] + "ed", verb + verb[-1] + "ing"}
    return frozenset(forms)


def _past(verb: str) -> frozenset[str]:
    return frozenset(f for f in verb_forms(verb) if f.endswith("ed"))


def _numbers(noun: str) -> frozenset[str]:
    """A noun and its other number ("model"/"models", "query"/"queries", "bias"/"biases")."""
    forms = {noun}
    if noun.endswith("ies"):
        forms.add(noun[:-3] + "y")
    elif noun.endswith("s"):
        # A plural ("models") or a singular in -s ("bias", "analysis", "class"): both readings.
        forms.add(noun + "es")
        if not noun.endswith("ss"):
            forms.add(noun[:-1])
        if noun.endswith("es") and noun[:-2].endswith(_SIBILANT):
            forms.add(noun[:-2])
    elif noun.endswith("y") and noun[-2:-1] not in ("a", "e", "i", "o", "u"):
        forms.add(noun[:-1] + "ies")
    else:
        forms.add(noun + ("es" if noun.endswith(_SIBILANT) else "s"))
    return frozenset(forms)


def _nominal_spellings(head: str) -> frozenset[str]:
    """A head in both spellings of "-ization" / "-isation" and "-yze" / "-yse"."""
    spellings = {head}
    if "ization" in head:
        spellings.add(head.replace("ization", "isation"))
    if "isation" in head:
        spellings.add(head.replace("isation", "ization"))
    return frozenset(spellings)


# An object: its words before the last, and the spellings of its last word.
_Object = tuple[tuple[str, ...], frozenset[str]]


class ParaphraseIndex:
    """The verb-object and "head of object" shapes of the lexicon's practice skills.

    Args:
        entries: The skills (only ``method`` and ``field`` ones are used).
        settings: Extractor settings (``paraphrase_verbs``, ``paraphrase_breaks``,
            ``paraphrase_tails``, ``paraphrase_window``).
    """

    def __init__(self, entries: Iterable[SkillEntry], settings: ExtractSettings) -> None:
        self.window = settings.paraphrase_window
        self.breaks = frozenset(settings.paraphrase_breaks)
        self.tails = frozenset(settings.paraphrase_tails)
        nouns = frozenset(settings.paraphrase_noun_verbs)
        synonyms = settings.paraphrase_objects
        # verb form -> [(object, skill id)], the same for past participles and heads before "of".
        self._by_verb: dict[str, list[tuple[_Object, str]]] = {}
        self._by_past: dict[str, list[tuple[_Object, str]]] = {}
        self._by_head: dict[str, list[tuple[_Object, str]]] = {}
        # The same objects by their last word, for one pass over a clause (``_objects_after``).
        self._verb_objects: dict[str, dict[str, list[tuple[tuple[str, ...], str, int]]]] = {}
        self._head_objects: dict[str, dict[str, list[tuple[tuple[str, ...], str, int]]]] = {}
        verbs = settings.paraphrase_verbs
        if not verbs:
            return
        seen: set[tuple[str, str, tuple[str, ...], frozenset[str]]] = set()
        for entry in entries:
            if entry.category not in ("method", "field"):
                continue
            # A form that needs corroboration as written ("rate analysis" is a quantity
            # surveyor's) is too loose to stand for its skill reworded ("analysis of rates").
            guarded = {g.casefold() for g in entry.guarded_forms}
            for form in entry.forms:
                if form.casefold() in guarded:
                    continue
                words = form.split()
                if not 2 <= len(words) <= 3 or not all(_PLAIN.fullmatch(w) for w in words[1:]):
                    continue
                first = words[0]
                if not _PLAIN.fullmatch(first.lower()) or not (
                    first[1:].islower() or first.isupper()
                ):
                    continue
                words = [w.lower() for w in words]
                head = words[-1]
                makers = verbs.get(head)
                if makers is None or words[-2] in self.breaks:
                    continue
                last = _numbers(words[-2])
                for other in synonyms.get(words[-2], ()):
                    last |= _numbers(other)
                obj: _Object = (tuple(words[:-2]), last)
                key = (entry.id, head, obj[0], obj[1])
                if key in seen:
                    continue
                seen.add(key)
                for verb in makers:
                    forms = verb_forms(verb)
                    if verb in nouns:
                        forms = frozenset(f for f in forms if f.endswith(("ed", "ing")))
                    for verb_form in forms:
                        self._by_verb.setdefault(verb_form, []).append((obj, entry.id))
                    for past in _past(verb):
                        self._by_past.setdefault(past, []).append((obj, entry.id))
                for spelling in _nominal_spellings(head):
                    self._by_head.setdefault(spelling, []).append((obj, entry.id))
        self._verb_objects = self._by_last_word(self._by_verb)
        self._head_objects = self._by_last_word(self._by_head)
        # Every word a paraphrase can start or end on: most of a document's words are none.
        self._cues = (
            frozenset(self._verb_objects) | frozenset(self._by_past) | frozenset(self._head_objects)
        )

    def __bool__(self) -> bool:
        return bool(self._by_verb)

    def find(self, lowers: list[str]) -> list[ParaphraseMatch]:
        """Every paraphrase in a document.

        Args:
            lowers: The document's token texts, lower-cased (whitespace tokens included).

        Returns:
            Matches by start, then skill id, one per skill and place.
        """
        if not self._by_verb:
            return []
        found: set[ParaphraseMatch] = set()
        cues = self._cues
        for i, word in enumerate(lowers):
            if word not in cues:
                continue
            verb_objects = self._verb_objects.get(word)
            if verb_objects is not None:
                at = self._after_run(lowers, i + 1, partial(self._joins_verb, word))
                for skill_id, end in self._objects_after(lowers, at, verb_objects):
                    found.add(ParaphraseMatch(skill_id, i, end))
            pasts = self._by_past.get(word)
            if pasts is not None:
                first = self._run_start(lowers, i)
                for obj, skill_id in pasts:
                    start = self._object_before(lowers, first, obj)
                    if start is not None:
                        found.add(ParaphraseMatch(skill_id, start, i + 1))
            head_objects = self._head_objects.get(word)
            if head_objects is not None:
                of = self._after_run(lowers, i + 1, lambda w: w in self._by_head)
                if of < len(lowers) and lowers[of] == "of":
                    for skill_id, end in self._objects_after(lowers, of + 1, head_objects):
                        found.add(ParaphraseMatch(skill_id, i, end))
        return sorted(found, key=lambda m: (m.start, m.skill_id, m.end))

    @staticmethod
    def _by_last_word(
        table: dict[str, list[tuple[_Object, str]]],
    ) -> dict[str, dict[str, list[tuple[tuple[str, ...], str, int]]]]:
        """``table``'s objects by each spelling of their last word: key -> last word ->
        [(words before it, skill id, the object's number under the key)]."""
        out: dict[str, dict[str, list[tuple[tuple[str, ...], str, int]]]] = {}
        for key, objects in table.items():
            by_word = out.setdefault(key, {})
            for number, ((before, last), skill_id) in enumerate(objects):
                for word in sorted(last):
                    by_word.setdefault(word, []).append((before, skill_id, number))
        return out

    def _after_run(self, lowers: list[str], at: int, joins: Callable[[str], bool]) -> int:
        """Past the conjuncts that ``joins`` accepts, coordinated from ``at`` on ("and
        monitored", ", tested, and deployed"): where the shared object may start."""
        while (conjunct := self._link_after(lowers, at)) is not None and joins(lowers[conjunct]):
            at = conjunct + 1
        return at

    def _run_start(self, lowers: list[str], at: int) -> int:
        """The first of the participles coordinated up to the one at ``at`` ("merged and
        cleaned"): where the shared object must end right before."""
        while (conjunct := self._link_before(lowers, at)) is not None and self._participle(
            lowers[conjunct]
        ):
            at = conjunct
        return at

    def _link_after(self, lowers: list[str], at: int) -> int | None:
        """The token after a coordinating link that starts at ``at`` (", ", " and ", ", and ",
        then perhaps an adverb in "-ly"), or None when no link starts there."""
        at = self._skip_spaces(lowers, at)
        if at >= len(lowers) or lowers[at] not in _CONNECTORS:
            return None
        if lowers[at] == ",":
            after = self._skip_spaces(lowers, at + 1)
            if after < len(lowers) and lowers[after] in _CONJUNCTIONS:
                at = after
        at = self._skip_spaces(lowers, at + 1)
        if at < len(lowers) and _ADVERB.fullmatch(lowers[at]):
            at = self._skip_spaces(lowers, at + 1)
        return at if at < len(lowers) else None

    def _link_before(self, lowers: list[str], at: int) -> int | None:
        """The token before a coordinating link that ends right before ``at`` (the mirror of
        ``_link_after``), or None when no link ends there."""
        i = self._skip_spaces_back(lowers, at - 1)
        if i >= 0 and _ADVERB.fullmatch(lowers[i]):
            i = self._skip_spaces_back(lowers, i - 1)
        if i < 0 or lowers[i] not in _CONNECTORS:
            return None
        if lowers[i] != ",":
            comma = self._skip_spaces_back(lowers, i - 1)
            if comma >= 0 and lowers[comma] == ",":
                i = comma
        i = self._skip_spaces_back(lowers, i - 1)
        return i if i >= 0 else None

    def _joins_verb(self, verb: str, word: str) -> bool:
        """``word`` may be coordinated with the verb form ``verb`` of the table: another form of
        the table, or a verb the table does not list in the same past or "-ing" form."""
        if word in self._by_verb:
            return True
        if word in self.breaks:
            return False
        if verb.endswith("ed"):
            return _PAST_FORM.fullmatch(word) is not None
        return verb.endswith("ing") and _ING_FORM.fullmatch(word) is not None

    def _participle(self, word: str) -> bool:
        """``word`` may be a past participle coordinated with one of the table."""
        if word in self._by_past:
            return True
        return word not in self.breaks and _PAST_FORM.fullmatch(word) is not None

    def _clause_word(self, lower: str) -> bool:
        """A token that may sit inside the clause between verb and object."""
        return lower not in self.breaks and (lower.isalnum() or lower == "-")

    def _objects_after(
        self,
        lowers: list[str],
        at: int,
        objects: dict[str, list[tuple[tuple[str, ...], str, int]]],
    ) -> list[tuple[str, int]]:
        """(skill id, one past the object's last token) for each of ``objects`` (by last word,
        ``_by_last_word``) that starts within ``window`` words of ``at``, at its first place: one
        pass over the clause for all the objects of a verb or head."""
        out: list[tuple[str, int]] = []
        done: set[int] = set()
        skipped = 0
        i = at
        while i < len(lowers) and skipped <= self.window:
            word = lowers[i]
            if word.isspace() and "\n" not in word:
                i += 1
                continue
            if not self._clause_word(word):
                break
            ends: bool | None = None
            for before, skill_id, number in objects.get(word, ()):
                if number in done:
                    continue
                if tuple(lowers[i - len(before) : i]) != before or i - len(before) < at:
                    continue
                if ends is None:
                    ends = self._ends_phrase(lowers, i + 1)
                if ends:
                    done.add(number)
                    out.append((skill_id, i + 1))
            if word != "-":
                skipped += 1
            i += 1
        return out

    def _ends_phrase(self, lowers: list[str], at: int) -> bool:
        """The noun phrase ends before token ``at`` (or goes on with one allowed tail word)."""
        at = self._skip_spaces(lowers, at)
        if at >= len(lowers):
            return True
        word = lowers[at]
        if word in self.tails:
            return True
        # An adverb in -ly ("scraped websites nightly") ends the noun phrase too.
        return not word.isalnum() or word in self.breaks or _ADVERB.fullmatch(word) is not None

    @staticmethod
    def _skip_spaces(lowers: list[str], at: int) -> int:
        while at < len(lowers) and lowers[at].isspace() and "\n" not in lowers[at]:
            at += 1
        return at

    @staticmethod
    def _skip_spaces_back(lowers: list[str], at: int) -> int:
        while at >= 0 and lowers[at].isspace() and "\n" not in lowers[at]:
            at -= 1
        return at

    def _object_before(self, lowers: list[str], verb_at: int, obj: _Object) -> int | None:
        """Where the object starts when it stands right before the participle at ``verb_at``."""
        before, last = obj
        i = self._skip_spaces_back(lowers, verb_at - 1)
        if i < 0 or lowers[i] not in last:
            return None
        start = i - len(before)
        if start < 0 or tuple(lowers[start:i]) != before:
            return None
        return start
