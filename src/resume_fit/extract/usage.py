"""Whether a phrase match is evidence of a skill used, or the name in another role.

The ambiguity policy (``ambiguity.py``) decides whether a word names the skill at all. This
module asks a second question of every match, distinctive names included: does the resume use the
skill there, or only name it as something else? A match is not evidence when it is

- a heading: on a section's heading line ("Publications", "Research Experience"), or a whole line
  in capitals that reads as a heading, or a common word naming a field, method or soft skill
  inside a line label ("Cloud & Infrastructure: AWS", "Automation & Scripting: Bash") or alone on
  a skills line above a list (a table's label cell: "Databases" over "PostgreSQL, MongoDB"): a
  heading names a group;
- a degree's subject: a field ("Computer Science", "Mathematics") next to a degree word, through
  the words that join them ("B.Sc. Computer Science", "Bachelor of Engineering in Computer
  Science", "Minor: Economics", "Physics degree", "Computer Science (BSc)"), starting an
  education line that names the school there or on the short line above ("Data Science,
  Northgate University"), or in a name after "School of", "Department of", "Lecture Notes in",
  also further into it or wrapped onto the next line ("Dept. of Electrical & Computer
  Engineering"): the profile counts education, and an organisation's name is not a practice;
- a letter in a citation: a one-letter name ("C", "J") in the publications or references;
- the person's name: the name line the document opens with ("Swift, Julia"), a running header
  or footer (a line with a page marker, "Crystal Wood - Page 1 of 2", or a repeat of the name
  line, "Iris Bell" again at its end), or a word of the name line as the subject of a sentence
  about the person ("Julia's work", "Ruby is a data scientist");
- a state code in an address: "Fort Meade, MD" is Maryland, not Markdown;
- a contact or link: a site ("LinkedIn", "GitHub", "Medium") on a contact line (an email, a web
  address, a phone number, the contact section), in the awards, publications or references
  sections, as the label of a web address ("LinkedIn: https://..."), or pointing at the person's
  page ("my GitHub", "LinkedIn profile", "(GitHub)" alone in brackets: a link's text);
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
- a wish: a skill right after "interest in", "eager to learn" and the other ``aspirations``
  ("a growing interest in machine learning and AI"), not a skill the person has;
- other people or a name: a field or method naming colleagues ("2 DevOps engineers", "a
  DevOps engineer", "engineering leader", "product owners"), or starting the name of a body or
  an event ("Cybersecurity Poster Contest Committee", "Data Science Hackathon"). A job title
  of the author's own ("Machine Learning Engineer, 2021 - present") still counts.

``UsageFilter.keep`` is the one entry point and runs the rules, cheapest first. The rules live
by what they read: ``usage_layout.py`` (headings, labels, contact lines, sites, place codes,
citation letters), ``usage_subjects.py`` (degree subjects, schools, "School of" names) and
``usage_names.py`` (employers, organisations, bodies, people, acronyms, compounds). Every list of
words (sites, organisations, degree words, title words) is data in ``lexicons/extract.toml``
under ``[usage]``. The same skill named elsewhere as used still counts:
each match is judged on its own, and a skill is reported when any of its matches is evidence.
"""

from __future__ import annotations

from collections.abc import Mapping

from resume_fit.extract.context import Candidate, DocContext
from resume_fit.extract.patterns import SkillEntry
from resume_fit.extract.settings import ExtractSettings
from resume_fit.extract.usage_layout import (
    LineCache,
    citation_letter,
    contact_line,
    generic_word,
    heading_line,
    in_label,
    labels_a_link,
    labels_the_next_line,
    line_text,
    names_the_person,
    points_to_a_page,
    state_code,
)
from resume_fit.extract.usage_names import (
    acronym_as_word,
    after_organisation,
    as_employer,
    ends_an_employer_name,
    glued_prefix,
    in_expansion,
    names_a_role_or_body,
    starts_an_organisation,
    wish_ends,
    wish_pattern,
    wished_for,
)
from resume_fit.extract.usage_subjects import (
    after_org_head,
    degree_line,
    degree_subject,
    school_subject,
)

__all__ = ["LineCache", "UsageFilter"]


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
        self._page_words = frozenset(settings.usage_site_page_words)
        self._owner_words = frozenset(settings.usage_site_owner_words)
        self._letter_sections = frozenset(settings.usage_letter_sections)
        self._place_codes = frozenset(c.upper() for c in settings.usage_place_codes)
        self._people = frozenset(settings.usage_people_words)
        self._name_heads = frozenset(settings.usage_name_heads)
        cues = tuple(tuple(cue.lower().split()) for cue in settings.usage_aspirations)
        self._wishes = wish_pattern(cues)
        # The cues as plain phrases, to skip the pattern on the many documents that hold none.
        self._wish_phrases = tuple(" ".join(cue) for cue in cues)
        # Where the aspiration cues of the document being read end, found once per document.
        self._wishes_of: tuple[DocContext | None, list[int]] = (None, [])

    def _wish_ends(self, ctx: DocContext) -> list[int]:
        """``usage_names.wish_ends`` of ``ctx``, computed on its first match."""
        if self._wishes_of[0] is not ctx and self._wishes is not None:
            text = " ".join(ctx.text.lower().split())
            found = any(phrase in text for phrase in self._wish_phrases)
            self._wishes_of = (ctx, wish_ends(ctx, self._wishes) if found else [])
        return self._wishes_of[1]

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
        if cand.end - cand.start > 1 and heading_line(ctx, cand, line_text(ctx, cand, lines)):
            return False
        labelled = category in self._label_categories
        if (
            labelled
            and generic_word(ctx, cand)
            and (in_label(ctx, cand, lines) or labels_the_next_line(ctx, cand, lines))
        ):
            return False
        if category in self._subject_categories and (
            after_org_head(ctx, cand, self._org_heads)
            or (
                degree_line(ctx, cand, lines, self._degree_words)
                and degree_subject(ctx, cand, self._degree_words)
            )
            or school_subject(ctx, cand, lines, self._degree_words, self._org_heads)
        ):
            return False
        if glued_prefix(ctx, cand):
            return False
        if names_the_person(ctx, cand, lines, self._titles):
            return False
        if not cand.case_ok and acronym_as_word(ctx, cand, self._entries):
            return False
        if (
            starts_an_organisation(ctx, cand, self._org_heads)
            or (labelled and after_organisation(ctx, cand, self._organisation_words))
            or ends_an_employer_name(ctx, cand, self._employer_prev)
        ):
            return False
        if in_expansion(ctx, cand):
            return False
        if self._wishes and wished_for(ctx, cand, self._wish_ends(ctx)):
            return False
        if labelled and names_a_role_or_body(
            ctx, cand, self._people, self._titles, self._name_heads
        ):
            return False
        if state_code(ctx, cand, self._place_codes):
            return False
        if citation_letter(ctx, cand, lines, self._letter_sections):
            return False
        sites, names = self._names.get(cand.skill_id) or self._names_of(cand.skill_id)
        if (
            sites
            and _written(ctx, cand) in sites
            and (
                ctx.section_kind(cand.start) in self._site_sections
                or contact_line(ctx, cand, lines)
                or labels_a_link(ctx, cand)
                or points_to_a_page(ctx, cand, self._page_words, self._owner_words)
            )
        ):
            return False
        employer = (
            names
            and _written(ctx, cand) in names
            and as_employer(ctx, cand, lines, self._employer_prev, self._titles)
        )
        return not employer

    def _names_of(self, skill_id: str) -> tuple[frozenset[str], frozenset[str]]:
        """The forms of the skill (case-folded) that name a site, and those that name an
        organisation, worked out now and kept in ``_names``."""
        forms = frozenset(f.casefold() for f in self._entries[skill_id].forms)
        found = self._names[skill_id] = (forms & self._site_words, forms & self._organisation_words)
        return found


def _written(ctx: DocContext, cand: Candidate) -> str:
    """The match's words as written, case-folded, one space apart."""
    return " ".join(
        ctx.lowers[i] for i in range(cand.start, cand.end) if not ctx.texts[i].isspace()
    )
