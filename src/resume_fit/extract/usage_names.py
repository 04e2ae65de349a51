"""The usage filter's name rules: a skill's name that is part of another name or word.

A match is not evidence of the skill when it stands inside something else's name:

- an employer: an organisation's name ("OpenAI", "Salesforce") after "at" or "joined", in a list
  of employers after "at", after a job title ("Software Engineer, Google") or on a dated job line;
- the start of an organisation's name that a head noun of ``organisation_heads`` ends ("VIT
  University", "SAS Institute", "Aix-Marseille University"), or a business unit's name after
  one ("Siemens Product Lifecycle Management");
- other people or a body: a field or method naming colleagues ("2 DevOps engineers", "product
  owners") or starting the name of a body or an event ("Data Science Hackathon");
- the expansion of an acronym in brackets: "SAS (Statistical Analysis System)" is SAS;
- a capitalised word starting a hyphenated place name, for a name the lexicon writes only in
  capitals ("Aix-en-Provence" is a town, not AIX), or the tail of a compound ("gamma-ray").

The word lists are data (``[usage]`` in ``lexicons/extract.toml``); ``UsageFilter.keep``
(``usage.py``) decides the order the rules run in.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping

from resume_fit.extract.context import Candidate, DocContext
from resume_fit.extract.patterns import SkillEntry
from resume_fit.extract.usage_layout import LineCache, line_text, previous

# The rest of a hyphenated place name after its first word: "-en-Provence", "-Marseille".
_HYPHENATED_NAME = re.compile(r"-(?:[a-zà-ÿ]{1,4}-)*[A-ZÀ-Þ][a-zà-ÿ]")
_DATE_RANGE = re.compile(
    r"((19|20)\d\d|\b[A-Z][a-z]{2,8}\.? (19|20)\d\d|\d{1,2}/(19|20)?\d\d)\s*[-–—]+\s*"
    r"((19|20)\d\d|[A-Z][a-z]{2,8}\.? (19|20)\d\d|\d{1,2}/(19|20)?\d\d|present|current|now|today)",
    re.I,
)

# How far back, in tokens, an employer's "at" or a job title is looked for.
_EMPLOYER_REACH = 16
_EMPLOYER_SEPARATORS = frozenset({",", "and", "&", "·", "|", "–", "—", "-", "@", "/"})

# How many capitalised words (or joining words) may stand between a field and the head of a
# body's or an event's name ("Cybersecurity Poster Contest Committee").
_NAME_REACH = 4
_NAME_JOINS = frozenset({"and", "&", "of", "for", "in", "on"})
# Words an acronym's expansion in brackets may have: "SAS (Statistical Analysis System)".
_EXPANSION_WORDS = 6
# Words before a job title that make it someone else's ("a DevOps engineer", "one data scientist").
_ONE_OF = frozenset({"a", "an", "one", "another", "our", "their"})


def glued_prefix(ctx: DocContext, cand: Candidate) -> bool:
    """True for the tail of a hyphenated word: "gamma-ray data", "pre-summarization"."""
    i = cand.start
    if i < 2 or ctx.texts[i - 1] != "-" or ctx.spaces[i - 1] or ctx.spaces[i - 2]:
        return False
    prefix = ctx.texts[i - 2]
    return len(prefix) > 2 and prefix.isalpha() and prefix.islower() and (i - 2) not in ctx.any_ends


def acronym_as_word(ctx: DocContext, cand: Candidate, entries: Mapping[str, SkillEntry]) -> bool:
    """True for a name the lexicon writes only in capitals ("AIX") written as a capitalised
    word that starts a hyphenated place name ("Aix-en-Provence", "Aix-Marseille"), outside
    a skills list: not the acronym. "Nginx" alone is still NGINX."""
    if cand.end - cand.start != 1:
        return False
    text = ctx.texts[cand.start]
    if len(text) < 3 or not text.istitle() or not text.isalpha():
        return False
    end = ctx.offsets[cand.start] + len(text)
    if not _HYPHENATED_NAME.match(ctx.text, end):
        return False
    if ctx.section_kind(cand.start) == "skills" or ctx.on_label_line(cand.start):
        return False
    folded = text.casefold()
    forms = [f for f in entries[cand.skill_id].forms if f.casefold() == folded]
    return bool(forms) and all(f.isupper() for f in forms)


def starts_an_organisation(ctx: DocContext, cand: Candidate, org_heads: frozenset[str]) -> bool:
    """True for a capitalised name at the start of an organisation's name that ends in one of
    ``organisation_heads`` ("VIT University", "Rust Belt Institute", "SAS Academy"): an
    alias inside the name of a university or other body is no evidence of the skill."""
    if not ctx.texts[cand.start][:1].isupper():
        return False
    i = ctx.neighbour(cand.end - 1, 1)
    if i is None or i != cand.end:
        return False
    for _ in range(_NAME_REACH):
        if i is None:
            return False
        text = ctx.texts[i]
        if ctx.lowers[i].rstrip(".") in org_heads and text[:1].isupper():
            # "University of Strasbourg" starts a name of its own: a course title before it
            # ("Machine Translation  University of Strasbourg") is not part of it.
            after = ctx.neighbour(i, 1)
            return after is None or ctx.lowers[after] not in {"of", "for"}
        # A hyphen inside a name joins its parts: "Aix-Marseille University".
        glued = text == "-" and not ctx.spaces[i] and not ctx.spaces[i - 1]
        if not (glued or text.istitle() or text.isupper() or ctx.lowers[i] in _NAME_JOINS):
            return False
        after = ctx.neighbour(i, 1)
        # "DHCP and Group Policy": a skill's name after "and" makes a list of skills, not a
        # body's name ("Tata Institute of Social Sciences" has none).
        if ctx.lowers[i] in {"and", "&"} and after in ctx.tech_starts:
            return False
        i = after
    return False


def ends_an_employer_name(ctx: DocContext, cand: Candidate, employer_prev: frozenset[str]) -> bool:
    """True for a capitalised name closing an organisation's name after "at" or "joined": in
    "Engineer at Marlow Robotics" or "joined Teller Data Science" the field is the employer's
    name. The words between are capitalised and no skill's ("at Python Machine Learning" is
    not a name), and the name is on one line."""
    i = ctx.neighbour(cand.start, -1)
    if i is None or not ctx.texts[i].istitle():  # most matches: the cheap test first
        return False
    if not all(ctx.texts[t][:1].isupper() for t in range(cand.start, cand.end)
               if not ctx.texts[t].isspace()):  # fmt: skip
        return False
    for named in range(_NAME_REACH):
        if i is None or any("\n" in ctx.texts[t] for t in range(i + 1, cand.start)):
            return False
        if ctx.lowers[i] in employer_prev:
            return named > 0
        if not ctx.texts[i].istitle() or i in ctx.any_starts or i in ctx.any_ends:
            return False
        i = ctx.neighbour(i, -1)
    return False


def after_organisation(
    ctx: DocContext, cand: Candidate, organisation_words: frozenset[str]
) -> bool:
    """True for a field or method of two or more capitalised words right after an
    organisation's name: "Siemens Product Lifecycle Management" is a business unit. One word
    is the vendor's product ("OpenAI GPT-4", "Salesforce CRM")."""
    if cand.end - cand.start < 2:
        return False
    prev_i = ctx.neighbour(cand.start, -1)
    if prev_i is None or not ctx.texts[prev_i][:1].isupper():
        return False
    if ctx.lowers[prev_i] not in organisation_words:
        return False
    return all(
        ctx.texts[i][:1].isupper() for i in range(cand.start, cand.end) if ctx.texts[i].isalpha()
    )


def in_expansion(ctx: DocContext, cand: Candidate) -> bool:
    """True inside the expansion of an acronym in brackets after it: "SAS (Statistical
    Analysis System)" names the product SAS, not statistical analysis."""
    # An expansion needs its opening bracket close before (the one test of most matches).
    start = cand.start
    if "(" not in ctx.texts[max(0, start - _EXPANSION_WORDS) : start]:
        return False
    j = cand.start - 1
    while j >= 0 and ctx.texts[j] != "(" and j > cand.start - _EXPANSION_WORDS:
        if not ctx.texts[j].isalpha():
            return False
        j -= 1
    if j < 1 or ctx.texts[j] != "(":
        return False
    acronym = ctx.neighbour(j, -1)
    if acronym is None or not ctx.texts[acronym].isupper() or len(ctx.texts[acronym]) < 2:
        return False
    initials: list[str] = []
    k = j + 1
    while k < len(ctx.texts) and ctx.texts[k] != ")" and len(initials) <= _EXPANSION_WORDS:
        if ctx.texts[k].isalpha():
            initials.append(ctx.texts[k][0])
        elif not ctx.texts[k].isspace() and ctx.texts[k] not in {"-", "&"}:
            return False
        k += 1
    return "".join(initials).upper() == ctx.texts[acronym].upper()


# Tokens a wish may reach over to the skill it governs, and the words it may govern before it
# ("an interest in the design of AI").
_WISH_REACH = 24
_WISH_FILLERS = frozenset({",", "/", "&", "and", "or", "the", "a", "an", "all", "both"})


def wish_pattern(cues: tuple[tuple[str, ...], ...]) -> re.Pattern[str] | None:
    """One pattern for the aspiration cues, any case, any spaces between their words."""
    if not cues:
        return None
    phrases = sorted((r"\s+".join(map(re.escape, cue)) for cue in cues), key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(phrases)})(?!\w)", re.IGNORECASE)


def wish_ends(ctx: DocContext, pattern: re.Pattern[str]) -> list[int]:
    """The tokens that end an aspiration cue in the document, in order (see ``wished_for``)."""
    offsets = ctx.offsets
    return [bisect.bisect_right(offsets, m.end() - 1) - 1 for m in pattern.finditer(ctx.text)]


def wished_for(ctx: DocContext, cand: Candidate, ends: list[int]) -> bool:
    """True for a skill an aspiration governs ("a growing interest in machine learning and AI",
    "eager to learn Kubernetes"): a cue of ``[usage] aspirations`` (``ends``: where each ends)
    right before the match, or before a list of skill names the match ends. Wished for is not
    had."""
    at = bisect.bisect_left(ends, cand.start)
    if not at or ends[at - 1] < cand.start - _WISH_REACH:
        return False  # no cue close before: the one test of most matches
    j = cand.start - 1
    while j >= 0:
        if ctx.texts[j].isspace():
            if ctx.texts[j].count("\n") > 1:
                return False
            j -= 1
        elif j in ctx.span_starts and j < cand.start - 1:
            j = ctx.span_starts[j] - 1  # another skill's name in the same list
        elif ctx.lowers[j] in _WISH_FILLERS:
            j -= 1
        else:
            break
    return j >= 0 and ends[at - 1] == j


# Title words that after a method's name are software the person built ("a RAG assistant", "a
# speech recognition agent"), not the people of that trade.
_PRODUCT_TITLES = frozenset({"assistant", "assistants", "agent", "agents"})


def names_a_role_or_body(
    ctx: DocContext,
    cand: Candidate,
    people: frozenset[str],
    titles: frozenset[str],
    name_heads: frozenset[str],
) -> bool:
    """True for a field or method naming other people ("1 DevOps engineer", "a data
    scientist", "engineering leader") or starting a body's or an event's name ("Data
    Science Hackathon", "Cybersecurity Poster Contest Committee")."""
    i = ctx.neighbour(cand.end - 1, 1)
    if i is None or i != cand.end:
        return False
    word = ctx.lowers[i]
    if word in people:
        return True
    if word in _PRODUCT_TITLES:
        return False  # "a RAG assistant", "an NLP agent": software, not a colleague
    if word in titles or (word.endswith("s") and word[:-1] in titles):
        # A job title: the author's own, unless it is counted ("a", "2"): colleagues.
        prev_i = ctx.neighbour(cand.start, -1)
        return prev_i is not None and (ctx.lowers[prev_i] in _ONE_OF or ctx.texts[prev_i].isdigit())
    for _ in range(_NAME_REACH):
        if i is None:
            return False
        word = ctx.lowers[i]
        if word in name_heads and ctx.texts[i].istitle():
            return True
        if not (ctx.texts[i].istitle() or word in _NAME_JOINS):
            return False
        i = ctx.neighbour(i, 1)
    return False


def as_employer(
    ctx: DocContext,
    cand: Candidate,
    lines: LineCache,
    employer_prev: frozenset[str],
    titles: frozenset[str],
) -> bool:
    """True when an organisation's name stands where an employer does: on a dated job line, after
    "at" (or a list of names after "at"), or after a job title and a separator."""
    if _DATE_RANGE.search(line_text(ctx, cand, lines)):
        return True
    i = ctx.neighbour(cand.start, -1)
    passed_separator = False
    for _ in range(_EMPLOYER_REACH):
        if i is None:
            return False
        word = ctx.lowers[i]
        if word in employer_prev:
            return True
        if word in titles:
            return passed_separator
        if word in _EMPLOYER_SEPARATORS:
            passed_separator = True
        elif not (ctx.texts[i].istitle() or i in ctx.any_ends):
            return False  # an ordinary word: "built a bot with OpenAI"
        i = previous(ctx, i)
    return False
