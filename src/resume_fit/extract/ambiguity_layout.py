"""Where on its line or in its list an ambiguous name stands, for the ambiguity policy
(``ambiguity.py``): lines made only of skill names, a "Languages" section that lists tools, a
whole list item, the label cell of a table row, an acronym labelling a line of tools, and an
initial inside a person's name.

Each is a question about the document's layout around a mention; the policy decides what the
answers mean.
"""

from __future__ import annotations

import bisect
import re

from resume_fit.extract.context import Candidate, DocContext

# A token with a letter or digit in it (what str.isalnum finds in any of its characters).
WORDISH = re.compile(r"[^\W_]")
# Skill names a line needs before it counts as a bare list of them.
_DENSE_MIN_NAMES = 4
# Skill names a run of words inside a line needs (one distinctive and technical) before it counts
# as a list that lost its commas; after a list label's colon, two will do.
_RUN_MIN_NAMES = 3
_LABELLED_RUN_MIN_NAMES = 2
# Distinctive technical names a "Languages" section needs before it is taken for a list of
# programming languages and tools (a skills section), not of spoken languages.
_TECH_LANGUAGES_MIN = 2
# Marks that may stand beside a whole list item besides a separator: "Data: yarn (v3)".
_ITEM_OPENS = frozenset({"(", ":", "["})
_ITEM_CLOSES = frozenset({")", "]", "("})


def dense_line_tokens(
    ctx: DocContext, candidates: list[Candidate], solid_tech: set[int]
) -> tuple[frozenset[int], frozenset[int]]:
    """The tokens of lines, and those of runs inside a line, made only of skill names.

    A whole line qualifies when every word on it (punctuation aside) lies inside some candidate,
    the candidates on it start at ``_DENSE_MIN_NAMES`` places or more, and one of them is a
    distinctive technical name (``solid_tech``). Inside a line, a run of words written one after
    another with nothing but spaces between them, each inside some candidate ("using Spring
    Boot JUnit Maven Jenkins and ...", "with Typescript Node React or ..."), qualifies when
    ``_RUN_MIN_NAMES`` candidates start in it and one is distinctive and technical;
    so does a run of two or more straight after a list label's colon ("the following
    programming languages: Scala Java Go"), a list that lost its commas. Prose never qualifies:
    its verbs and articles are no skill's, and a person's or company's name holds a word no
    skill has.

    Returns:
        The tokens of such lines, and the tokens of such runs.
    """
    covered: set[int] = set()
    starts: set[int] = set()
    for c in candidates:
        covered.update(range(c.start, c.end))
        starts.add(c.start)
    ordered = sorted(starts)
    dense: set[int] = set()
    runs: set[int] = set()
    texts = ctx.texts
    # Lines run between tokens holding a line break; only a line where enough names start can
    # qualify, so the words of the others are never looked at.
    breaks = [i for i, text in enumerate(texts) if "\n" in text]
    for low, high in zip([-1, *breaks], [*breaks, len(texts)], strict=True):
        low += 1
        if bisect.bisect_left(ordered, high) - bisect.bisect_left(ordered, low) < _DENSE_MIN_NAMES:
            continue
        line = [i for i in range(low, high) if WORDISH.search(texts[i])]
        if (
            len(line) >= _DENSE_MIN_NAMES
            and covered.issuperset(line)
            and len(starts.intersection(line)) >= _DENSE_MIN_NAMES
            and not solid_tech.isdisjoint(line)
        ):
            dense.update(line)
    for run in _covered_runs(sorted(covered - dense), texts):
        begun = len(starts.intersection(run))
        if (begun >= _RUN_MIN_NAMES and not solid_tech.isdisjoint(run)) or (
            begun >= _LABELLED_RUN_MIN_NAMES and _after_label(ctx, run[0])
        ):
            runs.update(run)
    return frozenset(dense), frozenset(runs)


def _covered_runs(covered: list[int], texts: list[str]) -> list[list[int]]:
    """Runs of two or more of the ``covered`` token indices (sorted) with nothing but spaces
    between them, on one line."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i in covered:
        if current and (
            i == current[-1] + 1
            or (i == current[-1] + 2 and texts[i - 1].isspace() and "\n" not in texts[i - 1])
        ):
            current.append(i)
            continue
        if len(current) >= _LABELLED_RUN_MIN_NAMES:
            runs.append(current)
        current = [i]
    if len(current) >= _LABELLED_RUN_MIN_NAMES:
        runs.append(current)
    return runs


def _after_label(ctx: DocContext, first: int) -> bool:
    """True when a list label's colon stands right before ``first`` ("languages: Scala ...")."""
    colon = ctx.neighbour(first, -1)
    if colon is None or ctx.texts[colon] != ":":
        return False
    label = ctx.neighbour(colon, -1)
    return label is not None and ctx.lowers[label] in ctx.list_labels


def promote_language_sections(
    ctx: DocContext, candidates: list[Candidate], loose: frozenset[str]
) -> None:
    """Read a "Languages" section that lists technical skills as a skills section.

    "Languages: Python, Rust, SQL" under a heading the parser took for spoken languages is the
    author's list of programming languages and tools: a section of that kind holding at least
    ``_TECH_LANGUAGES_MIN`` distinctive technical names becomes "skills" for the policy, the
    usage filter and the fuzzy resolver. Spoken languages are no lexicon skill, so "English,
    French" never qualifies.
    """
    spans = [i for i, s in enumerate(ctx._sections) if s[2] == "languages"]
    if not spans:
        return
    sections = list(ctx._sections)
    for at in spans:
        start, end = sections[at][0], sections[at][1]
        names = {
            c.skill_id
            for c in candidates
            if c.form_class == "plain"
            and c.category not in loose
            and start <= ctx.offsets[c.start] < end
        }
        if len(names) >= _TECH_LANGUAGES_MIN:
            sections[at] = (*sections[at][:2], "skills", *sections[at][3:])
    ctx._sections = sections


def whole_item(ctx: DocContext, prev_i: int | None, next_i: int | None) -> bool:
    """True when the mention is a whole list item: a list separator ("," "/" "|" ...), a
    label's colon, a bracket or the line's edge on each side, and a separator on one ("npm,
    yarn", "Warehouse: SnowFlake, Redshift"). "user stories, gap analysis" and "SQL, basic
    Python" hold the name inside a longer item."""
    before = prev_i is None or ctx.is_strict_separator(prev_i) or ctx.texts[prev_i] in _ITEM_OPENS
    after = next_i is None or ctx.is_strict_separator(next_i) or ctx.texts[next_i] in _ITEM_CLOSES
    return (
        before
        and after
        and (
            (prev_i is None and next_i is None)
            or (prev_i is not None and ctx.is_strict_separator(prev_i))
            or (next_i is not None and ctx.is_strict_separator(next_i))
        )
    )


def row_label(ctx: DocContext, prev_i: int | None, next_i: int | None) -> bool:
    """True for the first cell of a table row ("| Processing | Apache Spark, pandas |")
    when the next cell holds a distinctive technical name: the cell labels that group."""
    if prev_i is None or next_i is None or ctx.texts[prev_i] != "|" or ctx.texts[next_i] != "|":
        return False
    if ctx.neighbour(prev_i, -1) is not None:
        return False
    i = ctx.neighbour(next_i, 1)
    while i is not None and ctx.texts[i] != "|":
        if i in ctx.solid_tech:
            return True
        i = ctx.neighbour(i, 1)
    return False


def acronym_over_tools(ctx: DocContext, written: str, colon: int) -> bool:
    """True for a label in capitals ("ASR:", "NLP:") whose line goes on with a technical
    name (a tool, library or language, even one that needs context: "Whisper"): the
    practice the line's tools serve."""
    if not (len(written) >= 3 and written.isupper() and written.isalpha()):
        return False
    i = ctx.neighbour(colon, 1)
    while i is not None:
        if i in ctx.tech_starts:
            return True
        i = ctx.neighbour(i, 1)
    return False


def an_initial(ctx: DocContext, cand: Candidate, prev_i: int | None, next_i: int | None) -> bool:
    """True for a one-letter mention with a full stop glued to it, between a name word before
    and one after (capitalised or in capitals, neither the edge of a skill's name): "Rahul V.
    Iyer", "(RAHUL V. IYER)"."""
    if next_i != cand.end or ctx.texts[next_i] != "." or ctx.spaces[cand.start]:
        return False
    after = ctx.neighbour(next_i, 1)
    if prev_i is None or after is None:
        return False

    def name_word(i: int) -> bool:
        text = ctx.texts[i]
        return text.isalpha() and len(text) > 1 and (text.istitle() or text.isupper())

    return (
        name_word(prev_i)
        and name_word(after)
        and prev_i not in ctx.any_ends
        and after not in ctx.any_starts
    )
