"""Whether a phrase match is evidence of a skill used, or the name in another role.

The ambiguity policy (``ambiguity.py``) decides whether a word names the skill at all. This
module asks a second question of every match, distinctive names included: does the resume use the
skill there, or only name it as something else? A match is not evidence when it is

- a heading: on a section's heading line ("Publications", "Research Experience"), or a whole line
  in capitals that reads as a heading, or a common word naming a field, method or soft skill
  inside a line label ("Cloud & Infrastructure: AWS", "Automation & Scripting: Bash"): a heading
  names a group;
- a degree's subject: a field ("Computer Science", "Mathematics") next to a degree word, through
  the words that join them ("B.Sc. Computer Science", "Bachelor of Engineering in Computer
  Science", "Minor: Economics", "Physics degree", "Computer Science (BSc)"), starting an
  education line that names the school there or on the short line above ("Data Science,
  Northgate University"), or in a name after "School of", "Department of", "Lecture Notes in",
  also further into it or wrapped onto the next line ("Dept. of Electrical & Computer
  Engineering"): the profile counts education, and an organisation's name is not a practice;
- a letter in a citation: a one-letter name ("C", "J") in the publications or references;
- a state code in an address: "Fort Meade, MD" is Maryland, not Markdown;
- a contact or link: a site ("LinkedIn", "GitHub", "Medium") on a contact line (an email, a web
  address, a phone number, the contact section), in the awards, publications or references
  sections, or as the label of a web address ("LinkedIn: https://...");
- an employer: an organisation's name ("OpenAI", "Salesforce") after "at" or "joined", in a list of
  employers after "at", after a job title ("Software Engineer, Google") or on a dated job line;
- the tail of a compound word glued with a hyphen ("gamma-ray", "pre-summarization");
- a name the lexicon writes only in capitals written as the capitalised first word of a
  hyphenated place name, outside a skills list: "Aix-en-Provence" is a town, not IBM's AIX;
- a business unit's name: a field or method in capitals after an organisation's name
  ("Siemens Product Lifecycle Management");
- the start of an organisation's name: a capitalised name that a head noun of
  ``organisation_heads`` ends ("VIT University", "SAS Institute", "Aix-Marseille University",
  "H2O Church");
- the expansion of an acronym in brackets: "SAS (Statistical Analysis System)" is SAS;
- other people or a name: a field or method naming colleagues ("2 DevOps engineers", "a
  DevOps engineer", "engineering leader", "product owners"), or starting the name of a body or
  an event ("Cybersecurity Poster Contest Committee", "Data Science Hackathon"). A job title
  of the author's own ("Machine Learning Engineer, 2021 - present") still counts.

Every list of words (sites, organisations, degree words, title words) is data in
``lexicons/extract.toml`` under ``[usage]``. The same skill named elsewhere as used still counts:
each match is judged on its own, and a skill is reported when any of its matches is evidence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from resume_fit.extract.context import Candidate, DocContext
from resume_fit.extract.patterns import SkillEntry
from resume_fit.extract.settings import ExtractSettings

_EMAIL_OR_URL = re.compile(r"\S@\S|https?://|www\.|\b[\w-]+\.(com|org|net|io|dev|me|ai)\b", re.I)
_PHONE = re.compile(r"\+?\d[\d ()./-]{7,}\d")
_LABEL = re.compile(r"[^\S\n]*[•·*\-–]?[^\S\n]*([^:\n]{1,48}?)[^\S\n]*:")
_WORD = re.compile(r"[A-Za-z][A-Za-z.'’]*")
_BULLETS = frozenset({"-", "–", "•", "·", "*", "▪", "◦", "○", "●", "■", "►"})
# A line label ("Cloud & Infrastructure:") has at most this many words; more is a sentence.
_LABEL_WORDS = 4
# The rest of a hyphenated place name after its first word: "-en-Provence", "-Marseille".
_HYPHENATED_NAME = re.compile(r"-(?:[a-zà-ÿ]{1,4}-)*[A-ZÀ-Þ][a-zà-ÿ]")
_DATE_RANGE = re.compile(
    r"((19|20)\d\d|\b[A-Z][a-z]{2,8}\.? (19|20)\d\d|\d{1,2}/(19|20)?\d\d)\s*[-–—]+\s*"
    r"((19|20)\d\d|[A-Z][a-z]{2,8}\.? (19|20)\d\d|\d{1,2}/(19|20)?\d\d|present|current|now|today)",
    re.I,
)


# What was learnt about the lines of one document, by (line start, what).
LineCache = dict[tuple[int, str], object]

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


class UsageFilter:
    """Drops the matches that name a skill without showing it used (see the module docstring).

    Args:
        settings: Extractor settings (the ``usage_*`` word lists).
        entries: The skills by id.
    """

    def __init__(self, settings: ExtractSettings, entries: Mapping[str, SkillEntry]) -> None:
        self._entries = entries
        self._site_words = frozenset(settings.usage_sites)
        self._organisation_words = frozenset(settings.usage_organisations)
        # Decided once per skill, not per match, when the skill is first matched: which of its
        # forms (case-folded) name a site or an organisation.
        self._names: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
        self._degree_words = frozenset(settings.usage_degree_words)
        self._org_heads = frozenset(settings.usage_organisation_heads)
        self._titles = frozenset(settings.usage_title_words)
        self._employer_prev = frozenset(settings.usage_employer_prev)
        self._label_categories = frozenset(settings.usage_label_categories)
        self._subject_categories = frozenset(settings.usage_subject_categories)
        self._site_sections = frozenset(settings.usage_site_sections)
        self._letter_sections = frozenset(settings.usage_letter_sections)
        self._place_codes = frozenset(c.upper() for c in settings.usage_place_codes)
        self._people = frozenset(settings.usage_people_words)
        self._name_heads = frozenset(settings.usage_name_heads)

    def keep(self, ctx: DocContext, cand: Candidate, category: str, lines: LineCache) -> bool:
        """True when the match ``cand`` is evidence of the skill.

        Args:
            ctx: The document context.
            cand: An accepted match.
            category: The skill's category.
            lines: A dict the caller keeps per document: what was learnt about each line.
        """
        if ctx.on_heading(cand.start):
            return False
        # Each test below runs only for the matches it concerns, cheapest first: this runs for
        # every match of every document.
        if cand.end - cand.start > 1 and self._heading_line(
            ctx, cand, self._text(ctx, cand, lines)
        ):
            return False
        if self._generic_label(ctx, cand, category) and self._in_label(ctx, cand, lines):
            return False
        if category in self._subject_categories and (
            self._after_org_head(ctx, cand)
            or (self._degree_line(ctx, cand, lines) and self._degree_subject(ctx, cand))
            or self._school_subject(ctx, cand, lines)
        ):
            return False
        if self._glued_prefix(ctx, cand):
            return False
        if not cand.case_ok and self._acronym_as_word(ctx, cand):
            return False
        if self._starts_an_organisation(ctx, cand) or (
            category in self._label_categories and self._after_organisation(ctx, cand)
        ):
            return False
        # An expansion needs its opening bracket close before (the one test of most matches).
        start = cand.start
        if "(" in ctx.texts[max(0, start - _EXPANSION_WORDS) : start] and self._spells_out(
            ctx, cand
        ):
            return False
        if category in self._label_categories and self._names_a_role_or_body(ctx, cand):
            return False
        # "Fort Meade, MD" and "Boston, MA": a state or province code after a place name.
        if (
            cand.end - cand.start == 1
            and ctx.texts[cand.start] in self._place_codes
            and self._after_place(ctx, cand)
        ):
            return False
        # Citations are full of initials and journal letters ("Smith, J.", "Phys. Rev. D 103").
        if (
            cand.end - cand.start == 1
            and len(ctx.texts[cand.start]) == 1
            and ctx.section_kind(cand.start) in self._letter_sections
        ):
            return False
        sites, names = self._names.get(cand.skill_id) or self._names_of(cand.skill_id)
        if (
            sites
            and self._written(ctx, cand) in sites
            and (
                ctx.section_kind(cand.start) in self._site_sections
                or self._contact_line(ctx, cand, lines)
                or self._labels_a_link(ctx, cand)
            )
        ):
            return False
        employer = (
            names
            and self._written(ctx, cand) in names
            and (_DATE_RANGE.search(self._text(ctx, cand, lines)) or self._employer(ctx, cand))
        )
        return not employer

    def _names_of(self, skill_id: str) -> tuple[frozenset[str], frozenset[str]]:
        """The forms of the skill (case-folded) that name a site, and those that name an
        organisation, worked out now and kept in ``_names``."""
        forms = frozenset(f.casefold() for f in self._entries[skill_id].forms)
        found = self._names[skill_id] = (forms & self._site_words, forms & self._organisation_words)
        return found

    def _acronym_as_word(self, ctx: DocContext, cand: Candidate) -> bool:
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
        forms = [f for f in self._entries[cand.skill_id].forms if f.casefold() == folded]
        return bool(forms) and all(f.isupper() for f in forms)

    @staticmethod
    def _spells_out(ctx: DocContext, cand: Candidate) -> bool:
        """True inside the expansion of an acronym in brackets after it: "SAS (Statistical
        Analysis System)" names the product SAS, not statistical analysis."""
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

    def _names_a_role_or_body(self, ctx: DocContext, cand: Candidate) -> bool:
        """True for a field or method naming other people ("1 DevOps engineer", "a data
        scientist", "engineering leader") or starting a body's or an event's name ("Data
        Science Hackathon", "Cybersecurity Poster Contest Committee")."""
        i = ctx.neighbour(cand.end - 1, 1)
        if i is None or i != cand.end:
            return False
        word = ctx.lowers[i]
        if word in self._people:
            return True
        if word in self._titles or (word.endswith("s") and word[:-1] in self._titles):
            # A job title: the author's own, unless it is counted ("a", "2"): colleagues.
            prev_i = ctx.neighbour(cand.start, -1)
            return prev_i is not None and (
                ctx.lowers[prev_i] in _ONE_OF or ctx.texts[prev_i].isdigit()
            )
        for _ in range(_NAME_REACH):
            if i is None:
                return False
            word = ctx.lowers[i]
            if word in self._name_heads and ctx.texts[i].istitle():
                return True
            if not (ctx.texts[i].istitle() or word in _NAME_JOINS):
                return False
            i = ctx.neighbour(i, 1)
        return False

    @staticmethod
    def _written(ctx: DocContext, cand: Candidate) -> str:
        """The match's words as written, case-folded, one space apart."""
        return " ".join(
            ctx.lowers[i] for i in range(cand.start, cand.end) if not ctx.texts[i].isspace()
        )

    @staticmethod
    def _text(ctx: DocContext, cand: Candidate, lines: LineCache) -> str:
        """The text of the match's line."""
        text = ctx.text
        offset = ctx.offsets[cand.start]
        line_start = text.rfind("\n", 0, offset) + 1
        key = (line_start, "text")
        cached = lines.get(key)
        if cached is None:
            line_end = text.find("\n", offset)
            cached = text[line_start : len(text) if line_end < 0 else line_end]
            lines[key] = cached
        return str(cached)

    def _contact_line(self, ctx: DocContext, cand: Candidate, lines: LineCache) -> bool:
        """True on a contact line: the contact section, or a line with an email, a web address
        or a phone number."""
        if ctx.section_kind(cand.start) == "contact":
            return True
        line = self._text(ctx, cand, lines)
        return bool(_EMAIL_OR_URL.search(line) or _PHONE.search(line))

    def _degree_line(self, ctx: DocContext, cand: Candidate, lines: LineCache) -> bool:
        """True when the match's line names a degree ("B.Sc.", "Bachelor", "Minor", "GCSEs"), or
        the line before is a short one that does ("BS" above "University, Computer Science")."""
        line = self._text(ctx, cand, lines)
        if any(_bare(w.casefold()) in self._degree_words for w in _WORD.findall(line)):
            return True
        text = ctx.text
        line_start = text.rfind("\n", 0, ctx.offsets[cand.start]) + 1
        if line_start == 0:
            return False
        above = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
        words = _WORD.findall(above)
        return 0 < len(words) <= _LABEL_WORDS and any(
            _bare(w.casefold()) in self._degree_words for w in words
        )

    def _school_subject(self, ctx: DocContext, cand: Candidate, lines: LineCache) -> bool:
        """True for a field that starts a line of the education section naming a school on
        that line or the short line above: "Data Science, Stanford University, 2017" and
        "State University" above "Computer Science, 2014 - 2018" name what was studied there,
        as a degree's subject does."""
        prev_i = ctx.neighbour(cand.start, -1)
        if prev_i is not None and ctx.texts[prev_i] in _BULLETS:
            prev_i = ctx.neighbour(prev_i, -1)
        if prev_i is not None or ctx.section_kind(cand.start) != "education":
            return False
        if any(_bare(ctx.lowers[i]) in self._degree_words for i in range(cand.start, cand.end)):
            return False  # a form naming the degree itself ("BSc Computer Science") is left be
        line = self._text(ctx, cand, lines)
        if self._names_school(line):
            return True
        text = ctx.text
        line_start = text.rfind("\n", 0, ctx.offsets[cand.start]) + 1
        if line_start == 0:
            return False
        above = text[text.rfind("\n", 0, line_start - 1) + 1 : line_start - 1]
        return len(_WORD.findall(above)) <= _LABEL_WORDS and self._names_school(above)

    def _names_school(self, line: str) -> bool:
        """True when ``line`` has a capitalised organisation head ("University", "College")."""
        return any(
            w[:1].isupper() and w.casefold().rstrip(".") in self._org_heads
            for w in _WORD.findall(line)
        )

    def _in_label(self, ctx: DocContext, cand: Candidate, lines: LineCache) -> bool:
        """True inside a line label: the short text before a colon that starts the line."""
        line = self._text(ctx, cand, lines)
        label = _LABEL.match(line)
        if label is None or len(_WORD.findall(label.group(1))) > _LABEL_WORDS:
            return False
        line_start = ctx.text.rfind("\n", 0, ctx.offsets[cand.start]) + 1
        return ctx.offsets[cand.start] < line_start + label.end(1)

    def _generic_label(self, ctx: DocContext, cand: Candidate, category: str) -> bool:
        """True for a common word naming a group in a line label ("Cloud & Infrastructure:",
        "Automation & Scripting:"); a specific name there ("Data Engineering & Analytics:",
        "NLP:") still declares the skill."""
        return (
            category in self._label_categories
            and cand.form_class == "word"
            and cand.end - cand.start == 1
            and not ctx.texts[cand.start].isupper()
        )

    @staticmethod
    def _heading_line(ctx: DocContext, cand: Candidate, line: str) -> bool:
        """True when the match is a whole line of two or more words in capitals ("ACADEMIC
        RESEARCH"): a heading the section finder did not take for one."""
        words = line.split()
        if len(words) < 2 or not line.isupper():
            return False
        written = " ".join(
            ctx.texts[i] for i in range(cand.start, cand.end) if ctx.texts[i].strip()
        )
        return " ".join(words) == written

    def _degree_subject(self, ctx: DocContext, cand: Candidate) -> bool:
        """True when the match names a degree's subject: right before a degree word ("Computer
        Science Diploma") or after one (``_subject_after_degree``)."""
        next_i = ctx.neighbour(cand.end - 1, 1)
        if next_i is not None and ctx.texts[next_i] == "(":
            next_i = ctx.neighbour(next_i, 1)  # "Computer Science (BSc)"
        if next_i is not None and _bare(ctx.lowers[next_i]) in self._degree_words:
            return True
        return self._subject_after_degree(ctx, cand)

    def _subject_after_degree(self, ctx: DocContext, cand: Candidate) -> bool:
        """True when the match follows a degree word through the words that name a degree's
        subject: "B.Sc. Computer Science", "Bachelor of Engineering in Computer Science",
        "B.A. and M.A. in Statistics and Data Science", "MSc Physics (Machine Learning track)".
        Not "thesis on deep learning": a topic the degree holder worked on."""
        i = _previous(ctx, cand.start)
        for _ in range(_SUBJECT_REACH):
            if i is None:
                return False
            word = _bare(ctx.lowers[i])
            if word in self._degree_words:
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
            i = _previous(ctx, i)
        return False

    def _after_org_head(self, ctx: DocContext, cand: Candidate) -> bool:
        """True after "School of", "Dept. of", "Lecture Notes in": an organisation's or a
        series' name, also as a later part of it ("Dept. of Electrical & Computer
        Engineering", "School of Computer Science and Engineering"), across a line break that
        wraps the name ("Department of" above "Computer Science")."""
        prev_i = _previous(ctx, cand.start)
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
        before = _previous(ctx, prev_i)
        if before is not None and ctx.texts[before] == ".":
            before = _previous(ctx, before)  # "Dept." split as "Dept" "."
        return before is not None and ctx.lowers[before].rstrip(".") in self._org_heads

    def _starts_an_organisation(self, ctx: DocContext, cand: Candidate) -> bool:
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
            if ctx.lowers[i].rstrip(".") in self._org_heads and text[:1].isupper():
                # "University of Strasbourg" starts a name of its own: a course title before it
                # ("Machine Translation  University of Strasbourg") is not part of it.
                after = ctx.neighbour(i, 1)
                return after is None or ctx.lowers[after] not in {"of", "for"}
            # A hyphen inside a name joins its parts: "Aix-Marseille University".
            glued = text == "-" and not ctx.spaces[i] and not ctx.spaces[i - 1]
            if not (glued or text.istitle() or text.isupper() or ctx.lowers[i] in _NAME_JOINS):
                return False
            i = ctx.neighbour(i, 1)
        return False

    def _after_organisation(self, ctx: DocContext, cand: Candidate) -> bool:
        """True for a field or method of two or more capitalised words right after an
        organisation's name: "Siemens Product Lifecycle Management" is a business unit. One word
        is the vendor's product ("OpenAI GPT-4", "Salesforce CRM")."""
        if cand.end - cand.start < 2:
            return False
        prev_i = ctx.neighbour(cand.start, -1)
        if prev_i is None or not ctx.texts[prev_i][:1].isupper():
            return False
        if ctx.lowers[prev_i] not in self._organisation_words:
            return False
        return all(
            ctx.texts[i][:1].isupper()
            for i in range(cand.start, cand.end)
            if ctx.texts[i].isalpha()
        )

    @staticmethod
    def _after_place(ctx: DocContext, cand: Candidate) -> bool:
        """True for "City, ST": a comma and a capitalised word before, no word glued after."""
        prev_i = ctx.neighbour(cand.start, -1)
        if prev_i is None or ctx.texts[prev_i] != ",":
            return False
        before = ctx.neighbour(prev_i, -1)
        next_i = ctx.neighbour(cand.end - 1, 1)
        ends = next_i is None or not ctx.texts[next_i].isalpha() or ctx.texts[next_i].isdigit()
        return before is not None and ctx.texts[before].istitle() and ends

    @staticmethod
    def _glued_prefix(ctx: DocContext, cand: Candidate) -> bool:
        """True for the tail of a hyphenated word: "gamma-ray data", "pre-summarization"."""
        i = cand.start
        if i < 2 or ctx.texts[i - 1] != "-" or ctx.spaces[i - 1] or ctx.spaces[i - 2]:
            return False
        prefix = ctx.texts[i - 2]
        return (
            len(prefix) > 2
            and prefix.isalpha()
            and prefix.islower()
            and (i - 2) not in ctx.any_ends
        )

    @staticmethod
    def _labels_a_link(ctx: DocContext, cand: Candidate) -> bool:
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

    def _employer(self, ctx: DocContext, cand: Candidate) -> bool:
        """True when an organisation's name stands where an employer does: after "at" (or a
        list of names after "at"), or after a job title and a separator."""
        i = ctx.neighbour(cand.start, -1)
        passed_separator = False
        for _ in range(_EMPLOYER_REACH):
            if i is None:
                return False
            word = ctx.lowers[i]
            if word in self._employer_prev:
                return True
            if word in self._titles:
                return passed_separator
            if word in _EMPLOYER_SEPARATORS:
                passed_separator = True
            elif not (ctx.texts[i].istitle() or i in ctx.any_ends):
                return False  # an ordinary word: "built a bot with OpenAI"
            i = _previous(ctx, i)
        return False


def _bare(word: str) -> str:
    """A word without dots and a possessive: "B.Sc." -> "bsc", "Master's" -> "master"."""
    word = word.replace(".", "")
    for tail in ("'s", "’s"):
        if word.endswith(tail):
            return word[: -len(tail)]
    return word


def _previous(ctx: DocContext, i: int) -> int | None:
    """The previous non-space token, across one line break (lists wrap)."""
    j = i - 1
    while j >= 0 and ctx.texts[j].isspace():
        if ctx.texts[j].count("\n") > 1:
            return None
        j -= 1
    return j if j >= 0 else None
