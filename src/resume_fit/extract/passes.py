"""The per-document matching passes of the skill matcher (``component.py``).

``MatchPasses.run`` turns one document into accepted skill matches, in this order:

1. phrase candidates: every surface form found by the pattern index (``patterns.py``), plus the
   shorthand it misses (``shorthand.py``): coordinations ("PyTorch and TensorFlow Lite", kept on
   one line), versions, joined words, vendor-qualified lists and lists whose vendor another
   item names ("Word, Excel, PowerPoint");
2. the ambiguity policy (``ambiguity.py``) vets names that are also ordinary words;
3. overlaps are resolved longest-first (a name before an alias, then by id; a product's name at
   the edge of a practice's is kept as well, "Linux administration"), and the usage filter
   (``usage.py``) drops what is not evidence, after the overlaps so a rejected span still holds
   its words;
4. paraphrases (``paraphrase.py``): a practice skill written as a verb and its object, judged by
   the usage filter too; they take no tokens, and none is made of a product's name words;
5. the fuzzy resolver (``fuzzy.py``) looks at the tokens nothing took.

The passes hold no per-document state between calls except a cache of each matched skill's
(context, category); the component builds them on its first ``match`` (or ``prepare``).
"""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from itertools import chain
from typing import NamedTuple

from resume_fit.extract.ambiguity import AmbiguityPolicy
from resume_fit.extract.context import Candidate, DocContext
from resume_fit.extract.fuzzy import FuzzyResolver
from resume_fit.extract.paraphrase import ParaphraseIndex
from resume_fit.extract.patterns import FormInfo, PatternIndex, SkillEntry
from resume_fit.extract.settings import ExtractSettings
from resume_fit.extract.shorthand import (
    ShortMatch,
    coordinated,
    joined,
    qualified,
    sibling_qualified,
    versioned,
)
from resume_fit.extract.usage import LineCache, UsageFilter

__all__ = ["MatchPasses", "SkillMatch"]

# A shorthand match in non-space token positions: (first, last, skill_id, info, case_ok).
_Short = tuple[int, int, str, FormInfo, bool]


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


# Categories that are not products: a certification or a soft skill at the edge of a practice's
# name is a word of that name ("ITIL" in "ITIL change management" is the framework, not the exam).
_NOT_PRODUCTS = frozenset({"certification", "soft_skill"})


class MatchPasses:
    """Finds the skills of one document at a time with a loaded lexicon's indexes.

    Args:
        entries: The skills by id.
        settings: The extraction settings (confidences, vendor words).
        patterns: The phrase pattern index.
        policy: The ambiguity policy.
        usage: The usage filter.
        fuzzy: The fuzzy resolver.
        paraphrases: The paraphrase index.
    """

    def __init__(
        self,
        entries: Mapping[str, SkillEntry],
        settings: ExtractSettings,
        patterns: PatternIndex,
        policy: AmbiguityPolicy,
        usage: UsageFilter,
        fuzzy: FuzzyResolver,
        paraphrases: ParaphraseIndex,
    ) -> None:
        self.entries = entries
        self.settings = settings
        self.patterns = patterns
        self.policy = policy
        self.usage = usage
        self.fuzzy = fuzzy
        self.paraphrases = paraphrases
        # (context, category) of each skill matched so far, by id (``entries`` may decode them).
        self._skill_data: dict[str, tuple[tuple[str, ...], str]] = {}
        # A phrase match's confidence by method and whether its form is plain: four values.
        conf, factor = dict(settings.confidence), settings.confidence["ambiguous_factor"]
        conf.setdefault("coordination", conf["alias"])
        self._confidences = {
            (method, plain): round(conf[method] if plain else conf[method] * factor, 4)
            for method in ("exact", "alias", "coordination")
            for plain in (True, False)
        }
        self._vendors = frozenset(settings.vendor_words)
        self._skill_vendors: dict[str, frozenset[str]] = {}
        # The words a vendor's name is followed by in a form ("outlook" in "Microsoft Outlook"):
        # a document with none of them has no sibling-vendor list to read.
        self._vendor_tails = frozenset().union(*map(patterns.followers, sorted(self._vendors)))
        self._practice_kinds = frozenset(settings.case_insensitive_categories) - {"soft_skill"}
        self._breaks = frozenset(settings.paraphrase_breaks)

    def run(self, ctx: DocContext) -> list[SkillMatch]:
        """Return the accepted skill matches in ``ctx``'s document, sorted by start token."""
        candidates, names, coordinations, qualified = self._candidates(ctx)
        accepted = self.policy.accept_all(ctx, candidates)
        # Of matches over the same words, a vendor-qualified one names the vendor's product
        # ("Auto Scaling" in "AWS (EC2, Auto Scaling)" is EC2 Auto Scaling, not autoscaling).
        accepted.sort(
            key=lambda c: (
                -(c.end - c.start),
                c.start,
                (c.skill_id, c.start, c.end) not in qualified,
                not names[(c.skill_id, c.start, c.end)],
                c.skill_id,
            )
        )
        taken: set[int] = set()
        lines: LineCache = {}  # what the filter learns about each line of this doc
        results = self._resolved(ctx, accepted, names, coordinations, taken, lines)
        results.extend(self._paraphrased(ctx, lines, results))
        conf = self.settings.confidence
        for near in self.fuzzy.resolve(ctx, taken):
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

    def _candidates(
        self, ctx: DocContext
    ) -> tuple[
        list[Candidate],
        dict[tuple[str, int, int], bool],
        dict[tuple[str, int, int], tuple[int, int]],
        set[tuple[str, int, int]],
    ]:
        """Every phrase and shorthand match as a candidate in document tokens, whether each
        (skill id, start, end) is the skill's name, the coordinations' naming spans, and the
        (skill id, start, end) of the vendor-qualified matches."""
        candidates: list[Candidate] = []
        names: dict[tuple[str, int, int], bool] = {}
        words, texts = ctx.words, ctx.texts
        patterns = self.patterns
        found = patterns.find(ctx.word_lowers)
        word_texts = ctx.word_texts

        def known(token: str) -> bool:
            return bool(patterns.get((token,)))

        coordinated_matches, coordinations = self._coordinated(ctx, found)
        # A ShortMatch is the tuple (first, last, skill_id, info, case_ok) already.
        shorthands: list[_Short] = [
            *coordinated_matches,
            *versioned(ctx.word_lowers, word_texts, known, patterns.get),
            *joined(word_texts, known, patterns.get),
        ]
        vendor_qualified = self._qualified(ctx, words)
        shorthands.extend(vendor_qualified)
        shorthands.extend(self._siblings(ctx, words, found))
        qualified = {
            (sid, words[first], words[last - 1] + 1) for first, last, sid, _, _ in vendor_qualified
        }
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
        return candidates, names, coordinations, qualified

    def _resolved(
        self,
        ctx: DocContext,
        accepted: list[Candidate],
        names: dict[tuple[str, int, int], bool],
        coordinations: dict[tuple[str, int, int], tuple[int, int]],
        taken: set[int],
        lines: LineCache,
    ) -> list[SkillMatch]:
        """The ``accepted`` candidates (longest first) that overlap no earlier one and pass the
        usage filter; adds the tokens each holds to ``taken``."""
        results: list[SkillMatch] = []
        keep = self.usage.keep
        confidences = self._confidences
        offsets, texts = ctx.offsets, ctx.texts
        # The accepted practices' matches and the tokens only they hold: a product named at
        # either edge of one is found too ("Linux administration", "Intune enrolment").
        practices: set[tuple[int, int]] = set()
        practice_only: set[int] = set()
        for cand in accepted:
            start, end = cand.start, cand.end
            tokens = range(start, end)
            if end - start == 1 and start not in taken:
                taken.add(start)
            elif end - start > 1 and taken.isdisjoint(tokens):
                taken.update(tokens)
            elif practice_only.issuperset(tokens) and self._at_practice_edge(cand, practices):
                practice_only.difference_update(tokens)
            else:
                continue
            if cand.category in self._practice_kinds:
                practices.add((start, end))
                practice_only.update(tokens)
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
        return results

    def _paraphrased(
        self, ctx: DocContext, lines: LineCache, matched: list[SkillMatch]
    ) -> list[SkillMatch]:
        """Practice skills written as a verb and its object (``paraphrase.py``), judged by the
        usage filter like any match. They take no tokens: "deployed ML models" still shows ML.
        One that overlaps a match of the same skill in ``matched`` adds nothing ("design of
        experiments" is also an alias)."""
        if not self.paraphrases:
            return []
        conf = self.settings.confidence
        confidence = conf.get("paraphrase", conf["alias"])
        out = []
        spans: dict[str, list[tuple[int, int]]] = {}
        # Words of a product's name of two words or more: "optimised Docker images" is about
        # the product's images, no paraphrase of image optimisation.
        product_words: set[int] = set()
        for m in matched:
            spans.setdefault(m.skill_id, []).append((m.start, m.end))
            if m.end - m.start > 1 and not self._is_practice(m.skill_id):
                product_words.update(range(m.start, m.end))
        for found in self.paraphrases.find(ctx.lowers):
            if any(
                start < found.end and found.start < end
                for start, end in spans.get(found.skill_id, ())
            ) or not product_words.isdisjoint(range(found.start, found.end)):
                continue
            entry = self.entries[found.skill_id]
            cand = Candidate(
                found.skill_id, found.start, found.end, "plain", True, entry.context, entry.category
            )
            if not self.usage.keep(ctx, cand, entry.category, lines):
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
    ) -> tuple[list[_Short], dict[tuple[str, int, int], tuple[int, int]]]:
        """``shorthand.coordinated`` matches written on one line, as shorthand tuples in
        non-space token positions, and the document token span of the words naming each skill,
        by (skill id, start, end) of its conjunct in document tokens. A conjunct that is also a
        phrase of the skill by itself keeps its phrase match."""
        words, offsets, texts, text = ctx.words, ctx.offsets, ctx.texts, ctx.text
        direct = {(sid, s, e) for s, e, sid, _ in found}
        matches: list[_Short] = []
        spans: dict[tuple[str, int, int], tuple[int, int]] = {}
        breaks = self._breaks
        written = ctx.word_texts
        for c in coordinated(ctx.word_lowers, found, self.patterns.get, breaks, written):
            if (c.skill_id, c.first, c.last) in direct:
                continue
            lo, hi = words[c.span_first], words[c.span_last - 1] + 1
            if "\n" in text[offsets[lo] : offsets[hi - 1] + len(texts[hi - 1])]:
                continue  # one line only: a line break ends a list item
            matches.append((c.first, c.last, c.skill_id, c.info, c.case_ok))
            spans[(c.skill_id, words[c.first], words[c.last - 1] + 1)] = (lo, hi)
        return matches, spans

    def _at_practice_edge(self, cand: Candidate, practices: set[tuple[int, int]]) -> bool:
        """True for a product whose name begins or ends a longer practice match, and overlaps
        nothing else: the practice is done with the product, so both are evidence. Only a
        distinctive name in its own case: beside a practice's words any name looks corroborated
        ("ROC" in "ROC-AUC" is no Roc language, "Vault" in "Veeva Vault" no HashiCorp Vault)."""
        if (
            cand.form_class != "plain"
            or not cand.case_ok
            or cand.category in self._practice_kinds
            or cand.category in _NOT_PRODUCTS
        ):
            return False
        return any(
            (start == cand.start and cand.end < end) or (start < cand.start and end == cand.end)
            for start, end in practices
        )

    def _is_practice(self, skill_id: str) -> bool:
        """True for a method or a field (a practice), not a product."""
        return self.entries[skill_id].category in self._practice_kinds

    def _siblings(
        self, ctx: DocContext, words: list[int], found: list[tuple[int, int, str, FormInfo]]
    ) -> list[_Short]:
        """``shorthand.sibling_qualified`` matches, moved to the non-space token positions. The
        anchors are products named plainly in their own case whose forms carry a vendor."""
        if self._vendor_tails.isdisjoint(ctx.word_lowers):
            return []
        anchors: dict[int, tuple[int, frozenset[str]]] = {}
        vendors_of = self._skill_vendors.get
        for first, last, skill_id, info in found:
            vendors = vendors_of(skill_id)
            if vendors is None:
                vendors = self._vendors_of(skill_id)
            if vendors and info.form_class == "plain":
                start, end = words[first], words[last - 1] + 1
                if (
                    info.any_case
                    or tuple(ctx.texts[i] for i in words[first:last]) in info.case_keys
                ):
                    anchors[start] = (end, vendors)
        if not anchors:
            return []
        found_siblings = sibling_qualified(
            ctx.texts, ctx.lowers, anchors, self.patterns.get, self._vendor_tails
        )
        return _in_word_positions(found_siblings, words)

    def _vendors_of(self, skill_id: str) -> frozenset[str]:
        """The vendor words a product's forms are written after ("microsoft" in "Microsoft
        Excel"); none for a practice."""
        vendors = self._skill_vendors.get(skill_id)
        if vendors is None:
            vendors = self._skill_vendors[skill_id] = (
                frozenset()
                if self._is_practice(skill_id)
                else frozenset(
                    word
                    for form in self.entries[skill_id].forms
                    if " " in form and (word := form.split(" ", 1)[0].lower()) in self._vendors
                )
            )
        return vendors

    def _qualified(self, ctx: DocContext, words: list[int]) -> list[_Short]:
        """``shorthand.qualified`` matches, moved to the non-space token positions."""
        vendors = self._vendors
        if not vendors or vendors.isdisjoint(ctx.lowers):
            return []
        found = qualified(ctx.texts, ctx.lowers, vendors, self.patterns.get, self._is_practice)
        return _in_word_positions(found, words)


def _in_word_positions(matches: list[ShortMatch], words: list[int]) -> list[_Short]:
    """Shorthand matches found in document tokens, moved to the non-space token positions."""
    return [
        (
            bisect.bisect_left(words, m.first),
            bisect.bisect_left(words, m.last - 1) + 1,
            m.skill_id,
            m.info,
            m.case_ok,
        )
        for m in matches
    ]
