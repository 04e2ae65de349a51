"""The usage filter's education rules: a field named as what was studied, or in a school's name.

A field ("Computer Science", "Mathematics") is not evidence of the skill when it is a degree's
subject: next to a degree word, through the words that join them ("B.Sc. Computer Science",
"Bachelor of Engineering in Computer Science", "Minor: Economics", "Physics degree", "Computer
Science (BSc)"); starting an education line that names the school there or on the short line
above ("Data Science, Northgate University"); or in a name after "School of", "Department of",
"Lecture Notes in", also further into it or wrapped onto the next line ("Dept. of Electrical &
Computer Engineering"). The profile counts education, and an organisation's name is not a
practice. The degree words and organisation heads are data (``[usage]`` in
``lexicons/extract.toml``); ``UsageFilter.keep`` (``usage.py``) runs these rules only for the
categories of ``subject_categories``.
"""

from __future__ import annotations

from resume_fit.extract.context import Candidate, DocContext
from resume_fit.extract.usage_layout import (
    LABEL_WORDS,
    WORD,
    LineCache,
    line_above,
    line_text,
    previous,
)

_BULLETS = frozenset({"-", "–", "•", "·", "*", "▪", "◦", "○", "●", "■", "►"})

# Words between a degree word and its subject ("Bachelor of Science in", "B.Sc. (Hons)").
_SUBJECT_LINKS = frozenset(
    {
        "of",
        "in",
        "and",
        "&",
        ",",
        ":",
        "(",
        ")",
        "-",
        "–",
        "—",
        "|",
        "/",
        "science",
        "sciences",
        "arts",
        "applied",
        "hons",
        "honours",
        "honors",
        "spec",
        "with",
        "track",
        "joint",
        "double",
        "combined",
        "engineering",
        "technology",
        "the",
        "'",
    }
)
_SUBJECT_REACH = 16
# How many capitalised words (or joining words) may stand between "School of" and the match.
_NAME_REACH = 4


def degree_line(
    ctx: DocContext, cand: Candidate, lines: LineCache, degree_words: frozenset[str]
) -> bool:
    """True when the match's line names a degree ("B.Sc.", "Bachelor", "Minor", "GCSEs"), or
    the line before is a short one that does ("BS" above "University, Computer Science")."""
    line = line_text(ctx, cand, lines)
    if any(_bare(w.casefold()) in degree_words for w in WORD.findall(line)):
        return True
    above = line_above(ctx, cand)
    if above is None:
        return False
    words = WORD.findall(above)
    return 0 < len(words) <= LABEL_WORDS and any(_bare(w.casefold()) in degree_words for w in words)


def degree_subject(ctx: DocContext, cand: Candidate, degree_words: frozenset[str]) -> bool:
    """True when the match names a degree's subject: right before a degree word ("Computer
    Science Diploma") or after one (``_subject_after_degree``)."""
    next_i = ctx.neighbour(cand.end - 1, 1)
    if next_i is not None and ctx.texts[next_i] == "(":
        next_i = ctx.neighbour(next_i, 1)  # "Computer Science (BSc)"
    if next_i is not None and _bare(ctx.lowers[next_i]) in degree_words:
        return True
    return _subject_after_degree(ctx, cand, degree_words)


def _subject_after_degree(ctx: DocContext, cand: Candidate, degree_words: frozenset[str]) -> bool:
    """True when the match follows a degree word through the words that name a degree's
    subject: "B.Sc. Computer Science", "Bachelor of Engineering in Computer Science",
    "B.A. and M.A. in Statistics and Data Science", "MSc Physics (Machine Learning track)".
    Not "thesis on deep learning": a topic the degree holder worked on."""
    i = previous(ctx, cand.start)
    for _ in range(_SUBJECT_REACH):
        if i is None:
            return False
        word = _bare(ctx.lowers[i])
        if word in degree_words:
            return True
        if i in ctx.span_starts:
            i = ctx.span_starts[i]  # back over another subject: "Statistics and Data Science"
        elif not (
            word in _SUBJECT_LINKS
            or not word
            or ctx.texts[i].istitle()
            or (ctx.texts[i].isupper() and ctx.texts[i].isalpha())
        ):
            # A capitalised word may qualify the subject: "B.Sc. Biomedical Engineering";
            # a list of subjects may hold one in capitals ("GCSEs: Maths, RPSE, Physics").
            return False
        i = previous(ctx, i)
    return False


def school_subject(
    ctx: DocContext,
    cand: Candidate,
    lines: LineCache,
    degree_words: frozenset[str],
    org_heads: frozenset[str],
) -> bool:
    """True for a field that starts a line of the education section naming a school on
    that line or the short line above: "Data Science, Stanford University, 2017" and
    "State University" above "Computer Science, 2014 - 2018" name what was studied there,
    as a degree's subject does."""
    prev_i = ctx.neighbour(cand.start, -1)
    if prev_i is not None and ctx.texts[prev_i] in _BULLETS:
        prev_i = ctx.neighbour(prev_i, -1)
    if prev_i is not None or ctx.section_kind(cand.start) != "education":
        return False
    if any(_bare(ctx.lowers[i]) in degree_words for i in range(cand.start, cand.end)):
        return False  # a form naming the degree itself ("BSc Computer Science") is left be
    line = line_text(ctx, cand, lines)
    if _names_school(line, org_heads):
        return True
    above = line_above(ctx, cand)
    if above is None:
        return False
    return len(WORD.findall(above)) <= LABEL_WORDS and _names_school(above, org_heads)


def _names_school(line: str, org_heads: frozenset[str]) -> bool:
    """True when ``line`` has a capitalised organisation head ("University", "College")."""
    return any(
        w[:1].isupper() and w.casefold().rstrip(".") in org_heads for w in WORD.findall(line)
    )


def after_org_head(ctx: DocContext, cand: Candidate, org_heads: frozenset[str]) -> bool:
    """True after "School of", "Dept. of", "Lecture Notes in": an organisation's or a
    series' name, also as a later part of it ("Dept. of Electrical & Computer
    Engineering", "School of Computer Science and Engineering"), across a line break that
    wraps the name ("Department of" above "Computer Science")."""
    prev_i = previous(ctx, cand.start)
    if prev_i is not None and ctx.lowers[prev_i] not in {"of", "for", "in"}:
        # Only "of" may end the line above: capitalised words there are another line's.
        prev_i = ctx.neighbour(cand.start, -1)
    for _ in range(_NAME_REACH):
        if prev_i is None or ctx.lowers[prev_i] in {"of", "for", "in"}:
            break
        if not (ctx.texts[prev_i].istitle() or ctx.lowers[prev_i] in {"&", "and", ","}):
            return False
        prev_i = ctx.neighbour(prev_i, -1)
    if prev_i is None or ctx.lowers[prev_i] not in {"of", "for", "in"}:
        return False
    before = previous(ctx, prev_i)
    if before is not None and ctx.texts[before] == ".":
        before = previous(ctx, before)  # "Dept." split as "Dept" "."
    return before is not None and ctx.lowers[before].rstrip(".") in org_heads


def _bare(word: str) -> str:
    """A word without dots and a possessive: "B.Sc." -> "bsc", "Master's" -> "master"."""
    word = word.replace(".", "")
    for tail in ("'s", "’s"):
        if word.endswith(tail):
            return word[: -len(tail)]
    return word
