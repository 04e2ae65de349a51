"""The usage filter's layout rules: where on the page a match stands.

A match is not evidence of the skill when its place in the document's layout shows it names
something else: a whole line in capitals that reads as a heading, a common word naming a group
inside a line label ("Cloud & Infrastructure: AWS"), a site on a contact line or labelling a web
address ("LinkedIn: https://..."), a state code after a place name ("Fort Meade, MD"), a letter
in a citation ("Smith, J."). This module also reads the match's line for the other usage rules
(``line_text``, cached per document in a ``LineCache``) and steps back over line breaks
(``previous``). ``UsageFilter.keep`` (``usage.py``) decides the order the rules run in.
"""

from __future__ import annotations

import re

from resume_fit.extract.context import Candidate, DocContext
from resume_fit.parse.contacts import PHONE, is_phone

# A web address ends in a lower-case domain ("jane.dev", "github.com/jane"): "ASP.NET",
# "VB.NET" and "Socket.IO" are names on a skills line, not addresses.
_EMAIL_OR_URL = re.compile(r"\S@\S|(?i:https?://|www\.)|\b[\w-]+\.(?:com|org|net|io|dev|me|ai)\b")
_LABEL = re.compile(r"[^\S\n]*[•·*\-–]?[^\S\n]*([^:\n]{1,48}?)[^\S\n]*:")
WORD = re.compile(r"[A-Za-z][A-Za-z.'’]*")
# A line label ("Cloud & Infrastructure:") has at most this many words; more is a sentence.
LABEL_WORDS = 4

# What was learnt about the lines of one document, by (line start, what).
LineCache = dict[tuple[int, str], object]


def line_start(ctx: DocContext, cand: Candidate) -> int:
    """Where the match's line starts in the text."""
    return ctx.text.rfind("\n", 0, ctx.offsets[cand.start]) + 1


def line_text(ctx: DocContext, cand: Candidate, lines: LineCache) -> str:
    """The text of the match's line, kept in ``lines`` once read."""
    text = ctx.text
    offset = ctx.offsets[cand.start]
    start = line_start(ctx, cand)
    key = (start, "text")
    cached = lines.get(key)
    if cached is None:
        line_end = text.find("\n", offset)
        cached = text[start : len(text) if line_end < 0 else line_end]
        lines[key] = cached
    return str(cached)


def line_above(ctx: DocContext, cand: Candidate) -> str | None:
    """The text of the line above the match's line; None on the document's first line."""
    text = ctx.text
    start = line_start(ctx, cand)
    if start == 0:
        return None
    return text[text.rfind("\n", 0, start - 1) + 1 : start - 1]


def previous(ctx: DocContext, i: int) -> int | None:
    """The previous non-space token, across one line break (lists wrap)."""
    j = i - 1
    while j >= 0 and ctx.texts[j].isspace():
        if ctx.texts[j].count("\n") > 1:
            return None
        j -= 1
    return j if j >= 0 else None


def heading_line(ctx: DocContext, cand: Candidate, line: str) -> bool:
    """True when the match is a whole line of two or more words in capitals ("ACADEMIC
    RESEARCH"): a heading the section finder did not take for one."""
    words = line.split()
    if len(words) < 2 or not line.isupper():
        return False
    written = " ".join(ctx.texts[i] for i in range(cand.start, cand.end) if ctx.texts[i].strip())
    return " ".join(words) == written


def generic_word(ctx: DocContext, cand: Candidate) -> bool:
    """True for a match that is one common word ("Cloud", "Automation"), not in capitals: in a
    line label of a field's or method's category it names a group; a specific name there
    ("Data Engineering & Analytics:", "NLP:") still declares the skill."""
    return (
        cand.form_class == "word"
        and cand.end - cand.start == 1
        and not ctx.texts[cand.start].isupper()
    )


def in_label(ctx: DocContext, cand: Candidate, lines: LineCache) -> bool:
    """True inside a line label: the short text before a colon that starts the line."""
    line = line_text(ctx, cand, lines)
    label = _LABEL.match(line)
    if label is None or len(WORD.findall(label.group(1))) > LABEL_WORDS:
        return False
    line_start = ctx.text.rfind("\n", 0, ctx.offsets[cand.start]) + 1
    return ctx.offsets[cand.start] < line_start + label.end(1)


# What makes a line a list of items: a comma, semicolon, pipe or bullet between two of them.
_LIST_MARK = re.compile(r"\S\s*[,;|•·▪]\s*\S")


def labels_the_next_line(ctx: DocContext, cand: Candidate, lines: LineCache) -> bool:
    """True when the match is the whole of its line in a skills section and the next line is a
    list: a table's label cell ("Databases" above "PostgreSQL, MongoDB"), the line label
    ("Databases:") of a layout that put the label and its items in two cells."""
    if ctx.section_kind(cand.start) != "skills":
        return False
    line = line_text(ctx, cand, lines)
    last = cand.end - 1
    written = ctx.text[ctx.offsets[cand.start] : ctx.offsets[last] + len(ctx.texts[last])]
    if line.strip().rstrip(":").strip() != written:
        return False
    text = ctx.text
    at = text.find("\n", ctx.offsets[cand.start])
    while at >= 0:
        end = text.find("\n", at + 1)
        following = text[at + 1 : len(text) if end < 0 else end]
        if following.strip():
            return bool(_LIST_MARK.search(following))
        at = end
    return False


def contact_line(ctx: DocContext, cand: Candidate, lines: LineCache) -> bool:
    """True on a contact line: the contact section, or a line with an email, a web address
    or a phone number."""
    if ctx.section_kind(cand.start) == "contact":
        return True
    line = line_text(ctx, cand, lines)
    return bool(_EMAIL_OR_URL.search(line)) or any(is_phone(m[0]) for m in PHONE.finditer(line))


# A page marker of a running header or footer: "Page 2", "Page 1 of 3", "p. 2/3", "Seite 2 von 3".
_PAGE_MARK = re.compile(
    r"(?i)(?:^|[\s|·•,–—-])(?:page|p\.|seite|página|pagina)\s*\d{1,3}"
    r"(?P<total>\s*(?:of|/|von|de|di)\s*\d{1,3})?\b"
)
# A line with a bare page marker ("Page 2", no "of 3") is a running line only when this short:
# "Redesigned the checkout page 2 times faster" is a sentence.
_RUNNING_WORDS = 6
# The document's first line as a person's name: two to four capitalised words (or in capitals),
# perhaps surname first ("Swift, Julia").
_NAME_LINE = re.compile(
    r"^[A-ZÀ-Þ][\w'’.\-]*,?\s+(?:[A-ZÀ-Þ][\w'’.\-]*\s+){0,2}[A-ZÀ-Þ][\w'’.\-]*$"
)


def names_the_person(
    ctx: DocContext, cand: Candidate, lines: LineCache, titles: frozenset[str]
) -> bool:
    """True where the match is the person's name, not a skill: on the name line the document
    opens with ("Swift, Julia"), on a running header or footer (a line with a page marker,
    "Crystal Wood - Page 1 of 2", or a line that starts by repeating the name line, "Iris Bell"
    again at its end, "Iris Bell | CV", the match inside the name), or a word of the name line
    written as the subject of a sentence about the person ("Julia's work", "Ruby is a data
    scientist"), even when its words make a list. A first line holding a title word
    (``titles``: "Machine Learning Engineer") is a headline, not a name."""
    line = line_text(ctx, cand, lines)
    start = line_start(ctx, cand)
    running = lines.get((start, "running"))
    if running is None:
        running = lines[(start, "running")] = _running_mark(line)
    if running:
        return True
    if cand.end - cand.start == 1 and _name_over_title(ctx, cand, line, titles):
        return True
    name, name_start = _name_line(ctx, lines, titles)
    if not name:
        return False
    if start <= name_start:
        return True  # the name line itself
    if cand.end - cand.start == 1 and _as_subject(ctx, cand, name):
        return True
    stripped = line.lstrip()
    if not stripped.casefold().startswith(name.casefold()):
        return False
    rest = stripped[len(name) :].lstrip()
    if rest and rest[0] not in _RUNNING_SEPARATORS:
        return False
    at = len(line) - len(stripped)
    end = ctx.offsets[cand.end - 1] + len(ctx.texts[cand.end - 1]) - start
    return end <= at + len(name)


def _running_mark(line: str) -> bool:
    """A page marker of a running header or footer: "Page 1 of 2" anywhere, "Page 2" or "p. 2" on
    a short line."""
    mark = _PAGE_MARK.search(line)
    return mark is not None and (bool(mark["total"]) or len(line.split()) <= _RUNNING_WORDS)


def _name_over_title(ctx: DocContext, cand: Candidate, line: str, titles: frozenset[str]) -> bool:
    """A one-word match on a line of two or three capitalised words, right above a short line
    holding a title word, in the contact block or a sidebar's sections: a name over its title
    ("Crystal Wood" over "Data Engineer"), wherever a sidebar or a column order put that block."""
    words = line.split()
    if not 2 <= len(words) <= 3 or not _NAME_LINE.match(line.strip()) or "," in line:
        return False
    if ctx.section_kind(cand.start) not in _NAME_BLOCK_SECTIONS:
        # An employer or a project over a role ("Ruby Labs" over "Data Engineer", "Flask
        # Dashboard" over "Lead Developer"): the name block stands in the contact block or a
        # sidebar's sections.
        return False
    offset = ctx.offsets[cand.start]
    line_end = ctx.text.find("\n", offset)
    if line_end < 0:
        return False
    below = next((b for b in ctx.text[line_end + 1 :].split("\n", 3)[:3] if b.strip()), "")
    below_words = [w.strip(",.|").casefold() for w in below.split()]
    return 0 < len(below_words) <= 5 and bool(set(below_words) & titles)


def _as_subject(ctx: DocContext, cand: Candidate, name: str) -> bool:
    """A one-word match written as a word of the name line, before a possessive or "is", "was",
    "has": the person written about in the third person."""
    if ctx.texts[cand.start] not in {w.strip(",") for w in name.split()}:
        return False
    after = ctx.neighbour(cand.end - 1, 1)
    return after is not None and ctx.lowers[after] in _SUBJECT_NEXT


# Sections a name-over-title block stands in: the contact block and what a sidebar holds.
_NAME_BLOCK_SECTIONS = frozenset(
    {"contact", "skills", "languages", "interests", "summary", "other"}
)
# What follows a name written as a sentence's subject: "Julia's", "Julia is", "Julia has".
_SUBJECT_NEXT = frozenset({"'s", "’s", "is", "was", "has", "had"})
# What may follow a repeated name on a running line: "Iris Bell - Page 2", "Iris Bell | CV".
_RUNNING_SEPARATORS = frozenset("-–—|·•,/")


def _name_line(ctx: DocContext, lines: LineCache, titles: frozenset[str]) -> tuple[str, int]:
    """The document's first non-empty line and where it starts, when it reads as a person's
    name; else ``("", -1)``."""
    key = (0, "name line")
    found = lines.get(key)
    if not isinstance(found, tuple):
        found = ("", -1)
        # Before any heading: a first line under one ("Skills" over "Python, Go") is content.
        opening = next((i for i, t in enumerate(ctx.texts) if not t.isspace()), None)
        if opening is not None and ctx.section_kind(opening) == "contact":
            start = ctx.offsets[opening]
            end = ctx.text.find("\n", start)
            first = ctx.text[start : len(ctx.text) if end < 0 else end].strip()
            words = {w.strip(",").casefold() for w in first.split()}
            if _NAME_LINE.match(first) and not words & titles:
                found = (first, start)
        lines[key] = found
    name, start = found
    return str(name), int(start)


def labels_a_link(ctx: DocContext, cand: Candidate) -> bool:
    """True for "LinkedIn: https://..." or "GitHub github.com/x": the name labels an address."""
    next_i = ctx.neighbour(cand.end - 1, 1)
    if next_i is not None and ctx.texts[next_i] in {":", "-", "–", "|"}:
        next_i = ctx.neighbour(next_i, 1)
    if next_i is None:
        # The address may stand alone on the next line.
        j = cand.end
        while j < len(ctx.texts) and ctx.texts[j].isspace():
            j += 1
        if j == cand.end or j >= len(ctx.texts) or ctx.texts[j - 1].count("\n") > 1:
            return False
        next_i = j
    return bool(_EMAIL_OR_URL.search(ctx.texts[next_i]))


# Brackets around link text, by the opening one.
_OPENING = {"(": ")", "[": "]"}


def points_to_a_page(
    ctx: DocContext, cand: Candidate, page_words: frozenset[str], owner_words: frozenset[str]
) -> bool:
    """True for a site's name that points at the person's page, not at using it: "my GitHub",
    "see my LinkedIn profile", "GitHub handle", or "(GitHub)" alone in brackets after a project's
    name (the link's text)."""
    prev_i = ctx.neighbour(cand.start, -1)
    next_i = ctx.neighbour(cand.end - 1, 1)
    if prev_i is not None and ctx.lowers[prev_i] in owner_words:
        return True
    if next_i is not None and ctx.texts[next_i] in page_words:  # lower case: "GitHub Pages" stays
        return True
    return (
        prev_i is not None
        and next_i is not None
        and ctx.texts[prev_i] in _OPENING
        and ctx.texts[next_i] == _OPENING[ctx.texts[prev_i]]
    )


def state_code(ctx: DocContext, cand: Candidate, place_codes: frozenset[str]) -> bool:
    """True for a state or province code (``place_codes``) after a place name: "Fort Meade, MD"
    and "Boston, MA"."""
    return (
        cand.end - cand.start == 1
        and ctx.texts[cand.start] in place_codes
        and _after_place(ctx, cand)
    )


def _after_place(ctx: DocContext, cand: Candidate) -> bool:
    """True for "City, ST": a comma and a capitalised word before, no word glued after."""
    prev_i = ctx.neighbour(cand.start, -1)
    if prev_i is None or ctx.texts[prev_i] != ",":
        return False
    before = ctx.neighbour(prev_i, -1)
    next_i = ctx.neighbour(cand.end - 1, 1)
    ends = next_i is None or not ctx.texts[next_i].isalpha() or ctx.texts[next_i].isdigit()
    return before is not None and ctx.texts[before].istitle() and ends


def citation_letter(
    ctx: DocContext, cand: Candidate, lines: LineCache, letter_sections: frozenset[str]
) -> bool:
    """True for a one-letter name ("C", "J") in a section of ``letter_sections``: citations are
    full of initials and journal letters ("Smith, J.", "Phys. Rev. D 103"); and for an author's
    surname there, a capitalised word beside an initial ("Swift, J.", "J. Swift", "Flask JA,")."""
    if cand.end - cand.start != 1 or ctx.section_kind(cand.start) not in letter_sections:
        return False
    word = ctx.texts[cand.start]
    if len(word) == 1:
        return True
    if not word[:1].isupper() or not word[1:].islower():
        return False
    line = line_text(ctx, cand, lines)
    at = ctx.offsets[cand.start] - line_start(ctx, cand)
    before, after = line[:at], line[at + len(word) :]
    if _INITIAL_BEFORE.search(before):
        return bool(_AUTHOR_END.match(after))
    return bool(_AUTHOR_START.search(before) and _INITIAL_AFTER.match(after))


# An author's initials beside a surname in a citation: "J. Swift", "J.-P. Swift" before it (and
# the author list going on after it: ",", "and", "&", ";", "." or the line's end); or, with the
# surname starting an entry of the list (the line's start, or after ",", ";", "and", "&"),
# ", J." / ", J.A." / " JA," / " J.," after it. "A Python SDK." and "Scaling Spark ML." are titles.
_INITIAL_BEFORE = re.compile(r"(?:^|[\s,;(])(?:[A-Z]\.[\s-]?){1,3}\s*$")
_AUTHOR_END = re.compile(r"^(?:\s*[,;.&]|\s+and\b|\s*$)")
_AUTHOR_START = re.compile(r"(?:^|[,;&]\s*|\band\s+)$")
_INITIAL_AFTER = re.compile(r"^(?:,\s*(?:[A-Z]\.[\s-]?){1,3}|\s+[A-Z]{1,3}[,.])")
