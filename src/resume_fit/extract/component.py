"""The spaCy component that finds skills: ``resume_fit_skills``.

Modelled on spaCy's ``SpanRuler``: a small class whose ``__call__`` delegates to ``match()`` and
``set_annotations()``. Every surface form of every skill is tokenised with the pipeline's own
tokenizer and stored under its lower-cased token texts and the canonical skill id
(``patterns.py``), so matching is case-insensitive and every alias resolves to one id. The
ambiguity policy (``ambiguity.py``) then vets names that are also ordinary words, overlaps are
resolved longest-first, and the fuzzy resolver (``fuzzy.py``) looks at what is left.

Results go to ``doc.spans["skills"]``: each span's ``id_`` and ``kb_id_`` are the skill id, its
``label_`` the skill's category, and the extensions ``span._.skill_method`` ("exact", "alias",
"coordination", "paraphrase", "fuzzy") and ``span._.skill_confidence`` (0..1) say how it matched.

``to_disk``/``from_disk`` store the skills (ids, names, categories, forms, ambiguity data), the
settings and the built pattern index (``serialise.py``), so a saved pipeline loads with
``spacy.load`` without the ``lexicons/`` folder and without building the index again. The fuzzy
resolver is built on the first ``match`` (or ``prepare``), not on load: most processes that load
the pipeline to check or save it never match.
"""

from __future__ import annotations

import bisect
import gc
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from itertools import chain
from pathlib import Path
from typing import Any, NamedTuple, cast

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from resume_fit.errors import DataFileError
from resume_fit.extract import serialise
from resume_fit.extract.ambiguity import AmbiguityPolicy
from resume_fit.extract.context import Candidate, DocContext
from resume_fit.extract.fuzzy import FuzzyResolver
from resume_fit.extract.paraphrase import ParaphraseIndex
from resume_fit.extract.patterns import (
    FormInfo,
    PatternIndex,
    SkillEntry,
    Tokens,
    written_forms,
)
from resume_fit.extract.settings import ExtractSettings, load_settings
from resume_fit.extract.shorthand import coordinated, joined, qualified, versioned
from resume_fit.extract.usage import LineCache, UsageFilter
from resume_fit.lexicon import Lexicon, Skill, load_lexicon, read_lexicon

FACTORY_NAME = "resume_fit_skills"

__all__ = ["FACTORY_NAME", "SkillEntry", "SkillMatch", "SkillMatcher", "make_skill_matcher"]


class SkillMatch(NamedTuple):
    """One accepted match, before it becomes a span.

    Attributes:
        skill_id: Canonical skill id.
        start: First token index.
        end: One past the last token index.
        method: "exact", "alias", "coordination", "paraphrase" or "fuzzy".
        confidence: 0..1, from the settings.
        start_char: Character offset where the match starts in the doc's text.
        end_char: Character offset one past its end.
    """

    skill_id: str
    start: int
    end: int
    method: str
    confidence: float
    start_char: int = 0
    end_char: int = 0


def _guarded_forms(skill: Skill) -> tuple[str, ...]:
    # The lexicon's own spelling of an ambiguous form sets the case a mention must have:
    # "Go" needs a capital, "reporting" (name "Reporting") does not.
    named = tuple(skill.ambiguous_forms)
    folded = {f.casefold() for f in named}
    rest = (f for f in skill.surface_forms if skill.needs_context(f) and f.casefold() not in folded)
    return (*named, *rest)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Pause Python's cyclic garbage collector while the patterns are built.

    Building them creates hundreds of thousands of long-lived objects and no garbage cycles;
    the collector kept rescanning them as they piled up, about a third of the time to load the
    shipped model (measured with spaCy 3.8 on Python 3.11). Whatever the block leaves behind is
    collected as usual once the collector resumes.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _register_extensions() -> None:
    for attr in ("skill_method", "skill_confidence"):
        if not Span.has_extension(attr):
            Span.set_extension(attr, default=None)


@Language.factory(
    FACTORY_NAME,
    default_config={"spans_key": "skills", "lexicon_path": None},
)
def make_skill_matcher(
    nlp: Language, name: str, spans_key: str, lexicon_path: str | None
) -> SkillMatcher:
    """Create the skill matcher.

    Args:
        nlp: The pipeline; its tokenizer builds the phrase patterns.
        name: The component's name in the pipeline.
        spans_key: Key of ``doc.spans`` that receives the skills.
        lexicon_path: A ``skills.jsonl`` to load now, with the shipped settings; leave None and
            call ``add_lexicon`` (or load a saved pipeline) instead.
    """
    matcher = SkillMatcher(nlp, name, spans_key=spans_key)
    if lexicon_path is not None:
        matcher.add_lexicon(read_lexicon(lexicon_path), load_settings())
    return matcher


class SkillMatcher:
    """Finds lexicon skills in a ``Doc`` (see the module docstring).

    Args:
        nlp: The pipeline whose tokenizer builds the patterns.
        name: The component's name.
        spans_key: Key of ``doc.spans`` that receives the skills.
    """

    def __init__(self, nlp: Language, name: str = FACTORY_NAME, spans_key: str = "skills") -> None:
        _register_extensions()
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self.entries: Mapping[str, SkillEntry] = {}
        self.settings: ExtractSettings | None = None
        self.lexicon_version = ""
        self._patterns: PatternIndex | None = None
        self._policy: AmbiguityPolicy | None = None
        self._usage: UsageFilter | None = None
        self._fuzzy: FuzzyResolver | None = None
        self._paraphrases: ParaphraseIndex | None = None
        self._vendors: frozenset[str] = frozenset()
        self._token_map: dict[str, Tokens] | None = {}
        # (context, category) of each skill matched so far, by id (``entries`` may decode them).
        self._skill_data: dict[str, tuple[tuple[str, ...], str]] = {}
        self._confidences: dict[tuple[str, bool], float] = {}
        # What a saved model stored of the tokens, until ``_tokens`` is first needed (to save).
        self._saved_tokens: dict[str, Tokens] = {}

    def initialize(
        self,
        get_examples: Callable[[], Iterable[Any]] | None = None,
        *,
        nlp: Language | None = None,
        lexicon_path: str | None = None,
    ) -> None:
        """Load a lexicon when ``nlp.initialize()`` runs, as spaCy components do.

        Args:
            get_examples: Unused; the matcher learns nothing from examples.
            nlp: Unused; the pipeline given at creation builds the patterns.
            lexicon_path: A ``skills.jsonl`` to load; the shipped lexicon when None. A matcher
                that already has a lexicon (added, or loaded from disk) keeps it unless a path
                is given.
        """
        if lexicon_path is not None:
            self.add_lexicon(read_lexicon(lexicon_path), load_settings())
        elif self.settings is None:
            self.add_lexicon(load_lexicon(), load_settings())

    def add_lexicon(self, lexicon: Lexicon, settings: ExtractSettings) -> None:
        """Replace the patterns with every surface form of every skill in ``lexicon``."""
        entries = [
            SkillEntry(
                id=s.id,
                name=s.name,
                category=s.category,
                forms=s.surface_forms,
                ambiguous=s.ambiguous,
                context=tuple(sorted({c.casefold() for c in s.context})),
                guarded_forms=_guarded_forms(s),
            )
            for s in lexicon.values()
        ]
        with _collector_paused():
            self._load(entries, settings, lexicon.version)

    def _load(
        self,
        entries: Iterable[SkillEntry] | Mapping[str, SkillEntry],
        settings: ExtractSettings,
        version: str,
        tokens: dict[str, Tokens] | None = None,
        index: dict[str, Any] | None = None,
    ) -> None:
        # A saved model's entries come by id in id order, decoded when first read: keep them so.
        self.entries = (
            entries
            if isinstance(entries, Mapping)
            else {e.id: e for e in sorted(entries, key=lambda e: e.id)}
        )
        self.settings = settings
        self.lexicon_version = version
        if tokens is not None and index is not None:
            # A saved index: the tokens are only needed again to save, so restore them then.
            self._token_map = None
            self._saved_tokens = tokens
            self._patterns = PatternIndex.from_state(index)
        else:
            texts = [written for e in self.entries.values() for _, written in written_forms(e)]
            if tokens is None:
                self._token_map = self._tokenise(texts)
            else:
                self._token_map = serialise.restore_tokens(texts, tokens)
            self._patterns = PatternIndex(self.entries.values(), self._token_map, settings)
        self._policy = AmbiguityPolicy(settings)
        self._usage = UsageFilter(settings, self.entries)
        self._paraphrases = None
        self._skill_data = {}
        # A phrase match's confidence by method and whether its form is plain: four values.
        conf, factor = dict(settings.confidence), settings.confidence["ambiguous_factor"]
        conf.setdefault("coordination", conf["alias"])
        self._confidences = {
            (method, plain): round(conf[method] if plain else conf[method] * factor, 4)
            for method in ("exact", "alias", "coordination")
            for plain in (True, False)
        }
        self._vendors = frozenset(settings.vendor_words)
        self._fuzzy = None

    @property
    def _tokens(self) -> dict[str, Tokens]:
        """How the tokenizer splits each pattern text (restored from a saved model on demand)."""
        if self._token_map is None:
            texts = [written for e in self.entries.values() for _, written in written_forms(e)]
            self._token_map = serialise.restore_tokens(texts, self._saved_tokens)
            self._saved_tokens = {}
        return self._token_map

    def prepare(self) -> None:
        """Build what the first ``match`` would build (the fuzzy resolver and the paraphrase
        index, which reads every practice skill's names), now.

        A batch calls it before forking its workers, so that they share them rather than each
        building its own; a loaded pipeline decodes no skill until then.
        """
        if self._fuzzy is None and self._patterns is not None and self.settings is not None:
            with _collector_paused():
                self._fuzzy = FuzzyResolver(self._patterns.fuzzy_forms, self.settings)
                self._paraphrases = ParaphraseIndex(self.entries.values(), self.settings)

    def _tokenise(self, texts: list[str]) -> dict[str, Tokens]:
        """Token texts and trailing spaces of each of ``texts``, from the pipeline's tokenizer.

        A saved pipeline stores how the tokenizer split its patterns, so loading one runs no
        tokenizer (``serialise.restore_tokens``).
        """
        tokens = {}
        todo = sorted(set(texts))
        # The pipeline's tokenizer, not the full pipeline, so patterns split like the text will.
        tokenizer = cast(Tokenizer, self.nlp.tokenizer)
        for text, doc in zip(todo, tokenizer.pipe(todo), strict=True):
            tokens[text] = (tuple(t.text for t in doc), tuple(bool(t.whitespace_) for t in doc))
        # Tokenising thousands of forms leaves the tokenizer about ten times slower on the next
        # texts (measured with spaCy 3.8); setting its rules again rebuilds its caches.
        tokenizer.rules = tokenizer.rules
        return tokens

    def __call__(self, doc: Doc) -> Doc:
        """Find the skills in ``doc`` and store them in ``doc.spans[spans_key]``."""
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[SkillMatch]:
        """Return the accepted skill matches in ``doc``, sorted by start token."""
        if self._fuzzy is None:
            self.prepare()
        if (
            self.settings is None
            or self._patterns is None
            or self._policy is None
            or self._fuzzy is None
            or self._usage is None
        ):
            raise DataFileError(self.name, "no lexicon: call add_lexicon() or load a saved model")
        settings = self.settings
        ctx = DocContext(doc, settings)
        candidates: list[Candidate] = []
        names: dict[tuple[str, int, int], bool] = {}
        words, texts = ctx.words, ctx.texts
        patterns = self._patterns
        found = patterns.find(ctx.word_lowers)
        word_texts = [texts[i] for i in words]

        def known(token: str) -> bool:
            return bool(patterns.get((token,)))

        coordinated_matches, coordinations = self._coordinated(ctx, found)
        # A ShortMatch is the tuple (first, last, skill_id, info, case_ok) already.
        shorthands: list[tuple[int, int, str, FormInfo, bool]] = [
            *coordinated_matches,
            *versioned(ctx.word_lowers, word_texts, known, patterns.get),
            *joined(word_texts, known, patterns.get),
        ]
        shorthands.extend(self._qualified(ctx, words))
        skill_data = self._skill_data
        for first, last, skill_id, info, short_case in chain(
            [(first, last, sid, info, None) for first, last, sid, info in found], shorthands
        ):
            # Back from the non-space tokens the phrases are matched on to document tokens.
            start, end = words[first], words[last - 1] + 1
            if short_case is not None:
                case_ok = short_case
            elif info.any_case:
                case_ok = True
            elif end - start == last - first:
                case_ok = tuple(texts[start:end]) in info.case_keys
            else:
                case_ok = tuple(texts[i] for i in words[first:last]) in info.case_keys
            data = skill_data.get(skill_id)
            if data is None:
                entry = self.entries[skill_id]
                data = skill_data[skill_id] = (entry.context, entry.category)
            candidates.append(
                Candidate(skill_id, start, end, info.form_class, case_ok, data[0], data[1])
            )
            names[(skill_id, start, end)] = info.is_name
        accepted = self._policy.accept_all(ctx, candidates)
        accepted.sort(
            key=lambda c: (
                -(c.end - c.start),
                c.start,
                not names[(c.skill_id, c.start, c.end)],
                c.skill_id,
            )
        )
        taken: set[int] = set()
        results: list[SkillMatch] = []
        keep = self._usage.keep
        lines: LineCache = {}  # what the filter learns about each line of this doc
        confidences = self._confidences
        offsets = ctx.offsets
        for cand in accepted:
            start, end = cand.start, cand.end
            if end - start == 1:
                if start in taken:
                    continue
                taken.add(start)
            else:
                tokens = range(start, end)
                if not taken.isdisjoint(tokens):
                    continue
                taken.update(tokens)
            # Judged after the overlaps: a degree's "Software Engineering" that is not evidence
            # still holds its words, so "Engineering" inside it does not count either.
            if not keep(ctx, cand, cand.category, lines):
                continue
            key = (cand.skill_id, start, end)
            method = "exact" if names[key] else "alias"
            # A conjunct's evidence is the words that name the skill, shared head included.
            start, end = coordinations.get(key, (start, end))
            if key in coordinations:
                method = "coordination"
            results.append(
                SkillMatch(
                    cand.skill_id,
                    start,
                    end,
                    method,
                    confidences[method, cand.form_class == "plain"],
                    offsets[start],
                    offsets[end - 1] + len(texts[end - 1]),
                )
            )
        results.extend(self._paraphrased(ctx, lines, results))
        conf = settings.confidence
        for near in self._fuzzy.resolve(ctx, taken):
            results.append(
                SkillMatch(
                    near.skill_id,
                    near.start,
                    near.end,
                    near.method,
                    conf[near.method],
                    ctx.offsets[near.start],
                    ctx.offsets[near.end - 1] + len(ctx.texts[near.end - 1]),
                )
            )
        results.sort(key=lambda m: (m.start, m.end, m.skill_id))
        return results

    def _paraphrased(
        self, ctx: DocContext, lines: LineCache, matched: list[SkillMatch]
    ) -> list[SkillMatch]:
        """Practice skills written as a verb and its object (``paraphrase.py``), judged by the
        usage filter like any match. They take no tokens: "deployed ML models" still shows ML.
        One that overlaps a match of the same skill in ``matched`` adds nothing ("design of
        experiments" is also an alias)."""
        if not self._paraphrases or self._usage is None or self.settings is None:
            return []
        conf = self.settings.confidence
        confidence = conf.get("paraphrase", conf["alias"])
        out = []
        spans: dict[str, list[tuple[int, int]]] = {}
        for m in matched:
            spans.setdefault(m.skill_id, []).append((m.start, m.end))
        for found in self._paraphrases.find(ctx.lowers):
            if any(
                start < found.end and found.start < end
                for start, end in spans.get(found.skill_id, ())
            ):
                continue
            entry = self.entries[found.skill_id]
            cand = Candidate(
                found.skill_id, found.start, found.end, "plain", True, entry.context, entry.category
            )
            if not self._usage.keep(ctx, cand, entry.category, lines):
                continue
            out.append(
                SkillMatch(
                    found.skill_id,
                    found.start,
                    found.end,
                    "paraphrase",
                    confidence,
                    ctx.offsets[found.start],
                    ctx.offsets[found.end - 1] + len(ctx.texts[found.end - 1]),
                )
            )
        return out

    def _coordinated(
        self, ctx: DocContext, found: list[tuple[int, int, str, FormInfo]]
    ) -> tuple[
        list[tuple[int, int, str, FormInfo, bool]], dict[tuple[str, int, int], tuple[int, int]]
    ]:
        """``shorthand.coordinated`` matches written on one line, as shorthand tuples in
        non-space token positions, and the document token span of the words naming each skill,
        by (skill id, start, end) of its conjunct in document tokens. A conjunct that is also a
        phrase of the skill by itself keeps its phrase match."""
        if self._patterns is None:
            return [], {}
        words, offsets, texts, text = ctx.words, ctx.offsets, ctx.texts, ctx.text
        direct = {(sid, s, e) for s, e, sid, _ in found}
        matches: list[tuple[int, int, str, FormInfo, bool]] = []
        spans: dict[tuple[str, int, int], tuple[int, int]] = {}
        for c in coordinated(ctx.word_lowers, found, self._patterns.get):
            if (c.skill_id, c.first, c.last) in direct:
                continue
            lo, hi = words[c.span_first], words[c.span_last - 1] + 1
            if "\n" in text[offsets[lo] : offsets[hi - 1] + len(texts[hi - 1])]:
                continue  # one line only: a line break ends a list item
            matches.append((c.first, c.last, c.skill_id, c.info, c.case_ok))
            spans[(c.skill_id, words[c.first], words[c.last - 1] + 1)] = (lo, hi)
        return matches, spans

    def _qualified(
        self, ctx: DocContext, words: list[int]
    ) -> list[tuple[int, int, str, FormInfo, bool]]:
        """``shorthand.qualified`` matches, moved to the non-space token positions."""
        vendors = self._vendors
        if not vendors or vendors.isdisjoint(ctx.lowers) or self._patterns is None:
            return []
        found = qualified(ctx.texts, ctx.lowers, vendors, self._patterns.get)
        return [
            (
                bisect.bisect_left(words, m.first),
                bisect.bisect_left(words, m.last - 1) + 1,
                m.skill_id,
                m.info,
                m.case_ok,
            )
            for m in found
        ]

    def set_annotations(self, doc: Doc, matches: list[SkillMatch]) -> None:
        """Write ``matches`` to ``doc.spans[spans_key]`` with their method and confidence."""
        spans = []
        for m in matches:
            entry = self.entries[m.skill_id]
            span = Span(
                doc, m.start, m.end, label=entry.category, kb_id=m.skill_id, span_id=m.skill_id
            )
            span._.skill_method = m.method
            span._.skill_confidence = m.confidence
            spans.append(span)
        doc.spans[self.spans_key] = spans

    # Serialisation (serialise.py): the skills and settings travel with the pipeline.

    def _state(self) -> dict[str, Any]:
        if self.settings is None:
            raise DataFileError(self.name, "nothing to save: no lexicon was added")
        if self._patterns is None:
            raise DataFileError(self.name, "nothing to save: no lexicon was added")
        entries = list(self.entries.values())
        return serialise.encode(
            entries, self.settings, self.lexicon_version, self._tokens, self._patterns.to_state()
        )

    def _restore(self, state: dict[str, Any], origin: str) -> None:
        saved = serialise.decode(state, origin)
        self._load(saved.entries, saved.settings, saved.version, saved.tokens, saved.index)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialise the skills and settings to bytes."""
        return json.dumps(self._state(), sort_keys=True, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> SkillMatcher:
        """Load the skills and settings from ``to_bytes`` output."""
        with _collector_paused():
            self._restore(json.loads(data.decode("utf-8")), f"<{self.name} bytes>")
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save to a folder (``serialise.write_folder``)."""
        serialise.write_folder(ensure_path(path), self._state())

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SkillMatcher:
        """Load a folder written by ``to_disk``."""
        folder = Path(path)
        with _collector_paused():
            self._restore(serialise.read_folder(folder), str(folder))
        return self
