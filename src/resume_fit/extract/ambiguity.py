"""The ambiguity policy: when a skill name that is also an ordinary word counts as a skill.

A surface form belongs to one of three classes (``form_class``):

- ``"plain"``: distinctive, accepted wherever it matches ("PyTorch", "Kubernetes", "A/B testing").
- ``"acronym"``: two capitals the lexicon does not guard ("ML" millilitres, "CV"). Accepted when
  written in capitals, not after a number and not ending a proper name ("Scale AI").
- ``"word"``: a form the lexicon says needs context (``Skill.needs_context``: "Go", "R", "Spark",
  "Excel", "React", "AI"), or any other form of one or two characters ("C"). Accepted only when
  written in the lexicon's case ("Go", not "go"; names of fields, methods and soft skills match in
  any case) and corroborated by at least one of: a skills section, a labelled list line ("Tech
  stack: ..."), other skills next to it in a list, a run of skill names it stands in without
  commas ("with Kotlin Ktor Gradle Jenkins and ..."; after a list label's colon two names
  make a run), a version after it ("Java 8"), or one of the skill's context words within the
  window, or a usage word before it ("using Excel", "via Chef"), a phrase of writing code
  before that ("code in Swift", "apps built with React"), or "based"/"powered" written apart
  after it ("Java based services") (not in contact lines, where names and employers live).
  A lower-case mention of a capitalised name counts only as an item of a comma/slash/pipe
  list of skills ("python, spark, kafka"), never in parentheses ("R (basic)"), or as a product
  a usage word governs at the end of its phrase ("built with react", "reports using excel."),
  then corroborated as above.

A "Languages" section holding distinctive technical names ("Python, Rust, SQL") is read as a
skills section: the parser took its heading for spoken languages.

Whatever the class, a mention is rejected when the words around it give the ordinary sense, from
``lexicons/extract.toml``: the word right after ("go to market", "react to changes", "excel at",
"C-suite"), the word right before ("Plan C", "gain access"), a number before ("250 ml"), a proper
name it sits in ("Ruby Chen", "Scale AI"), a word of the ordinary sense nearby ("Java" near
"island"), a colon after it at the start of a line (the label "Processing:", unless an acronym
labels a line of tools: "ASR: fine-tuned Whisper"), or the first cell of a table row labelling
the tools in the next ("| Processing | Apache Spark |"). On a skills line another spelling of a
name counts only as a whole list item ("gap analysis" holds no GAP).
"""

from __future__ import annotations

import re
from functools import lru_cache

from resume_fit.extract.ambiguity_layout import (
    WORDISH,
    acronym_over_tools,
    an_initial,
    dense_line_tokens,
    promote_language_sections,
    row_label,
    whole_item,
)
from resume_fit.extract.context import Candidate, DocContext
from resume_fit.extract.settings import ExtractSettings, read_word_list

FORM_CLASSES: tuple[str, ...] = ("plain", "acronym", "word")

_ACRONYM = re.compile(r"[A-Z]{2,3}")
_VERSION = re.compile(r"v?\d+(\.\d+)*(\.x)?\+?|\d+(\.\d+)*\.x", re.IGNORECASE)
_NUMBER = re.compile(r"\d[\d.,]*")
_TOOL_SUFFIXES = frozenset(
    {
        "based",
        "powered",
        "native",
        "driven",
        "backed",
        "compatible",
        "specific",
        "enabled",
        "first",
        "like",
        "style",
        "heavy",
        "only",
        "centric",
        "friendly",
        "ready",
        # participles of making or running something with the tool: "Packer-built AMIs"
        "built",
        "managed",
        "generated",
        "hosted",
        "deployed",
        "orchestrated",
        "provisioned",
        "scheduled",
        "compiled",
        "rendered",
    }
)
# Written apart, these after a technical name still say how it is used: "Java based services".
_SPACED_TOOL_SUFFIXES = frozenset({"based", "powered", "backed", "compatible", "enabled"})
# Verbs of making between a word of writing code and the usage word: "apps built with React".
_MAKING = frozenset({"built", "developed", "made", "created", "delivered"})
# A run of list items around an ambiguous name corroborates it when this many hold a distinctive
# technical skill; items are looked at up to _RUN_ITEMS each side, of at most _RUN_ITEM words.
_RUN_SKILLS = 2
_RUN_ITEMS = 6
_RUN_ITEM = 4
_YEAR = re.compile(r"(19|20)\d\d")
# Words between an ambiguous name and a distinctive skill that still count as "close by".
_NEIGHBOUR_REACH = 3
# Marks that close a list item besides a separator: "(SQL, python)", "docker."
_ITEM_ENDS = frozenset({")", "]", ".", ":"})
# Marks that join words without being one ("and/or", "R&D"): not counted in that reach.
_JOINERS = frozenset({"/", "&"})
# Categories whose capitalised name after "in" is the product ("in Excel", "in Redshift"); a
# library or language there may be a season or a person ("in Spring", "in Julia").
_IN_CATEGORIES = frozenset({"tool", "platform"})
_CLAUSE_ENDS = frozenset({".", "!", "?", ";", ":", "•", "(", ")", "|", "–", "—"})


def form_class(form: str, guarded: bool, settings: ExtractSettings) -> str:
    """Classify one surface form of a skill (see the module docstring).

    Args:
        form: The surface form as written in the lexicon.
        guarded: The lexicon says this form needs corroboration (``Skill.needs_context``).
        settings: Extractor settings (for ``distinctive_forms``).

    Returns:
        One of ``FORM_CLASSES``.
    """
    if form.casefold() in settings.distinctive_forms:
        return "plain"
    if guarded:
        return "word"
    # Whatever the lexicon says, a name of one or two characters collides with letters, units
    # and initials ("R", "C", "ML" millilitres).
    if len(form) <= 2 and " " not in form:
        return "acronym" if _ACRONYM.fullmatch(form) else "word"
    return "plain"


def case_matches(written: tuple[str, ...], form_tokens: tuple[str, ...]) -> bool:
    """True when the written tokens follow the form's case; an all-lower-case form fits any case."""
    if all(t == t.lower() for t in form_tokens):
        return True
    return written == form_tokens


class AmbiguityPolicy:
    """Decides which phrase matches count, following the module docstring.

    Args:
        settings: Extractor settings (word lists and the context window).
    """

    def __init__(self, settings: ExtractSettings) -> None:
        self.settings = settings
        self._role_words = frozenset(settings.role_words)
        self._generic_context = frozenset(settings.generic_context)
        self._units = frozenset(settings.unit_words)
        self._heads = frozenset(settings.technical_heads)
        self._year_rejects = frozenset(settings.year_rejects)
        self._lower_rejects = frozenset(settings.lower_rejects)
        self._tool_prepositions = frozenset(settings.tool_prepositions)
        self._phrase_ends = frozenset(settings.phrase_ends)
        self._tool_verbs = frozenset(settings.tool_verbs)
        self._code_words = frozenset(settings.code_words)
        self._tool_categories = frozenset(settings.tool_categories)
        self._loose = frozenset(settings.case_insensitive_categories)
        self._headless = self._loose - {"method"}
        self._english: frozenset[str] | None = None

    def _english_words(self) -> frozenset[str]:
        """The shipped English word list, read on first use."""
        if self._english is None:
            self._english = read_word_list(self.settings.known_words)
        return self._english

    def _english_word(self, written: str) -> bool:
        """True for a word of the shipped English word list."""
        return written.casefold() in self._english_words()

    def _unworded(self, written: str) -> bool:
        """True for one lower-case word of 4+ letters that is no English word ("java",
        "kotlin"): written in lower case it is still the name, as there is no word it could be."""
        if not (len(written) >= 4 and written.isalpha() and written.islower()):
            return False
        english = self._english_words()
        return bool(english) and written not in english

    def _ends_phrase(self, ctx: DocContext, next_i: int | None) -> bool:
        """True when nothing, a mark or a phrase-ending word ("and", "for", "in") follows: the
        name is no modifier of a noun after it ("in swift succession")."""
        return (
            next_i is None
            or not WORDISH.search(ctx.texts[next_i])
            or ctx.lowers[next_i] in self._phrase_ends
        )

    def _tool_object(
        self, ctx: DocContext, cand: Candidate, written: str, prev_i: int | None, next_i: int | None
    ) -> bool:
        """True for a one-word technical name in lower case that a usage word governs and that
        ends its phrase: "built with react", "reports using excel.", "in java for the backend",
        "scripts in perl and bash" ("and" after a distinctive technical name). "in swift
        succession" is a modifier of the noun after it, not a tool."""
        if (
            prev_i is None
            or cand.end - cand.start != 1
            or len(written) < 3
            or not written.isalpha()
            or not written.islower()
            or cand.category not in self._tool_categories
        ):
            return False
        before = ctx.lowers[prev_i]
        if before in {"and", "or", "&"}:
            governor = ctx.neighbour(prev_i, -1)
            if governor is None or governor not in ctx.solid_tech:
                return False
        elif before not in self._tool_prepositions:
            return False
        return self._ends_phrase(ctx, next_i)

    def accept_all(self, ctx: DocContext, candidates: list[Candidate]) -> list[Candidate]:
        """Return the candidates the policy accepts, in the given order."""
        # A neighbour corroborates a list only if it could stand on its own: a plain form, or a
        # correctly cased one that is not itself part of a name ("Java" in "Java Coffee House"
        # proves nothing about "Chef" before it).
        plain_starts: dict[int, Candidate] = {}
        plain_ends: dict[int, Candidate] = {}
        ctx.any_starts = {c.start for c in candidates}
        ctx.any_ends = {c.end - 1 for c in candidates}
        loose = self._loose
        ctx.tech_starts = {c.start for c in candidates if c.category not in loose}
        ctx.tech_ends = {c.end - 1 for c in candidates if c.category not in loose}
        span_starts: dict[int, int] = {}
        for c in candidates:
            last = c.end - 1
            if c.start < span_starts.get(last, c.end):
                span_starts[last] = c.start
        ctx.span_starts = span_starts
        for cand in candidates:
            if cand.form_class == "plain":
                plain_starts.setdefault(cand.start, cand)
                plain_ends.setdefault(cand.end - 1, cand)
        solid_starts = dict(plain_starts)
        solid_ends = dict(plain_ends)
        ctx.solid_tech = {
            i
            for c in candidates
            if c.form_class == "plain" and c.category not in loose
            for i in range(c.start, c.end)
        }
        # An acronym in capitals ("SIEM", "ORM") anchors a run of names as a plain name does.
        anchors = ctx.solid_tech | {
            i
            for c in candidates
            if c.form_class == "acronym" and c.case_ok and c.category not in loose
            for i in range(c.start, c.end)
        }
        ctx.dense_lines, ctx.dense_runs = dense_line_tokens(ctx, candidates, anchors)
        promote_language_sections(ctx, candidates, loose)
        for cand in candidates:
            if cand.form_class == "plain" or not cand.case_ok:
                continue
            prev_i = ctx.neighbour(cand.start, -1)
            next_i = ctx.neighbour(cand.end - 1, 1)
            if not self._inside_name(ctx, cand, prev_i, next_i, plain_starts, plain_ends):
                solid_starts.setdefault(cand.start, cand)
                solid_ends.setdefault(cand.end - 1, cand)
        return [
            c
            for c in candidates
            if c.form_class == "plain" or self.accepts(ctx, c, solid_starts, solid_ends)
        ]

    def accepts(
        self,
        ctx: DocContext,
        cand: Candidate,
        solid_starts: dict[int, Candidate],
        solid_ends: dict[int, Candidate],
    ) -> bool:
        """Decide one ambiguous candidate.

        Args:
            ctx: The document context.
            cand: The candidate (its class is "acronym" or "word").
            solid_starts: Candidates that can corroborate a list, by first token.
            solid_ends: The same, by last token.
        """
        texts, lowers = ctx.texts, ctx.lowers
        # The tokens with the spaces between them: the doc's text from the first to the last.
        last = cand.end - 1
        written = ctx.text[ctx.offsets[cand.start] : ctx.offsets[last] + len(texts[last])]
        form = " ".join(written.split()).casefold()
        prev_i = ctx.neighbour(cand.start, -1)
        next_i = ctx.neighbour(cand.end - 1, 1)
        if self._ordinary_sense(ctx, cand, form, prev_i, next_i):
            return False
        # "Jira, Confluence, etc": an abbreviation of ordinary writing in lower case.
        if form in self._lower_rejects and written.islower():
            return False
        # "Spring 2021" is a term, "Fall 2019" a season: not a version.
        if form in self._year_rejects and next_i is not None and _YEAR.fullmatch(texts[next_i]):
            return False
        # A line label ("Processing: Spark, Flink") names a group, not a skill; so does the
        # first cell of a table row whose next cell holds the group ("| Processing | Spark |").
        # An acronym labelling a line of tools is the practice they serve ("ASR: fine-tuned
        # Whisper"), not a group's common noun.
        if (
            next_i is not None
            and texts[next_i] == ":"
            and ctx.starts_clause(cand.start)
            and not acronym_over_tools(ctx, written, next_i)
        ):
            return False
        if row_label(ctx, prev_i, next_i):
            return False
        section = ctx.section_kind(cand.start)
        # A line of nothing but skill names ("Java Spring Boot Angular Redis", chips of a
        # template that lost their commas) is a skills list whatever its heading, even when
        # the headings were not recognised and the whole text is taken for contact lines.
        if cand.case_ok and cand.start in ctx.dense_lines:
            return True
        # Written in lower case there ("python  django  react  spark", a template's tags), a
        # product's name is the product: the line holds no word that is not a skill's.
        if (
            cand.start in ctx.dense_lines
            and written.islower()
            and cand.category in self._tool_categories
        ):
            return True
        # A run of tool names inside a sentence ("using Spring Boot JUnit Maven Jenkins and
        # ...") is such a list too, for technical names: a field or method there may be a
        # heading run into it ("... docker aws Job description").
        if cand.case_ok and cand.start in ctx.dense_runs and cand.category not in self._loose:
            return True
        # In such a run a product's name written in lower case or in capitals ("aws gcp azure",
        # "React SASS Docker") is the product when two distinctive technical names share the run.
        if (
            cand.start in ctx.dense_runs
            and (written.islower() or (written.isupper() and len(written) > 2))
            and cand.category in self._tool_categories
            and self._run_anchors(ctx, cand, solid_starts) >= _RUN_SKILLS
        ):
            return True
        in_list = self._in_list(ctx, cand, prev_i, next_i, solid_starts, solid_ends)
        skills_line = section == "skills" or ctx.on_label_line(cand.start)
        # Written in another case than the lexicon's, it counts only as an item of a plain
        # lower-case list ("python, spark, kafka"), never in parentheses ("R (basic)").
        # In capitals ("LESS, SASS") the same holds, and on a skills line any list will do.
        # Written in capitals ("LESS, SASS") the same holds. In a skills list (a skills section
        # or a labelled line, an item between list marks or alone on its line) any spelling of
        # the name is the name ("SnowFlake", "yarn", "Latex"). A run of technical skills around
        # it ("Tealium, Google Analytics, Jest, mocha") is a list of tools too.
        # The item must end with the name: in "Grafana; mean time to detect" the list is over.
        ends_item = next_i is None or ctx.is_separator(next_i) or texts[next_i] in _ITEM_ENDS
        lower_list_item = not cand.case_ok and (
            (
                (written.islower() or (written.isupper() and len(written) > 2))
                and ends_item
                and (
                    self._in_list(
                        ctx,
                        cand,
                        prev_i,
                        next_i,
                        solid_starts,
                        solid_ends,
                        strict=True,
                        tech=cand.category not in self._loose and cand.category != "database",
                    )
                    or self._between_skills(ctx, prev_i, next_i)
                    or self._list_run(ctx, cand, prev_i, next_i) >= _RUN_SKILLS
                )
            )
            or (skills_line and len(written) > 2 and whole_item(ctx, prev_i, next_i))
        )
        # "implemented using kotlin": a name in lower case that is no English word reads as the
        # name, and so does one a usage word governs ("built with react"); each still needs
        # corroboration like the capitalised one.
        case_ok = (
            cand.case_ok
            or self._unworded(written)
            or self._tool_object(ctx, cand, written, prev_i, next_i)
        )
        if not (case_ok or lower_list_item):
            return False
        if self._inside_name(ctx, cand, prev_i, next_i, solid_starts, solid_ends):
            return in_list or skills_line
        if cand.form_class == "acronym":
            return True
        if skills_line or in_list:
            return True
        # Names, addresses and employers fill contact lines: nearby words prove nothing there.
        if section == "contact":
            return False
        # The phrase itself can be plainly technical: "Spark cluster", "Excel macros", or a
        # distinctive skill close by in the same clause ("Kotlin on Ktor", "Airflow and Spark").
        technical = cand.category not in self._loose
        # Head nouns make methods technical too ("color clustering pipeline", "daily Scrum
        # meetings"), but not fields and soft skills ("Sales dashboards").
        # A product's name written as a lower-case English word before a head noun is most often
        # a verb or an adjective ("models that pass model-risk review"), not the product.
        if (
            cand.category not in self._headless
            and next_i == cand.end
            and lowers[next_i] in self._heads
            and not (
                written.islower()
                and cand.category in self._tool_categories
                and self._english_word(written)
            )
        ):
            return True
        if technical and (
            self._technical_neighbour(ctx, cand, solid_starts, solid_ends)
            or self._list_run(ctx, cand, prev_i, next_i) >= _RUN_SKILLS
            or (prev_i is not None and lowers[prev_i] in self._tool_verbs)
            or self._written_in(ctx, cand, prev_i)
            or self._tool_in(ctx, cand, prev_i, next_i)
            or (next_i == cand.end and lowers[next_i] in _SPACED_TOOL_SUFFIXES)
        ):
            return True
        return self._version_follows(ctx, next_i) or self._context_near(ctx, cand, lowers)

    def _ordinary_sense(
        self, ctx: DocContext, cand: Candidate, form: str, prev_i: int | None, next_i: int | None
    ) -> bool:
        settings = self.settings
        texts, lowers, spaces = ctx.texts, ctx.lowers, ctx.spaces
        if next_i is not None and lowers[next_i] in settings.reject_next.get(form, ()):
            return True
        if prev_i is not None:
            if lowers[prev_i] in settings.reject_prev.get(form, ()):
                return True
            if _NUMBER.fullmatch(texts[prev_i]):
                return True  # "250 ml", "5 C"
        # "Rahul V. Iyer", "(RAHUL V. IYER)": a letter with a full stop between two words of a
        # name is an initial.
        if len(form) == 1 and an_initial(ctx, cand, prev_i, next_i):
            return True
        # "C-suite", "R-squared", "Vitamin-C": a hyphen glued to a short name makes a word.
        if len(form) <= 2:
            glued_after = not spaces[cand.end - 1] and cand.end < len(texts)
            if glued_after and texts[cand.end] in {"-", "&", "'"}:
                return True
            if cand.start > 0 and texts[cand.start - 1] == "-" and not spaces[cand.start - 1]:
                return True
        # "Micro-Conference", "Spring-cleaning": the head of a hyphenated word, unless the
        # word after says how the tool is used ("Spark-based", "Go-powered").
        end = cand.end
        if (
            end + 1 < len(texts)
            and texts[end] == "-"
            and not spaces[end - 1]
            and not spaces[end]
            and texts[end + 1].isalpha()
            and lowers[end + 1] not in _TOOL_SUFFIXES
        ):
            return True
        negatives = settings.negative_context.get(form)
        if negatives:
            lo = max(0, cand.start - settings.context_window)
            hi = min(len(lowers), cand.end + settings.context_window)
            if set(lowers[lo:hi]) & set(negatives):
                return True
        return False

    def _in_list(
        self,
        ctx,
        cand,
        prev_i,
        next_i,
        solid_starts,
        solid_ends,
        strict: bool = False,
        tech: bool = False,
    ) -> bool:
        """True when a separator and a solid skill stand before or after the candidate; with
        ``tech``, only a technical one (not a field, method or soft skill) counts."""
        is_separator = ctx.is_strict_separator if strict else ctx.is_separator
        loose = self._loose if tech else frozenset()
        if prev_i is not None and is_separator(prev_i):
            before = ctx.neighbour(prev_i, -1)
            other = solid_ends.get(before) if before is not None else None
            if other is not None and other is not cand and other.category not in loose:
                return True
        if next_i is not None and is_separator(next_i):
            after = ctx.neighbour(next_i, 1)
            other = solid_starts.get(after) if after is not None else None
            if other is not None and other is not cand and other.category not in loose:
                return True
        return False

    def _list_run(
        self, ctx: DocContext, cand: Candidate, prev_i: int | None, next_i: int | None
    ) -> int:
        """How many items of the list around the candidate (items of at most ``_RUN_ITEM``
        words between list marks, on its line) hold a distinctive technical skill."""
        count = 0
        for step, first in ((-1, prev_i), (1, next_i)):
            i = first
            for _ in range(_RUN_ITEMS):
                if i is None or not ctx.is_strict_separator(i):
                    break
                words, has_skill = 0, False
                j = ctx.neighbour(i, step)
                while j is not None and not ctx.is_strict_separator(j) and words <= _RUN_ITEM:
                    if j in ctx.solid_tech:
                        has_skill = True
                    words += 1
                    j = ctx.neighbour(j, step)
                if words == 0 or words > _RUN_ITEM:
                    break
                count += has_skill
                i = j
        return count

    def _distinctive_other(self, other: Candidate | None, cand: Candidate) -> bool:
        """True for another candidate that is a distinctive technical name (a plain form, not
        a field, method or soft skill)."""
        return (
            other is not None
            and other is not cand
            and other.form_class == "plain"
            and other.category not in self._loose
        )

    def _run_anchors(
        self, ctx: DocContext, cand: Candidate, solid_starts: dict[int, Candidate]
    ) -> int:
        """How many distinctive technical names (plain forms) other than the candidate start in
        the comma-less run of names around it."""
        count = 0
        for step, edge in ((-1, cand.start), (1, cand.end - 1)):
            j = ctx.neighbour(edge, step)
            while j is not None and j in ctx.dense_runs:
                other = solid_starts.get(j)
                if self._distinctive_other(other, cand):
                    count += 1
                j = ctx.neighbour(j, step)
        return count

    def _technical_neighbour(
        self,
        ctx: DocContext,
        cand: Candidate,
        solid_starts: dict[int, Candidate],
        solid_ends: dict[int, Candidate],
    ) -> bool:
        """True when a distinctive technical skill (a plain form, not a field, method or soft
        skill) sits within ``_NEIGHBOUR_REACH`` words in the same clause."""
        for step, edge, table in ((-1, cand.start, solid_ends), (1, cand.end - 1, solid_starts)):
            i = edge
            reach = _NEIGHBOUR_REACH
            while reach > 0:
                j = ctx.neighbour(i, step)
                if j is None or ctx.texts[j] in _CLAUSE_ENDS:
                    break
                # "Django and/or React": the slash of "and/or" is no word between them.
                reach -= ctx.texts[j] not in _JOINERS
                other = table.get(j)
                if self._distinctive_other(other, cand):
                    return True
                i = j
        return False

    def _written_in(self, ctx: DocContext, cand: Candidate, prev_i: int | None) -> bool:
        """True for a capitalised name after "in" (or "using", "via") that follows a word of
        writing code ("code in Swift", "written in Go"), or after a usage word that follows a
        verb of making after one ("apps built with React"). "Pair-programmed with Julia" names
        a colleague: "with" right after the word of code is left out."""
        if not cand.case_ok or prev_i is None:
            return False
        usage = ctx.lowers[prev_i]
        if usage not in self._tool_prepositions:
            return False
        before = ctx.neighbour(prev_i, -1)
        if before is not None and ctx.lowers[before] in _MAKING:
            before = ctx.neighbour(before, -1)
        elif usage == "with":
            return False
        return before is not None and ctx.lowers[before] in self._code_words

    def _tool_in(
        self, ctx: DocContext, cand: Candidate, prev_i: int | None, next_i: int | None
    ) -> bool:
        """True for a capitalised tool's or platform's name after "in" that ends its phrase
        ("asset inventory in Excel.", "the build in Jenkins, then", "offline store in
        Redshift,"): a season, a person or a language there is no tool (only the ``tool`` and
        ``platform`` categories count)."""
        return (
            cand.case_ok
            and cand.category in _IN_CATEGORIES
            and prev_i is not None
            and ctx.lowers[prev_i] == "in"
            and self._ends_phrase(ctx, next_i)
        )

    def _between_skills(self, ctx: DocContext, prev_i: int | None, next_i: int | None) -> bool:
        """True inside a tag list of skills on both sides ("java, spring, azure")."""
        if prev_i is None or next_i is None:
            return False
        if not (ctx.is_strict_separator(prev_i) and ctx.is_strict_separator(next_i)):
            return False
        before, after = ctx.neighbour(prev_i, -1), ctx.neighbour(next_i, 1)
        # Both neighbours technical names: "data cleaning, processing, and analysis" is a list
        # of activities, not of tools.
        return before in ctx.tech_ends and after in ctx.tech_starts

    def _inside_name(self, ctx, cand, prev_i, next_i, solid_starts, solid_ends) -> bool:
        """True when a capitalised non-skill word sits right beside the mention."""
        if (
            prev_i is not None
            and prev_i == cand.start - 1
            and self._name_word(ctx, prev_i)
            and prev_i not in solid_ends
            and not ctx.starts_clause(prev_i)
        ):
            return True
        if cand.form_class == "acronym":
            return False
        return (
            next_i is not None
            and next_i == cand.end
            and self._name_word(ctx, next_i)
            and next_i not in solid_starts
        )

    def _name_word(self, ctx: DocContext, i: int) -> bool:
        text = ctx.texts[i]
        return text.isalpha() and text.istitle() and ctx.lowers[i] not in self._role_words

    def _version_follows(self, ctx: DocContext, next_i: int | None) -> bool:
        if next_i is None or not _VERSION.fullmatch(ctx.texts[next_i]):
            return False
        after = ctx.neighbour(next_i, 1)
        return after is None or ctx.lowers[after] not in self._units

    @staticmethod
    @lru_cache(maxsize=4096)
    def _context_sets(context: tuple[str, ...]) -> tuple[frozenset[str], tuple[str, ...]]:
        """A skill's one-word context words with the singulars of plural ones ("payments"
        matches "payment"), and its phrases."""
        single = {c for c in context if " " not in c}
        single |= {c[:-1] for c in single if len(c) > 3 and c.endswith("s")}
        return frozenset(single), tuple(c for c in context if " " in c)

    def _context_near(self, ctx: DocContext, cand: Candidate, lowers: list[str]) -> bool:
        window = self.settings.context_window
        lo = max(0, cand.start - window)
        hi = min(len(lowers), cand.end + window)
        words = set(lowers[lo : cand.start]) | set(lowers[cand.end : hi])
        # A plural corroborates as its singular does ("~300 features" for "feature").
        words |= {w[:-1] for w in words if len(w) > 3 and w.endswith("s")}
        if words & self._generic_context:
            return True
        single, phrases = self._context_sets(cand.context)
        if words & single:
            return True
        if phrases:
            text = ctx.text[ctx.offsets[lo] : ctx.offsets[hi - 1] + len(ctx.texts[hi - 1])]
            return any(p in text.casefold() for p in phrases)
        return False
