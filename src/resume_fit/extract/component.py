"""The spaCy component that finds skills: ``resume_fit_skills``.

Modelled on spaCy's ``SpanRuler``: a small class whose ``__call__`` delegates to ``match()`` and
``set_annotations()``. A case-insensitive ``PhraseMatcher`` (attribute ``LOWER``) holds every
surface form of every skill, tokenised with the pipeline's own tokenizer, under the canonical
skill id, so every alias resolves to one id. The ambiguity policy (``ambiguity.py``) then vets
names that are also ordinary words, overlaps are resolved longest-first, and the fuzzy resolver
(``fuzzy.py``) looks at what is left.

Results go to ``doc.spans["skills"]``: each span's ``id_`` and ``kb_id_`` are the skill id, its
``label_`` the skill's category, and the extensions ``span._.skill_method`` ("exact", "alias",
"fuzzy") and ``span._.skill_confidence`` (0..1) say how it matched.

``to_disk``/``from_disk`` store the skills (ids, names, categories, forms, ambiguity data) and the
settings, so a saved pipeline loads with ``spacy.load`` without the ``lexicons/`` folder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import ensure_path

from resume_fit.errors import DataFileError
from resume_fit.extract.ambiguity import (
    AmbiguityPolicy,
    Candidate,
    DocContext,
    form_class,
)
from resume_fit.extract.fuzzy import FuzzyResolver
from resume_fit.extract.settings import ExtractSettings, load_settings
from resume_fit.lexicon import Lexicon, Skill, load_lexicon, read_lexicon

FACTORY_NAME = "resume_fit_skills"
_HYPHENABLE = re.compile(r"[A-Za-z0-9]+( [A-Za-z0-9]+){1,3}")


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


# A pattern's token texts and whether a space follows each.
_Tokens = tuple[tuple[str, ...], tuple[bool, ...]]


class SkillMatch(NamedTuple):
    """One accepted match, before it becomes a span.

    Attributes:
        skill_id: Canonical skill id.
        start: First token index.
        end: One past the last token index.
        method: "exact", "alias" or "fuzzy".
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


@dataclass(frozen=True)
class _FormInfo:
    is_name: bool
    form_class: str
    case_keys: frozenset[tuple[str, ...]]
    # An all-lower-case spelling fits any case (``case_matches``): decided once, not per match.
    any_case: bool = field(init=False)

    def __post_init__(self) -> None:
        any_case = any(all(t == t.lower() for t in key) for key in self.case_keys)
        object.__setattr__(self, "any_case", any_case)


def _guarded_forms(skill: Skill) -> tuple[str, ...]:
    # The lexicon's own spelling of an ambiguous form sets the case a mention must have:
    # "Go" needs a capital, "reporting" (name "Reporting") does not.
    named = tuple(skill.ambiguous_forms)
    folded = {f.casefold() for f in named}
    rest = (f for f in skill.surface_forms if skill.needs_context(f) and f.casefold() not in folded)
    return (*named, *rest)


def _case_key(words: tuple[str, ...], spelling: str) -> tuple[str, ...]:
    """The tokens ``words`` re-cased to ``spelling`` (same letters, maybe another case)."""
    key, at = [], 0
    folded = spelling.casefold()
    for word in words:
        at = folded.find(word.lower(), at)
        key.append(spelling[at : at + len(word)] if at >= 0 else word)
        at = at + len(word) if at >= 0 else 0
    return tuple(key)


def _guess_tokens(text: str) -> _Tokens:
    """How the tokenizer usually splits a pattern: at single spaces and around hyphens.

    Saved pipelines store only the patterns split otherwise (``SkillMatcher.to_disk``).
    """
    words: list[str] = []
    spaces: list[bool] = []
    for piece in text.split(" "):
        for part in piece.split("-"):
            words.extend((part, "-"))
            spaces.extend((False, False))
        words.pop()
        spaces.pop()
        spaces[-1] = True
    spaces[-1] = False
    return tuple(words), tuple(spaces)


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
        self.entries: dict[str, SkillEntry] = {}
        self.settings: ExtractSettings | None = None
        self.lexicon_version = ""
        self._matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._forms: dict[tuple[str, tuple[str, ...]], _FormInfo] = {}
        self._policy: AmbiguityPolicy | None = None
        self._fuzzy: FuzzyResolver | None = None
        self._tokens: dict[str, _Tokens] = {}

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
        self._load(entries, settings, lexicon.version)

    def _load(
        self,
        entries: Iterable[SkillEntry],
        settings: ExtractSettings,
        version: str,
        tokens: dict[str, _Tokens] | None = None,
    ) -> None:
        self.entries = {e.id: e for e in sorted(entries, key=lambda e: e.id)}
        self.settings = settings
        self.lexicon_version = version
        self._matcher = PhraseMatcher(self.nlp.vocab, attr="LOWER")
        self._forms = {}
        fuzzy_forms: list[tuple[str, str, bool, bool]] = []
        flat = []
        for entry in self.entries.values():
            for form in entry.forms:
                flat.append((entry, form, form))
                # Tag-style writing joins words with hyphens: "amazon-web-services".
                if _HYPHENABLE.fullmatch(form):
                    flat.append((entry, form, "-".join(form.split())))
        self._tokens = self._tokenise([written for _, _, written in flat], tokens)
        vocab = self.nlp.vocab
        by_skill: dict[str, list[Doc]] = {}
        for entry, form, written in flat:
            words, spaces = self._tokens[written]
            if not words:
                continue
            key = tuple(w.lower() for w in words)  # spaCy's LOWER is str.lower() of the text
            spellings = [g for g in entry.guarded_forms if g.casefold() == form.casefold()]
            cls = form_class(form, bool(spellings), settings)
            is_name = form.casefold() == entry.name.casefold()
            info = self._forms.get((entry.id, key))
            case_keys = {words}
            if written == form:
                case_keys.update(_case_key(words, spelling) for spelling in spellings)
            if entry.category in settings.case_insensitive_categories:
                case_keys.add(key)  # all lower case: any case matches
            if info is None:
                doc = Doc(vocab, words=list(words), spaces=list(spaces))
                by_skill.setdefault(entry.id, []).append(doc)
                info = _FormInfo(is_name, cls, frozenset(case_keys))
            else:
                info = _FormInfo(
                    info.is_name or is_name,
                    info.form_class if info.form_class == "plain" else cls,
                    info.case_keys | case_keys,
                )
            self._forms[(entry.id, key)] = info
            if written == form:
                fuzzy_forms.append((entry.id, form, is_name, cls == "plain"))
        for skill_id, patterns in by_skill.items():
            self._matcher.add(skill_id, patterns)
        self._policy = AmbiguityPolicy(settings)
        self._fuzzy = FuzzyResolver(fuzzy_forms, settings)

    def _tokenise(self, texts: list[str], saved: dict[str, _Tokens] | None) -> dict[str, _Tokens]:
        """Token texts and trailing spaces of each of ``texts``.

        A saved pipeline stores how the tokenizer split its patterns (``saved``: the texts it did
        not split as ``_guess_tokens`` guesses), so loading it runs no tokenizer: building a ``Doc``
        from words is much cheaper than tokenising.
        """
        if saved is not None:
            tokens = {}
            for text in texts:
                tokens[text] = saved[text] if text in saved else _guess_tokens(text)
            return tokens
        tokens = {}
        todo = sorted(set(texts))
        # The pipeline's tokenizer, not the full pipeline, so patterns split like the text will.
        for text, doc in zip(todo, self.nlp.tokenizer.pipe(todo), strict=True):
            tokens[text] = (tuple(t.text for t in doc), tuple(bool(t.whitespace_) for t in doc))
        # Tokenising thousands of forms leaves the tokenizer about ten times slower on the next
        # texts (measured with spaCy 3.8); setting its rules again rebuilds its caches.
        self.nlp.tokenizer.rules = self.nlp.tokenizer.rules
        return tokens

    def __call__(self, doc: Doc) -> Doc:
        """Find the skills in ``doc`` and store them in ``doc.spans[spans_key]``."""
        self.set_annotations(doc, self.match(doc))
        return doc

    def match(self, doc: Doc) -> list[SkillMatch]:
        """Return the accepted skill matches in ``doc``, sorted by start token."""
        if self.settings is None or self._policy is None or self._fuzzy is None:
            raise DataFileError(self.name, "no lexicon: call add_lexicon() or load a saved model")
        settings = self.settings
        ctx = DocContext(doc, settings)
        strings = self.nlp.vocab.strings
        candidates: list[Candidate] = []
        names: dict[tuple[str, int, int], bool] = {}
        for match_id, start, end in self._matcher(doc):
            skill_id = strings[match_id]
            info = self._forms.get((skill_id, tuple(ctx.lowers[start:end])))
            if info is None:
                continue
            case_ok = info.any_case or tuple(ctx.texts[start:end]) in info.case_keys
            entry = self.entries[skill_id]
            candidates.append(
                Candidate(skill_id, start, end, info.form_class, case_ok, entry.context)
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
        conf = settings.confidence
        for cand in accepted:
            tokens = range(cand.start, cand.end)
            if not taken.isdisjoint(tokens):
                continue
            taken.update(tokens)
            method = "exact" if names[(cand.skill_id, cand.start, cand.end)] else "alias"
            confidence = conf[method]
            if cand.form_class != "plain":
                confidence *= conf["ambiguous_factor"]
            results.append(
                SkillMatch(
                    cand.skill_id,
                    cand.start,
                    cand.end,
                    method,
                    round(confidence, 4),
                    ctx.offsets[cand.start],
                    ctx.offsets[cand.end - 1] + len(ctx.texts[cand.end - 1]),
                )
            )
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

    # Serialisation: the skills and settings travel with the pipeline.

    def _state(self) -> dict[str, Any]:
        if self.settings is None:
            raise DataFileError(self.name, "nothing to save: no lexicon was added")
        return {
            "lexicon_version": self.lexicon_version,
            "settings": self.settings.to_dict(),
            "skills": [asdict(e) for e in self.entries.values()],
            "tokens": {
                text: [list(words), list(spaces)]
                for text, (words, spaces) in sorted(self._tokens.items())
                if _guess_tokens(text) != (words, spaces)
            },
        }

    def _restore(self, state: dict[str, Any], origin: str) -> None:
        try:
            entries = [
                SkillEntry(
                    id=e["id"],
                    name=e["name"],
                    category=e["category"],
                    forms=tuple(e["forms"]),
                    ambiguous=bool(e["ambiguous"]),
                    context=tuple(e["context"]),
                    guarded_forms=tuple(e["guarded_forms"]),
                )
                for e in state["skills"]
            ]
            settings = ExtractSettings.from_dict(state["settings"], origin)
            version = str(state["lexicon_version"])
            # Saved by older versions without the patterns' tokens: tokenise them instead.
            saved = state.get("tokens")
            tokens = None
            if saved is not None:
                tokens = {
                    text: (tuple(str(w) for w in words), tuple(bool(s) for s in spaces))
                    for text, (words, spaces) in saved.items()
                }
        except (KeyError, TypeError, ValueError) as error:
            raise DataFileError(origin, f"not a saved skill matcher ({error!r})") from error
        self._load(entries, settings, version, tokens)

    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        """Serialise the skills and settings to bytes."""
        return json.dumps(self._state(), sort_keys=True, ensure_ascii=False).encode("utf-8")

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> SkillMatcher:
        """Load the skills and settings from ``to_bytes`` output."""
        self._restore(json.loads(data.decode("utf-8")), f"<{self.name} bytes>")
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        """Save to a folder: ``cfg.json`` (version, settings), ``skills.jsonl`` (one a line) and
        ``tokens.json`` (how the tokenizer split the patterns that are not split at spaces)."""
        path = ensure_path(path)
        path.mkdir(parents=True, exist_ok=True)
        state = self._state()
        cfg = {"lexicon_version": state["lexicon_version"], "settings": state["settings"]}
        (path / "cfg.json").write_text(
            json.dumps(cfg, sort_keys=True, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
        )
        lines = [json.dumps(s, sort_keys=True, ensure_ascii=False) for s in state["skills"]]
        (path / "skills.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        (path / "tokens.json").write_text(
            json.dumps(state["tokens"], sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8"
        )

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> SkillMatcher:
        """Load a folder written by ``to_disk``."""
        path = ensure_path(path)
        try:
            cfg = json.loads((path / "cfg.json").read_text(encoding="utf-8"))
            skills = [
                json.loads(line)
                for line in (path / "skills.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()
            ]
            tokens_path = path / "tokens.json"
            if tokens_path.is_file():
                cfg["tokens"] = json.loads(tokens_path.read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            raise DataFileError(path, f"cannot read the saved skill matcher: {error}") from error
        self._restore({**cfg, "skills": skills}, str(path))
        return self
