"""The spaCy component that finds skills: ``resume_fit_skills``.

Modelled on spaCy's ``SpanRuler``: a small class whose ``__call__`` delegates to ``match()`` and
``set_annotations()``. This module holds the component itself: its factory, loading a lexicon,
(de)serialisation and the lazy preparation of what matching needs. Every surface form of every
skill is tokenised with the pipeline's own tokenizer and stored under its lower-cased token texts
and the canonical skill id (``patterns.py``), so matching is case-insensitive and every alias
resolves to one id. The per-document passes (``passes.py``) find the phrases and shorthand, let
the ambiguity policy (``ambiguity.py``) vet names that are also ordinary words, resolve overlaps
longest-first, apply the usage filter, add paraphrases, and let the fuzzy resolver
(``fuzzy.py``) look at what is left.

Results go to ``doc.spans["skills"]``: each span's ``id_`` and ``kb_id_`` are the skill id, its
``label_`` the skill's category, and the extensions ``span._.skill_method`` ("exact", "alias",
"coordination", "paraphrase", "fuzzy") and ``span._.skill_confidence`` (0..1) say how it matched.

``to_disk``/``from_disk`` store the skills (ids, names, categories, forms, ambiguity data), the
settings and the built pattern index (``serialise.py``), so a saved pipeline loads with
``spacy.load`` without the ``lexicons/`` folder and without building the index again. The
passes, with the fuzzy resolver and the paraphrase index, are built on the first ``match`` (or
``prepare``), not on load: most processes that load the pipeline to check or save it never match.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any, cast

from spacy.language import Language
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from resume_fit.errors import DataFileError
from resume_fit.extract import serialise
from resume_fit.extract.ambiguity import AmbiguityPolicy
from resume_fit.extract.context import DocContext
from resume_fit.extract.fuzzy import FuzzyResolver
from resume_fit.extract.paraphrase import ParaphraseIndex
from resume_fit.extract.passes import MatchPasses, SkillMatch
from resume_fit.extract.patterns import PatternIndex, SkillEntry, Tokens, written_forms
from resume_fit.extract.settings import ExtractSettings, load_settings
from resume_fit.extract.usage import UsageFilter
from resume_fit.lexicon import Lexicon, Skill, load_lexicon, read_lexicon

FACTORY_NAME = "resume_fit_skills"

__all__ = ["FACTORY_NAME", "SkillEntry", "SkillMatch", "SkillMatcher", "make_skill_matcher"]


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
        # The matching passes, built on the first ``match`` (or ``prepare``).
        self._passes: MatchPasses | None = None
        self._token_map: dict[str, Tokens] | None = {}
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
        self._passes = None

    @property
    def _tokens(self) -> dict[str, Tokens]:
        """How the tokenizer splits each pattern text (restored from a saved model on demand)."""
        if self._token_map is None:
            texts = [written for e in self.entries.values() for _, written in written_forms(e)]
            self._token_map = serialise.restore_tokens(texts, self._saved_tokens)
            self._saved_tokens = {}
        return self._token_map

    def prepare(self) -> None:
        """Build what the first ``match`` would build (the passes, with the fuzzy resolver and
        the paraphrase index, which reads every practice skill's names), now.

        A batch calls it before forking its workers, so that they share them rather than each
        building its own; a loaded pipeline decodes no skill until then.
        """
        if (
            self._passes is None
            and self._patterns is not None
            and self._policy is not None
            and self._usage is not None
            and self.settings is not None
        ):
            with _collector_paused():
                fuzzy = FuzzyResolver(self._patterns.fuzzy_forms, self.settings)
                paraphrases = ParaphraseIndex(self.entries.values(), self.settings)
                self._passes = MatchPasses(
                    self.entries,
                    self.settings,
                    self._patterns,
                    self._policy,
                    self._usage,
                    fuzzy,
                    paraphrases,
                )

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
        """Return the accepted skill matches in ``doc``, sorted by start token (``passes.py``)."""
        if self._passes is None:
            self.prepare()
        if self._passes is None:
            raise DataFileError(self.name, "no lexicon: call add_lexicon() or load a saved model")
        return self._passes.run(DocContext(doc, self._passes.settings))

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
