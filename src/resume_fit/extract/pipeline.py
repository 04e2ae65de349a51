"""Build, save and load the skill pipeline, and run it on a resume.

The pipeline is ``spacy.blank("en")`` with two tokenizer adjustments and the ``resume_fit_skills``
component. ``scripts/build_model.py`` saves it to ``models/skills``; ``load_pipeline`` loads it
from there once per process, starting from an empty tokenizer (``SAVED_TOKENIZER``) since the
saved one replaces it whole. The saved pipeline records the lexicon version and the settings hash
in ``nlp.meta["resume_fit"]``; when they do not match ``lexicons/`` (someone edited the lexicon and
did not rebuild) or ``models/skills`` is missing, ``load_pipeline`` builds the pipeline in memory
from the lexicon instead and issues a ``StaleModelWarning``, so results always follow the lexicon.

Tokenizer adjustments (patterns are tokenised by the same tokenizer, so only splits that the
text needs and the patterns cannot supply are added):

- Special cases without a letter or digit (emoticons such as ":)" and ":*", whitespace) are
  dropped. They make blank English about 40 times slower on resume text (every token is checked
  against them) and mis-split Markdown ("**Skills:**" gave the emoticon ":*").
- ``/`` is split after ``+`` or ``#`` and before ``.``: blank English keeps "C++/Java" and
  "C#/.NET" as one token, but splits "Python/SQL".
- The Unicode hyphens U+2010 and U+2011 (the non-breaking hyphen some templates write for every
  hyphen) are split between letters like ``-``: "Time\u2011Series" was one unknown token. Their
  lower-case form is ``-`` (``context.DocContext``), so they match the forms written with ``-``.
- A possessive written with U+2018 or U+02BC ("Dunn‘s") is split like "'s" and "’s"
  (blank English splits only those two). The typographic apostrophes U+2019, U+2018 and U+02BC
  between letters, or opening a split clitic ("’s"), read as ``'``
  (``context.DocContext``), so "women’s health" matches "women's health".
- Names ending in ``#`` ("C#", "F#") are one token: blank English splits "C#" alone into "C" "#"
  but keeps it whole inside "C#/.NET".
- A slash glued to one end of a word is split off: "/Github" and "Latex/" are list items whose
  separator lost its space (blank English keeps them whole, so the name never matched); so is a
  hyphen glued to the end of a word ("Tableau- Experience - 6 months").
- A one-letter skill name followed by a full stop ("... Python and R.") is split: English keeps
  "R." as one token for initials; the ambiguity policy then rejects initials ("John R. Smith").
"""

from __future__ import annotations

import bisect
import re
import warnings
from collections.abc import Callable
from functools import lru_cache
from importlib import resources
from typing import cast

import spacy
from spacy.lang.tokenizer_exceptions import URL_PATTERN
from spacy.language import Language
from spacy.symbols import ORTH
from spacy.tokenizer import Tokenizer
from spacy.util import (
    compile_infix_regex,
    compile_prefix_regex,
    compile_suffix_regex,
    registry,
)

from resume_fit.config import model_files
from resume_fit.extract.component import FACTORY_NAME, SkillMatcher
from resume_fit.extract.context import SECTIONS_KEY
from resume_fit.extract.mention import Evidence, SkillMention
from resume_fit.extract.settings import ExtractSettings, load_settings
from resume_fit.lexicon import Lexicon, load_lexicon, shipped_lexicon_version
from resume_fit.parse.resume_text import ResumeText

MODEL_NAME = "skills"
META_KEY = "resume_fit"
SAVED_TOKENIZER = "resume_fit.SavedTokenizer.v1"
_SHARP = re.compile(r"[A-Za-z]+#")
_EXTRA_INFIXES = (
    r"(?<=[+#])/(?=[\w.])",
    r"(?<=[\w+#])/(?=\.)",
    # The Unicode hyphens U+2010 and U+2011 (non-breaking) between letters, as "-" is split.
    r"(?<=[A-Za-z])[\u2010\u2011](?=[A-Za-z])",
)
# A list separator glued to the start or end of an item: "/Github", "Latex/".
_EXTRA_PREFIXES = (r"/(?=[A-Za-z])",)
_EXTRA_SUFFIXES = (
    r"(?<=[A-Za-z0-9+#])/",
    # A hyphen glued to the end of a word before a space ("Tableau- Experience - 6 months"): a
    # separator that lost its space.
    r"(?<=[A-Za-z0-9+#])-",
    # A possessive written with U+2018 or U+02BC, split as "'s" and "’s" are.
    r"(?<=[A-Za-z])[\u2018\u02bc][sS]",
)


# A name written like a domain: "Node.js", "Socket.io", "ASP.NET".
_DOTTED_NAME = re.compile(r"[A-Za-z][A-Za-z0-9]*\.[A-Za-z]{2,}")


def _url_match(lexicon: Lexicon) -> Callable[[str], re.Match[str] | None]:
    """spaCy's URL test, except for a skill written like a domain before a slash: to spaCy
    "Node.js/Express" and "Socket.io/Redis" are addresses with a path, one token each, and the
    names in them were lost. "github.com/jane" is still an address."""
    dotted = sorted(
        {
            form.lower()
            for skill in lexicon.values()
            for form in skill.surface_forms
            if _DOTTED_NAME.fullmatch(form)
        }
    )
    names = "|".join(re.escape(form) for form in dotted)
    return re.compile(f"(?!(?i:{names})/){URL_PATTERN}").match


class StaleModelWarning(UserWarning):
    """The saved pipeline is missing or older than the lexicon; one was built in memory."""


@registry.tokenizers(SAVED_TOKENIZER)
def make_saved_tokenizer() -> Callable[[Language], Tokenizer]:
    """A tokenizer factory for a pipeline whose tokenizer ``from_disk`` is about to load.

    It makes an empty ``Tokenizer``: no rules, no prefixes, suffixes or infixes. Only for
    ``spacy.load`` of a folder that has a ``tokenizer`` file (spaCy raises when it is missing),
    since everything the tokenizer does comes from that file. spaCy's default English factory
    would compile the punctuation rules and add about 2,600 special cases first, only for the
    saved tokenizer to replace them (about 0.2 s of a load with spaCy 3.8).
    """

    def create(nlp: Language) -> Tokenizer:
        return Tokenizer(nlp.vocab)

    return create


def build_pipeline(
    lexicon: Lexicon | None = None, settings: ExtractSettings | None = None
) -> Language:
    """Assemble the skill pipeline in memory.

    Args:
        lexicon: The skills to match; the shipped lexicon when None.
        settings: Extractor settings; the shipped ``lexicons/extract.toml`` when None.

    Returns:
        ``spacy.blank("en")`` with the adjusted tokenizer and a loaded ``resume_fit_skills``
        component; ``nlp.meta["resume_fit"]`` holds the lexicon version and settings hash.
    """
    lexicon = load_lexicon() if lexicon is None else lexicon
    settings = load_settings() if settings is None else settings
    nlp = spacy.blank("en")
    tokenizer = cast(Tokenizer, nlp.tokenizer)
    tokenizer.rules = {
        text: tokens
        for text, tokens in (tokenizer.rules or {}).items()
        if any(c.isalnum() for c in text)
    }
    infixes = list(nlp.Defaults.infixes or ()) + list(_EXTRA_INFIXES)
    tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    prefixes = list(nlp.Defaults.prefixes or ()) + list(_EXTRA_PREFIXES)
    tokenizer.prefix_search = compile_prefix_regex(prefixes).search
    suffixes = list(nlp.Defaults.suffixes or ()) + list(_EXTRA_SUFFIXES)
    tokenizer.suffix_search = compile_suffix_regex(suffixes).search
    letters = sorted(
        {form for skill in lexicon.values() for form in skill.surface_forms if len(form) == 1}
    )
    for letter in letters:
        for text in (letter, letter.lower()):
            if text.isalpha():
                tokenizer.add_special_case(f"{text}.", [{ORTH: text}, {ORTH: "."}])
    tokenizer.url_match = _url_match(lexicon)
    # "C#" splits into "C" "#" alone but stays whole inside "C#/.NET": keep it whole everywhere.
    sharps = sorted(
        {
            form
            for skill in lexicon.values()
            for form in skill.surface_forms
            if _SHARP.fullmatch(form)
        }
    )
    for form in sharps:
        for text in sorted({form, form.lower(), form.upper()}):
            tokenizer.add_special_case(text, [{ORTH: text}])
    matcher = cast(SkillMatcher, nlp.add_pipe(FACTORY_NAME))
    matcher.add_lexicon(lexicon, settings)
    nlp.meta["name"] = MODEL_NAME
    nlp.meta["version"] = "1.0.0"
    nlp.meta["description"] = "resume-fit skill matcher (blank English + lexicon phrase matcher)"
    nlp.meta[META_KEY] = {"lexicon_version": lexicon.version, "settings_hash": settings.digest}
    return nlp


def is_current(nlp: Language, lexicon: Lexicon | str, settings: ExtractSettings) -> bool:
    """True when ``nlp`` was built from exactly this lexicon (or lexicon version) and settings."""
    version = lexicon if isinstance(lexicon, str) else lexicon.version
    stamp = nlp.meta.get(META_KEY) or {}
    return stamp.get("lexicon_version") == version and (
        stamp.get("settings_hash") == settings.digest
    )


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """Load the shipped skill pipeline once per process.

    Loads ``models/skills`` with ``spacy.load``, without its saved vocab (strings only the build
    needed). When that folder is missing or stale against
    ``lexicons/skills.jsonl`` / ``lexicons/extract.toml``, builds the pipeline from the lexicon in
    memory and warns with ``StaleModelWarning`` (run ``python scripts/build_model.py``).

    The loaded pipeline's ``nlp.config`` names spaCy's own tokenizer again, as the saved one does,
    so a copy saved from it with ``nlp.to_disk`` loads with plain ``spacy.load``.

    Whether the saved pipeline is current is told from the lexicon file's version (a hash of its
    bytes): the lexicon is parsed only when the pipeline must be built in memory.
    """
    settings = load_settings()
    folder = model_files() / MODEL_NAME
    reason = "is missing"
    if folder.is_dir():
        # The saved tokenizer replaces the default one wholesale: don't build that first.
        overrides = {"nlp": {"tokenizer": {"@tokenizers": SAVED_TOKENIZER}}}
        with resources.as_file(folder) as path:
            # Nor read the saved vocab: its string store holds every token of every pattern as
            # tokenised when the pipeline was built (about 29,000 strings, 0.05 s of a load), and
            # matching needs none of them: a document's tokens add their own strings, and the
            # vocab has no vectors or lookup tables.
            nlp = spacy.load(path, config=overrides, exclude=["vocab"])
        config = nlp.config
        config["nlp"]["tokenizer"] = {"@tokenizers": "spacy.Tokenizer.v1"}
        nlp.config = config  # what the tokenizer is, not the shortcut used to load it
        if is_current(nlp, shipped_lexicon_version(), settings):
            return nlp
        reason = "is stale against lexicons/"
    warnings.warn(
        f"models/{MODEL_NAME} {reason}; built the skill pipeline in memory "
        "(run `python scripts/build_model.py`)",
        StaleModelWarning,
        stacklevel=2,
    )
    return build_pipeline(load_lexicon(), settings)


def warm_pipeline() -> Language:
    """``load_pipeline()``, with what its first extraction would build built now.

    The fuzzy resolver is built on first use, not on load. A process that forks workers after
    loading (``batch``) calls this instead, so the workers share one rather than build one each.
    """
    nlp = load_pipeline()
    _find_matcher(nlp).prepare()
    return nlp


def _find_matcher(nlp: Language) -> SkillMatcher:
    for _, component in nlp.pipeline:
        if isinstance(component, SkillMatcher):
            return component
    raise ValueError(f"the pipeline has no {FACTORY_NAME!r} component")


def _section_finder(resume: ResumeText) -> Callable[[int], str]:
    """``resume.section_kind_at`` by binary search when the sections are in order, apart."""
    sections = resume.sections
    if any(a.end > b.start for a, b in zip(sections, sections[1:], strict=False)):
        return resume.section_kind_at  # overlapping or out of order: keep first-match semantics
    starts = [s.start for s in sections]

    def section_kind_at(offset: int) -> str:
        # Sections that share a start are all empty but the last, and empty ones hold nothing.
        at = bisect.bisect_right(starts, offset) - 1
        if at >= 0 and offset < sections[at].end:
            return sections[at].kind
        return "other"

    return section_kind_at


def _heading_end(text: str, start: int, end: int) -> int:
    """Where the heading line that opens a section at ``start`` ends."""
    line_end = text.find("\n", start, end)
    return end if line_end < 0 else line_end


def extract_skills(resume: ResumeText, nlp: Language | None = None) -> tuple[SkillMention, ...]:
    """Find the lexicon skills in a resume, with evidence.

    Args:
        resume: The parsed resume; its sections decide each evidence's section kind and feed the
            ambiguity policy (a name in a skills section is corroborated).
        nlp: A pipeline with a ``resume_fit_skills`` component; ``load_pipeline()`` when None.

    Returns:
        One ``SkillMention`` per skill found, sorted by id; each has its evidence sorted by start
        offset, with ``text == resume.text[start:end]``. Deterministic for the same input.
    """
    nlp = load_pipeline() if nlp is None else nlp
    matcher = _find_matcher(nlp)
    doc = nlp.make_doc(resume.text)
    doc.user_data[SECTIONS_KEY] = tuple(
        (
            s.start,
            s.end,
            s.kind,
            _heading_end(resume.text, s.start, s.end) if s.heading else s.start,
        )
        for s in resume.sections
    )
    found: dict[str, list[Evidence]] = {}
    section_kind_at = _section_finder(resume)
    for match in matcher.match(doc):
        start, end = match.start_char, match.end_char
        found.setdefault(match.skill_id, []).append(
            Evidence(
                section=section_kind_at(start),
                text=resume.text[start:end],
                start=start,
                end=end,
                method=match.method,
                confidence=match.confidence,
            )
        )
    mentions = []
    for skill_id in sorted(found):
        entry = matcher.entries[skill_id]
        evidence = tuple(sorted(found[skill_id], key=lambda e: (e.start, e.end)))
        mentions.append(SkillMention(entry.id, entry.name, entry.category, evidence))
    return tuple(mentions)
