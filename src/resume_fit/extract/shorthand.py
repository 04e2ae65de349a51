"""Shorthands resumes use that a phrase index alone does not see.

- **Coordinated conjuncts sharing a head or a modifier (ellipsis).** "supervised / unsupervised
  / reinforcement learning", "Social Media & Digital Marketing", "front-end and back-end
  development" name three, two and two skills, but only the last conjunct stands next to the
  head. When a phrase of two words or more matched, each conjunct of one or two words (a
  hyphenated word counts as one) joined to it by a connector ("/", "&", ",", "and", "or") is
  tried with the phrase's head; so is a word closing the list after a two-word phrase, with its
  modifier ("Data Analysis & Visualization": "data visualization"). Only whole lexicon forms are
  accepted (plain ones, or ones that match in any case), never for a conjunct that is a name of
  its own ("SQL" in "SQL and NoSQL databases"), and a chain stops at the first conjunct that
  makes none. The matcher keeps those on one line (``passes``) and reports them with the
  method "coordination"; the ambiguity policy and the usage filter judge them like any match.
- **A version number glued to a name.** "Python3", "HTML5", "Llama3": a token the index does not
  know, made of letters then a small version number (1 to 20, optionally dotted), is matched as
  its letters. Bit widths and editions ("base64", "arm64", "Office365") are not versions.
- **A multi-word name written joined.** "PowerAutomate", "GoogleAnalytics": a capitalised token
  the index does not know, whose capitals split it into words that make a multi-word form, is
  that form.

- **A vendor's name that qualifies a list.** "Microsoft Office: Word, Excel", "AWS (EC2, Auto
  Scaling)": each item of a list after a vendor's name and a colon or an opening bracket is
  tried with the vendor before it ("Microsoft Word", "AWS Auto Scaling"). Only whole lexicon
  forms written in their own case count, only up to the end of the line or the bracket, and
  never for an item that is a name of its own ("SageMaker" stays Amazon SageMaker).

The first three work on the non-space tokens the phrases are matched on
(``DocContext.word_lowers``) and return matches in that index space, like
``PatternIndex.find``. A coordinated skill holds only its conjunct's tokens, so the phrase that
was written keeps its own match; its evidence runs from the conjunct to the shared head (or from
the shared modifier to the conjunct).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from typing import NamedTuple

from resume_fit.extract.patterns import FormInfo

__all__ = [
    "CONNECTORS",
    "Coordination",
    "ShortMatch",
    "coordinated",
    "joined",
    "qualified",
    "versioned",
]

# Tokens that join coordinated modifiers ("A / B", "A & B", "A, B and C", "A or B").
CONNECTORS = frozenset({"/", "&", ",", "and", "or", "+"})
_VERSIONED = re.compile(r"^([a-z][a-z+#]{2,}?)v?(\d{1,2}(?:\.\d+)*)$")
_MAX_VERSION = 20
_HUMPS = re.compile(r"[A-Z][a-z]+")
_JOINED = re.compile(r"(?:[A-Z][a-z]+){2,4}")
_WORD = re.compile(r"^[a-z][a-z0-9+#.-]*$")

Lookup = Callable[[tuple[str, ...]], tuple[tuple[str, FormInfo], ...]]


class ShortMatch(NamedTuple):
    """A match found through a shorthand, in non-space token positions.

    Attributes:
        first: First non-space token.
        last: One past the last non-space token.
        skill_id: Canonical skill id.
        info: The matched form's data (class, case keys).
        case_ok: The words are written in a case the form accepts.
    """

    first: int
    last: int
    skill_id: str
    info: FormInfo
    case_ok: bool


def _word(token: str) -> bool:
    return bool(_WORD.match(token)) and token not in CONNECTORS


class Coordination(NamedTuple):
    """A skill named by a conjunct that shares the head (or the modifier) of a matched phrase.

    Attributes:
        first: The conjunct's first non-space token ("supervised", "social", "front").
        last: One past its last non-space token.
        skill_id: Canonical skill id.
        info: The form's data.
        case_ok: The form matches in any case.
        span_first: First non-space token of the words that name the skill: the conjunct through
            the shared head ("supervised and unsupervised learning"), or the shared modifier
            through the conjunct ("Data Analysis & Visualization").
        span_last: One past the last of them.
    """

    first: int
    last: int
    skill_id: str
    info: FormInfo
    case_ok: bool
    span_first: int
    span_last: int


def _word_end(lowers: list[str], start: int) -> int | None:
    """One past the word starting at ``start``: one token, or a hyphenated "front - end"."""
    if start >= len(lowers) or not _word(lowers[start]):
        return None
    if start + 2 < len(lowers) and lowers[start + 1] == "-" and _word(lowers[start + 2]):
        return start + 3
    return start + 1


def _own_phrase(lowers: list[str], first: int, last: int) -> bool:
    """True when the one-word conjunct ``lowers[first:last]`` ends a noun phrase of its own.

    A plural noun after another word and before a comma ("customer contracts, change
    management") is a list item, not a modifier sharing the next phrase's head; "risk, change
    management" and "operations and project management" share it.
    """
    word = lowers[first]
    return (
        last - first == 1
        and last < len(lowers)
        and lowers[last] == ","
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and first >= 1
        and _word(lowers[first - 1])
    )


def _word_start(lowers: list[str], end: int) -> int | None:
    """Where the word ending just before ``end`` starts (one token, or hyphenated)."""
    if end < 1 or not _word(lowers[end - 1]):
        return None
    if end >= 3 and lowers[end - 2] == "-" and _word(lowers[end - 3]):
        return end - 3
    return end - 1


def coordinated(
    lowers: list[str],
    found: list[tuple[int, int, str, FormInfo]],
    lookup: Lookup,
    breaks: frozenset[str] = frozenset(),
    written: list[str] | None = None,
) -> list[Coordination]:
    """The skills named by conjuncts coordinated with a matched phrase.

    Backwards, a conjunct of one or two words (a hyphenated word counts as one) joined to the
    phrase's first word by a connector shares the phrase's head: "supervised and unsupervised
    learning", "Social Media & Digital Marketing", "front-end and back-end development". Forwards,
    one word closing the list after a two-word phrase shares its modifier: "Data Analysis &
    Visualization"; so does each word of a list after two words that are no phrase themselves,
    when the modifier and the word make one: "model development, evaluation, and deployment"
    (model evaluation, model deployment). A conjunct shared forwards ends the noun phrase: the
    line, punctuation or a word of ``breaks`` follows ("data collection/labeling for training"),
    never another noun ("deployment scripts"). Backwards again, when the words after the
    connector are no phrase, one word before it shares their head if it makes one with it
    ("image/video classification": image classification), the head again ending the phrase.

    Args:
        lowers: The document's non-space token texts, lower-cased.
        found: ``PatternIndex.find`` results on ``lowers``.
        lookup: ``PatternIndex.get``.
        breaks: Words that end a noun phrase (prepositions, conjunctions, relatives:
            ``[paraphrase] breaks``).
        written: The same tokens as written; with them, a guarded name written in another
            case than its own ("modal" for the platform Modal) is no name of its own.

    Returns:
        One match per (conjunct position, skill), sorted, never for a conjunct whose words
        are a phrase of their own in ``found`` (the chain stops there); only plain forms or
        forms that match in any case (a coordinated form is never a case-guarded name written
        in its own case).
        The caller keeps those on one line.
    """
    out: dict[tuple[int, str], Coordination] = {}

    # ``phrase``: the matched phrase whose head or modifier the conjunct shares, when there is one.
    def add(
        first: int,
        last: int,
        key: tuple[str, ...],
        span: tuple[int, int],
        phrase: tuple[int, int] | None = None,
    ) -> bool:
        if (first, last) in own:
            # A name of its own ("IAM" in "Cloud SQL and IAM", "SQL" in "SQL and NoSQL
            # databases") is that name, not a conjunct: its phrase match stands.
            return False
        if len({w for w in key if w != "-"}) == 1:
            # A code's prefix repeated ("IS 456, IS 2502") names no skill "IS-IS".
            return False
        # A plain form is accepted in any case by the policy, as a phrase match is
        # ("relational databases" for "Relational databases"); a guarded one only in any case.
        hits = [
            (sid, info) for sid, info in lookup(key) if info.any_case or info.form_class == "plain"
        ]
        for sid, info in hits:
            # The phrase's own skill named again ("frontend & backend development") adds nothing.
            if phrase is None or sid not in named.get(phrase, ()):
                out.setdefault(
                    (first, sid), Coordination(first, last, sid, info, info.any_case, *span)
                )
        return bool(hits)

    def ends_phrase(position: int) -> bool:
        return position >= len(lowers) or not _word(lowers[position]) or lowers[position] in breaks

    # A guarded name written in another case than its own ("modal" for the platform Modal) is
    # no name of its own for the chain: "modal and fatigue analysis" names modal analysis.
    own = {
        (s, e)
        for s, e, _, info in found
        if written is None
        or info.form_class != "word"
        or info.any_case
        or tuple(written[s:e]) in info.case_keys
    }
    named: dict[tuple[int, int], set[str]] = {}
    for s, e, sid, _ in found:
        if e - s >= 2:
            named.setdefault((s, e), set()).add(sid)
    for start, end in sorted(named):
        # Backwards: "<conjunct> / <conjunct> / <phrase's first word> <head...>".
        split = _word_end(lowers, start)
        if split is not None and split < end:
            head = tuple(lowers[split:end])
            j = start - 1
            while j >= 1 and lowers[j] in CONNECTORS:
                while j >= 1 and lowers[j - 1] in CONNECTORS:  # ", and"
                    j -= 1
                conjunct = _word_start(lowers, j)
                if conjunct is None:
                    break
                if _own_phrase(lowers, conjunct, j) or not add(
                    conjunct, j, (*lowers[conjunct:j], *head), (conjunct, end), (start, end)
                ):
                    # Two words: "social media & digital marketing".
                    wider = _word_start(lowers, conjunct)
                    if wider is None or not add(
                        wider, j, (*lowers[wider:j], *head), (wider, end), (start, end)
                    ):
                        break
                    conjunct = wider
                j = conjunct - 1
        # Forwards, for two-word phrases: "<key[0]> <key[1]> and <w>".
        if end - start != 2:
            continue
        j = end
        while j < len(lowers) - 1 and lowers[j] in CONNECTORS:
            while j < len(lowers) - 1 and lowers[j + 1] in CONNECTORS:
                j += 1
            word = j + 1
            after = _word_end(lowers, word)
            if after is None:
                break
            # The next word must end the list: "analysis and visualization tools" is not
            # "data visualization" for sure, "analysis and visualization." is.
            if not ends_phrase(after):
                break
            if not add(
                word, after, (lowers[start], *lowers[word:after]), (start, after), (start, end)
            ):
                break
            j = after
    # Forwards from two words that are no phrase themselves: "model development, evaluation
    # and deployment" names model evaluation and model deployment, "risk assessment and
    # management" risk management. Only the first connector after two adjacent words starts.
    for j, low in enumerate(lowers):
        if low not in CONNECTORS or j < 2 or (j - 2, j) in named:
            continue
        if not (_word(lowers[j - 2]) and _word(lowers[j - 1])):
            continue
        if j >= 3 and (_word(lowers[j - 3]) and (j - 3, j - 1) in named):
            continue  # the last two words of a longer phrase: the phrase's own rule applies
        start, end = j - 2, j
        while j < len(lowers) - 1 and lowers[j] in CONNECTORS:
            while j < len(lowers) - 1 and lowers[j + 1] in CONNECTORS:
                j += 1
            word = j + 1
            after = _word_end(lowers, word)
            if after is None or not ends_phrase(after):
                break
            if not add(word, after, (lowers[start], *lowers[word:after]), (start, after)):
                break
            j = after
    # Backwards from words that are no phrase themselves: "<conjunct> / <word> <head>", where
    # "<conjunct> <head>" is a name and the head (one or two words) ends the noun phrase.
    for j, low in enumerate(lowers):
        if low not in CONNECTORS or low == "," or j < 1:
            continue
        conjunct = _word_start(lowers, j)
        split = _word_end(lowers, j + 1)
        if conjunct is None or split is None:
            continue
        for size in (2, 1):
            end = split + size
            if end > len(lowers) or not all(_word(w) for w in lowers[split:end]):
                continue
            if not ends_phrase(end) or (j + 1, end) in own:
                continue
            if add(conjunct, j, (*lowers[conjunct:j], *lowers[split:end]), (conjunct, end)):
                break
    return sorted(out.values())


def versioned(
    lowers: list[str],
    texts: list[str],
    known: Callable[[str], bool],
    lookup: Lookup,
) -> list[ShortMatch]:
    """Names written with a version number glued on ("Python3", "HTML5").

    Args:
        lowers: The document's non-space token texts, lower-cased.
        texts: The same tokens as written.
        known: Whether a lower-cased token starts some form in the index (then it is left alone).
        lookup: ``PatternIndex.get``.

    Returns:
        The one-word forms the letters match, with the case judged on the letters as written.
    """
    out: list[ShortMatch] = []
    # Most tokens end in no digit: find those that do first, in one pass.
    for i in [i for i, token in enumerate(lowers) if token[-1:].isdigit()]:
        token = lowers[i]
        match = _VERSIONED.match(token)
        if match is None or known(token):
            continue
        stem, version = match.groups()
        if int(version.split(".")[0]) > _MAX_VERSION:
            continue
        written = texts[i][: len(stem)]
        for sid, info in lookup((stem,)):
            case_ok = info.any_case or (written,) in info.case_keys
            out.append(ShortMatch(i, i + 1, sid, info, case_ok))
    return out


def joined(
    texts: list[str],
    known: Callable[[str], bool],
    lookup: Lookup,
) -> list[ShortMatch]:
    """Multi-word names written as one capitalised token ("PowerAutomate").

    Args:
        texts: The document's non-space tokens as written.
        known: Whether a lower-cased token is a form of its own (then it is left alone).
        lookup: ``PatternIndex.get``.

    Returns:
        The forms of two words or more the capitals spell (the ambiguity policy still vets
        those made of ordinary words).
    """
    out: list[ShortMatch] = []
    # Most tokens are lower case, capitalised ("Python") or capitals ("SQL"): skip them in one pass.
    mixed = [
        i
        for i, token in enumerate(texts)
        if len(token) >= 6 and not (token.islower() or token.istitle() or token.isupper())
    ]
    for i in mixed:
        token = texts[i]
        if not _JOINED.fullmatch(token) or known(token.lower()):
            continue
        key = tuple(part.lower() for part in _HUMPS.findall(token))
        for sid, info in lookup(key):
            out.append(ShortMatch(i, i + 1, sid, info, True))
    return out


# What closes a vendor-qualified list opened by ":" or "(", and what separates its items.
_QUALIFIED_OPENERS = {":": None, "(": ")"}
_ITEM_SEPARATORS = frozenset({",", "/", "|", ";", "•", "·"})
# Words that also end an item of a list a vendor's product opens ("Word, Excel and Outlook").
_LED_JOINS = frozenset({"and", "&"})
# Words between the vendor and the colon ("Microsoft Office:", "Google Cloud Platform ("), and
# words an item may have.
_QUALIFIER_WORDS = 2
_ITEM_WORDS = 3
# Line breaks a list in parentheses may cross: a PDF line wraps a long list once.
_LIST_WRAPS = 1


def qualified(
    texts: list[str],
    lowers: list[str],
    vendors: frozenset[str],
    lookup: Lookup,
    is_practice: Callable[[str], bool] = lambda _: False,
) -> list[ShortMatch]:
    """Items of a list a vendor's name qualifies ("Microsoft Office: Word, Excel").

    Unlike the other shorthands this one reads the document's own tokens, line breaks included,
    since a line break ends a list opened by a colon. A list in parentheses ends at its closing
    parenthesis: it may wrap onto the next line once ("Azure (Event Hubs, Private\nLink, Storage
    Accounts)", a line the layout broke), never across a blank line.

    Args:
        texts: The document's token texts, whitespace tokens included.
        lowers: The same, lower-cased.
        vendors: Vendor names, lower-cased ("microsoft", "aws").
        lookup: ``PatternIndex.get``.
        is_practice: True for the id of a practice (a method, a field): an item that names only
            practices on its own still names the vendor's product ("Auto Scaling" under AWS);
            one that names a product of its own keeps it ("SageMaker").

    Returns:
        Matches in document token positions: each item's words, as the form "<vendor> <item>"
        (the longest one the item's first words make), written in a case the form accepts.
    """
    out: list[ShortMatch] = []
    size = len(texts)

    def step(i: int, wraps: list[int] | None = None) -> int | None:
        # The next token on the same line, skipping spaces; with ``wraps`` (a one-item budget of
        # line breaks) also on the next line, once, when no blank line comes between.
        i += 1
        while i < size and texts[i].isspace():
            breaks = texts[i].count("\n")
            if breaks:
                if not wraps or breaks > 1 or wraps[0] <= 0:
                    return None
                wraps[0] -= 1
            i += 1
        return i if i < size else None

    for i, low in enumerate(lowers):
        if low not in vendors:
            continue
        j: int | None = step(i)
        for _ in range(_QUALIFIER_WORDS):
            if j is None or texts[j] in _QUALIFIED_OPENERS or not texts[j].istitle():
                break
            j = step(j)
        led = False
        if j is None or texts[j] not in _QUALIFIED_OPENERS:
            # "Microsoft Word, Excel, Outlook and Teams": a vendor's product opening a comma
            # list qualifies the items after it, to the line's end.
            first = step(i)
            comma = step(first) if first is not None else None
            if (
                first is None
                or comma is None
                or texts[comma] != ","
                or not lookup((low, lowers[first]))
            ):
                continue
            j, led = comma, True
        closer = None if led else _QUALIFIED_OPENERS[texts[j]]
        wraps = [_LIST_WRAPS] if closer is not None else None
        k = step(j, wraps)
        while k is not None and texts[k] != closer:
            item = []
            while (
                k is not None
                and texts[k] not in _ITEM_SEPARATORS
                and texts[k] != closer
                and not (led and lowers[k] in _LED_JOINS)
            ):
                item.append(k)
                k = step(k, wraps)
            for n in range(min(len(item), _ITEM_WORDS), 0, -1):
                words = item[:n]
                own = lookup(tuple(lowers[w] for w in words))
                if own and not all(is_practice(sid) for sid, _ in own):
                    break  # a name of its own ("S3", "SageMaker"): the phrase index has it
                written = tuple(texts[w] for w in words)
                # The vendor's product before a practice of the same words: "Auto Scaling"
                # under AWS is EC2 Auto Scaling, not autoscaling.
                hits = [
                    (sid, info)
                    for sid, info in lookup((low, *(lowers[w] for w in words)))
                    if _after_vendor_in_case(info, written)
                ]
                for sid, info in hits:
                    out.append(ShortMatch(words[0], words[-1] + 1, sid, info, True))
                if hits or own:
                    break
            if k is None:
                break
            k = step(k, wraps)
    return out


def sibling_qualified(
    texts: list[str],
    lowers: list[str],
    anchors: Mapping[int, tuple[int, frozenset[str]]],
    lookup: Lookup,
    tails: frozenset[str] = frozenset(),
) -> list[ShortMatch]:
    """Items of a one-line list that another item's vendor qualifies ("Word, Excel, PowerPoint,
    Outlook": PowerPoint is Microsoft's, so Word and Outlook are Microsoft Word and Outlook).

    Args:
        texts: The document's token texts, whitespace tokens included.
        lowers: The same, lower-cased.
        anchors: By the document token a product's name starts at: the token after its end and
            the vendors its forms are written with ("microsoft" for PowerPoint).
        lookup: ``PatternIndex.get``.
        tails: When given, the words that follow a vendor in a form: a line without one is
            skipped unread.

    Returns:
        Matches in document token positions: a capitalised item of up to ``_ITEM_WORDS`` words
        that names nothing on its own and is, after an anchor's vendor, a form ("microsoft
        outlook"), written in a case the form accepts. A list needs an anchor that is a whole
        item of its own.
    """
    out: list[ShortMatch] = []
    size = len(texts)
    lines: set[tuple[int, int]] = set()
    for start in anchors:
        # Only the lines an anchor is on: most lines of a resume have none.
        first = start
        while first > 0 and "\n" not in texts[first - 1]:
            first -= 1
        last = start
        while last < size and "\n" not in texts[last]:
            last += 1
        lines.add((first, last))
    for first, last in sorted(lines):
        if tails and tails.isdisjoint(lowers[first:last]):
            continue
        items = _line_items(texts, lowers, first, last)
        vendors = frozenset().union(
            *(anchors[item[0]][1] for item in items if _is_anchor(item, anchors))
        )
        if vendors and len(items) > 1:
            for item in items:
                if len(item) <= _ITEM_WORDS and not _is_anchor(item, anchors):
                    out.extend(_vendor_item(item, texts, lowers, vendors, lookup))
    return out


def _line_items(texts: list[str], lowers: list[str], first: int, last: int) -> list[list[int]]:
    """The items of the list on tokens ``first`` to ``last``: runs of words between separators,
    joining words and marks that hold no letter or digit (bullets, brackets, colons); a list's
    label ("Cloud:") is none."""
    items: list[list[int]] = []
    current: list[int] = []
    for i in range(first, last):
        text = texts[i]
        if text.isspace():
            continue
        if lowers[i] in _LED_JOINS or not any(c.isalnum() for c in text):
            if current and text != ":":
                items.append(current)
            current = []
            continue
        current.append(i)
    if current:
        items.append(current)
    return items


def _is_anchor(item: list[int], anchors: Mapping[int, tuple[int, frozenset[str]]]) -> bool:
    """True when a vendor's product spans exactly the list item ``item``."""
    anchor = anchors.get(item[0])
    return anchor is not None and anchor[0] == item[-1] + 1


def _vendor_item(
    item: list[int], texts: list[str], lowers: list[str], vendors: frozenset[str], lookup: Lookup
) -> list[ShortMatch]:
    """The forms "<vendor> <item>" that ``item`` names, written in a case they accept."""
    written = tuple(texts[i] for i in item)
    if not all(w[:1].isupper() for w in written):
        return []
    words = tuple(lowers[i] for i in item)
    if lookup(words):
        return []  # a name of its own ("PowerShell", "IAM"): the phrase index reads it
    return [
        ShortMatch(item[0], item[-1] + 1, sid, info, True)
        for vendor in sorted(vendors)
        for sid, info in lookup((vendor, *words))
        if _after_vendor_in_case(info, written)
    ]


def _after_vendor_in_case(info: FormInfo, written: tuple[str, ...]) -> bool:
    """True when the words ``written`` after a vendor's name follow a case the form "<vendor>
    <words>" accepts."""
    return info.any_case or any(key[1:] == written for key in info.case_keys)
