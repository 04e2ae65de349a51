"""Count personal data leaking into redacted outputs of the real resumes (eval/real/PROTOCOL.md).

    python scripts/evaluate_redaction.py                 # tune half: leak counts per output
    python scripts/evaluate_redaction.py --show          # tune half, with each leak in context
    python scripts/evaluate_redaction.py --half report   # the report half: numbers only

For each resume of the chosen half, the person's identifiers are read from the document itself,
independently of ``resume_fit.report.redact``, with a plain reader (pdfminer ``extract_text``,
python-docx paragraphs, tables, headers and footers) plus the mailto links the parser recovers:

- e-mail addresses: every address in the text or a mailto link;
- phone numbers: every run of 9 to 15 digits (with spaces, dots, dashes, brackets) in the first
  15 lines that is not a pair of years or a date; compared by their last 9 digits;
- name tokens: the words (3+ letters) of the first segment of the first 6 lines that is 2 to 5
  words with letters only, no heading word and no two-word skill name, preferring one that an
  e-mail's local part or the file name corroborates; plus the words of each e-mail's local part
  and of the file name (camel case split) that also occur in the first 6 lines and are not
  ordinary words (stop words, heading words, role-title words, skill names, generic words such as
  resume, cv, gmail).

A name token that is also an ordinary word or a skill ("Grant", "Rose", "Julia", "Swift", "May":
a stop, heading or title word, a word of a skill name, a month, or a lower-case entry of the
system word list ``/usr/share/dict/words`` when there is one) is judged by how it is written,
with the rule redaction follows (``resume_fit.report.redact``):

- (b) in name form: capitalised or in capitals as a whole word ("Grace", "GRACE", "Grace's"), or
  joined to another of the person's name words ("grace.hunter", "hunter_grace"), outside the
  skill words of the report: a leak;
- (c) as a word: in lower case on its own ("by the grace of", "will"), or a month beside a number
  ("April 2021"): not the name, not a leak, counted to show it is kept;
- inside the text of a skill the report found (a skill's name or the words an evidence matched,
  e.g. "Swift" when Swift is a skill of the resume): kept by design, counted apart, not judged.

(a) is every other name token, in any case. Then each resume is analysed with ``--redact`` and
rendered as Markdown, JSON and HTML, matched with ``--redact`` against an invented posting
(Markdown, JSON, HTML), and the whole half is run as one redacted batch (CSV table, JSONL table,
skills table, Markdown and HTML summaries, file names kept as they are, since they are one of the
places names hide). A leak is any e-mail address at all, a phone number of that person, a name
token of (a) as a whole word (case and accents ignored) or a name token of (b) in an output; each
(a) and each (b) leak is also split by whether resume-fit's own ``find_identity`` read the token
as a name word (not read: the name was missed, or the script took a non-name for the name; read:
masking left it). The same counts on the unredacted outputs show that the identifiers are found.
Nothing from the documents is printed
unless ``--show`` (refused on the report half); copies, reports and tables are written to a
temporary folder, removed at the end.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import os
import re
import shutil
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from html.parser import HTMLParser
from pathlib import Path

from resume_fit.api import (
    analyze,
    match_posting,
    read_job,
    render_json,
    render_markdown,
    render_match_json,
    render_match_markdown,
)
from resume_fit.batch import run_batch_cli
from resume_fit.errors import ResumeFitError
from resume_fit.extract.mention import SkillMention
from resume_fit.parse import parse_file
from resume_fit.report.html import render_html
from resume_fit.report.identity import find_identity
from resume_fit.report.match_html import render_match_html

ROOT = Path(__file__).resolve().parents[1]
SPLIT = ROOT / "eval" / "real" / "resumes" / "split.tsv"
SHARED = Path(os.environ.get("RESUME_FIT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "real" / "resumes"
AS_OF = dt.date(2026, 12, 1)
# An invented posting that every resume is matched against (the match outputs' leaks).
POSTING = """Machine Learning Engineer
Requirements
- 3+ years of Python and SQL
- Experience with PyTorch or TensorFlow, Docker and AWS
- Bachelor's degree in computer science or a related field
Nice to have
- Kubernetes, Spark, statistics, stakeholder communication
"""


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


GENERIC = _words(
    "resume cv curriculum vitae final updated new version copy english french german example "
    "sample template page one two contact info hello mail email gmail yahoo outlook hotmail "
    "icloud proton com org net www http https linkedin github the and for with nlp"
)
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"\+?\(?\d[\d\s().·/-]{7,22}\d")
LETTERS = re.compile(r"[^\W\d_]+")
SPACED = re.compile(r"(?<!\S)(?:[^\W\d_] ){2,}[^\W\d_](?!\S)")
SEPARATOR = re.compile(r"\s*[|/·•,;–—]\s*")
NAME_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*\.?")
TOP = 6
HONORIFICS = _words("phd ph.d dr mr mrs ms msc mba cpa cfa md jr sr")
# Words of titles and headings that a first line of capitalised words may be instead of a name.
TITLE_WORDS = _words(
    "senior junior lead principal staff chief head data scientist engineer developer analyst "
    "manager software web machine learning professional summary profile education experience "
    "curriculum vitae resume contact personal statement registered nurse account director "
    "professor student graduate intern consultant architect designer specialist analytics "
    "united kingdom states new york"
)
PLACEHOLDER = re.compile(r"\[(name|email|phone|link|handle|address|personal detail|id)\]")
CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")


def fold(text: str) -> str:
    """Lower case without accents."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def plain_text(path: Path) -> str:
    """The document's text from a plain reader (not resume-fit's parser)."""
    if path.suffix.lower() == ".pdf":
        from pdfminer.high_level import extract_text

        return extract_text(str(path))
    if path.suffix.lower() == ".docx":
        import docx

        document = docx.Document(str(path))
        parts = []
        for section in document.sections:
            for part in (section.header, section.footer):
                parts += [p.text for p in part.paragraphs]
        parts += [p.text for p in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts += [cell.text for cell in row.cells]
        return "\n".join(parts)
    return path.read_text(encoding="utf-8", errors="replace")


MONTHS = _words(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec spring summer autumn fall winter"
)
DICTIONARY = Path("/usr/share/dict/words")


@lru_cache(maxsize=1)
def word_like() -> frozenset[str]:
    """Folded words a name token may also be: ordinary words, skill-name words, months, and the
    lower-case entries of the system word list (proper names there are capitalised)."""
    words = set(ordinary_words()) | MONTHS
    words |= {w for phrase in skill_names() for w in LETTERS.findall(phrase)}
    if DICTIONARY.is_file():
        for line in DICTIONARY.read_text(encoding="utf-8", errors="replace").splitlines():
            if line and line.islower() and "'" not in line:
                words.add(fold(line))
    return frozenset(words)


def is_phone(candidate: str) -> bool:
    digits = re.sub(r"\D", "", candidate)
    groups = re.findall(r"\d+", candidate)
    if not 9 <= len(digits) <= 15:
        return False
    return not all(re.fullmatch(r"(?:19|20)\d\d", g) or len(g) <= 2 for g in groups)


@dataclass
class Person:
    """The identifiers of one resume."""

    file: str
    emails: set[str] = field(default_factory=set)
    phones: set[str] = field(default_factory=set)  # last 9 digits
    names: set[str] = field(default_factory=set)  # folded tokens
    read: set[str] = field(default_factory=set)  # the name tokens resume-fit's redaction read


@lru_cache(maxsize=1)
def HEADING_WORDS() -> frozenset[str]:  # noqa: N802 (a constant, computed once)
    """Words of the section headings resume-fit knows (``lexicons/sections.toml``)."""
    from resume_fit.parse.settings import load_settings

    return frozenset(
        fold(w) for phrase in load_settings().headings for w in LETTERS.findall(phrase)
    )


@lru_cache(maxsize=1)
def ordinary_words() -> frozenset[str]:
    """English stop words, heading words and the words of role titles: not names on their own."""
    from spacy.lang.en.stop_words import STOP_WORDS

    from resume_fit.roles import load_catalogue

    words = set(STOP_WORDS) | HEADING_WORDS() | TITLE_WORDS | skill_names()
    for role in load_catalogue().values():
        for phrase in (role.name, *role.titles):
            words |= {fold(w) for w in LETTERS.findall(phrase)}
    return frozenset(words)


@lru_cache(maxsize=1)
def skill_names() -> frozenset[str]:
    """Every skill name and alias of the lexicon, folded ("microsoft office", "google")."""
    from resume_fit.lexicon import load_lexicon

    return frozenset(
        fold(form) for skill in load_lexicon().values() for form in skill.surface_forms
    )


def identify(path: Path) -> Person:
    """Read one resume's identifiers from the document (see the module docstring)."""
    text = plain_text(path)
    try:
        links = parse_file(path).links
    except ResumeFitError:
        links = ()
    person = Person(path.name)
    person.emails = set(EMAIL.findall(text))
    person.emails |= {
        link.url.split(":", 1)[1].split("?")[0] for link in links if link.url.startswith("mailto:")
    }
    lines = [line.strip() for line in text.splitlines() if line.strip()]
    for line in lines[:15]:
        for candidate in PHONE.findall(line):
            if is_phone(candidate):
                person.phones.add(re.sub(r"\D", "", candidate)[-9:])
    top = [SPACED.sub(lambda m: m[0].replace(" ", ""), line) for line in lines[:TOP]]
    top_words = {fold(w) for line in top for w in LETTERS.findall(line)}
    clues = set()
    for email in person.emails:
        clues |= {fold(w) for w in LETTERS.findall(email.split("@")[0])}
    for run in LETTERS.findall(Path(path.name).stem):
        clues |= {fold(w) for w in CAMEL.findall(run)} | {fold(run)}
    ordinary = ordinary_words()
    # An e-mail's or file name's word is a clue to the name only when it is not an ordinary word.
    clues = {c for c in clues if len(c) >= 3 and c not in GENERIC | HONORIFICS | ordinary}
    candidates = []
    for line in top:
        for segment in SEPARATOR.split(line):
            words = [w for w in segment.split() if fold(w).strip(".") not in HONORIFICS]
            folded = [fold(w).strip(".") for w in words]
            pairs = {" ".join(folded[i : i + 2]) for i in range(len(folded) - 1)}
            if set(folded) & HEADING_WORDS() or pairs & skill_names():
                continue  # a heading ("Technical Skills") or a skill ("Microsoft Office")
            if 2 <= len(words) <= 5 and all(NAME_WORD.fullmatch(w) for w in words):
                capitalised = all(w[0].isupper() for w in words)
                candidates.append(([fold(w).strip(".") for w in words], capitalised))
    chosen = next(
        (
            words
            for words, _ in candidates
            if set(words) & clues or any("".join(words) in clue for clue in clues)
        ),
        next((w for w, capitalised in candidates if capitalised and not set(w) & TITLE_WORDS), []),
    )
    person.names = {part for w in chosen for part in LETTERS.findall(w) if len(part) >= 3}
    person.names |= {c for c in clues if c in top_words and not c.isdigit()} - TITLE_WORDS
    person.names = {w for w in person.names if w not in GENERIC}
    return person


@dataclass
class Leaks:
    """Leak counts over the outputs of one kind."""

    outputs: int = 0
    leaking: int = 0
    names: int = 0
    emails: int = 0
    phones: int = 0
    wordy: int = 0  # outputs with a word-like name token in name form
    wordy_capital: int = 0
    wordy_lower: int = 0
    in_skills: int = 0
    unread: int = 0  # name-token leaks that resume-fit did not read as the name at all
    wordy_unread: int = 0  # (b) leaks of a word-like name token resume-fit did not read

    def add(self, found: Found) -> None:
        self.outputs += 1
        self.leaking += int(found.names + found.emails + found.phones + found.wordy_capital > 0)
        self.names += found.names
        self.emails += found.emails
        self.phones += found.phones
        self.wordy += int(found.wordy_capital > 0)
        self.wordy_capital += found.wordy_capital
        self.wordy_lower += found.wordy_lower
        self.in_skills += found.in_skills
        self.unread += found.unread
        self.wordy_unread += found.wordy_unread


@dataclass
class Found:
    """What one output holds: (a) distinctive name tokens, (b) word-like name tokens in name
    form, (c) word-like name tokens used as words, those inside skill words, e-mails, phones."""

    names: int = 0
    emails: int = 0
    phones: int = 0
    wordy_capital: int = 0  # (b): leaks
    wordy_lower: int = 0  # (c): not leaks
    in_skills: int = 0  # inside a skill's name or matched words: kept by design
    unread: int = 0
    wordy_unread: int = 0


class _Visible(HTMLParser):
    """The text a reader sees in a page (no tags, no style sheet) and its attribute values."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self._style = tag == "style"
        self.parts += [value for _, value in attrs if value]

    def handle_endtag(self, tag: str) -> None:
        self._style = False

    def handle_data(self, data: str) -> None:
        if not self._style:
            self.parts.append(data)


def visible(text: str, html: bool) -> str:
    """``text``, or for a page what a reader sees of it (tags and style sheet left out)."""
    if not html:
        return text
    parser = _Visible()
    parser.feed(text)
    return "\n".join(parser.parts)


DATE_AFTER = re.compile(r"^[\s.,'’/\-–]{0,3}\d")
DATE_BEFORE = re.compile(r"\d(?:st|nd|rd|th)?[\s.,/\-–]{0,3}$", re.IGNORECASE)
JOINER = re.compile(r"^[._\-]$")


def skill_spans(text: str, skill_texts: frozenset[str]) -> list[tuple[int, int]]:
    """Where ``text`` writes a skill's name or an evidence's matched words (case as written)."""
    return [
        (m.start(), m.end())
        for phrase in sorted(skill_texts, key=len, reverse=True)
        if phrase
        for m in re.finditer(rf"(?<![^\W\d_]){re.escape(phrase)}(?![^\W\d_])", text)
    ]


def word_use(text: str, match: re.Match[str], names: set[str], words: list[re.Match[str]],
             index: int) -> bool:  # fmt: skip
    """True when a word-like name token is written as the word: lower case and not joined to
    another name word, or a month beside a number ("April 2021")."""
    word = match[0]
    if word[0].isupper():
        return fold(word) in MONTHS and bool(
            DATE_AFTER.match(text[match.end() :]) or DATE_BEFORE.search(text[: match.start()])
        )
    for other in (index - 1, index + 1):
        if 0 <= other < len(words) and fold(words[other][0]) in names:
            left, right = sorted((match, words[other]), key=lambda m: m.start())
            if JOINER.match(text[left.end() : right.start()]):
                return False  # "grace.hunter", "hunter_grace": a handle or file name
    return True


def count(
    text: str,
    people: list[Person],
    show: str | None,
    skill_texts: frozenset[str] = frozenset(),
) -> Found:
    """Name-token, e-mail and phone leaks of ``people`` in ``text``.

    Words are compared whole, accents and case ignored. A name token that is also a word or
    skill (``word_like``) is a leak only in name form (see the module docstring); inside a
    skill's name or an evidence's matched words (``skill_texts``) it is counted apart.
    """
    found = Found()
    ordinary = word_like()
    matches = list(LETTERS.finditer(text))
    words = [(match, fold(match[0])) for match in matches]
    spans = skill_spans(text, skill_texts)
    for person in people:
        for index, (match, token) in enumerate(words):
            if token not in person.names:
                continue
            if token in ordinary:
                inside = any(a <= match.start() and match.end() <= b for a, b in spans)
                if inside:
                    found.in_skills += 1
                    kind = "word-like name, inside skill words"
                elif word_use(text, match, person.names, matches, index):
                    found.wordy_lower += 1
                    kind = "word-like name, used as a word"
                else:
                    found.wordy_capital += 1
                    kind = "word-like name, in name form"
                    if token not in person.read:
                        kind += " (not read by resume-fit)"
                        found.wordy_unread += 1
            else:
                kind = "name"
                found.names += 1
                if token not in person.read:
                    kind = "name (not read by resume-fit)"
                    found.unread += 1
            if show is not None:
                around = text[max(0, match.start() - 40) : match.end() + 40]
                print(f"  {show}: {kind} {around!r}")
        digits = {re.sub(r"\D", "", c)[-9:] for c in PHONE.findall(text)}
        for phone in person.phones & digits:
            found.phones += 1
            if show is not None:
                print(f"  {show}: phone ...{phone[-4:]}")
    for match in EMAIL.finditer(text):
        found.emails += 1
        if show is not None:
            print(f"  {show}: email {match[0]!r}")
    return found


def report_skill_texts(
    skills: tuple[SkillMention, ...], names: tuple[tuple[str, str], ...] = ()
) -> frozenset[str]:
    """A report's skill vocabulary: skill names, display names, and evidences' matched words."""
    texts = {s.name for s in skills} | {e.text for s in skills for e in s.evidence}
    return frozenset(texts | {name for _, name in names})


def measure(out: Path, files: list[str], half: str, show: bool) -> None:
    """Analyse ``files`` plain and redacted in ``out``, and print the leak counts."""
    (out / "in").mkdir(parents=True)
    people: list[Person] = []
    for name in files:
        source = CORPUS / name
        shutil.copyfile(source, out / "in" / name)
        person = identify(source)
        try:
            read = find_identity(parse_file(source))
            person.read = set(read.name_tokens | read.capitalised_tokens)
        except ResumeFitError:
            pass
        people.append(person)
    kinds = ("markdown", "json", "html", "match")
    tallies = {(k, r): Leaks() for k in (*kinds, "batch") for r in (False, True)}
    failed = 0
    placeholders: Counter[str] = Counter()
    every_skill: set[str] = set()
    job = read_job(POSTING)
    for index, person in enumerate(people):
        path = out / "in" / person.file
        for redact in (False, True):
            try:
                report = analyze(path, reference_date=AS_OF, redact=redact)
                matched = match_posting(path, job, AS_OF, redact=redact)
            except ResumeFitError:
                failed += redact
                continue
            skill_texts = report_skill_texts(report.skills, report.names)
            match_texts = report_skill_texts(matched.skills, matched.names)
            every_skill |= skill_texts
            texts = {
                "markdown": (render_markdown(report), skill_texts),
                "json": (render_json(report), skill_texts),
                "html": (render_html(report), skill_texts),
                "match": (
                    "\n".join(
                        visible(text, html)
                        for text, html in (
                            (render_match_markdown(matched), False),
                            (render_match_json(matched), False),
                            (render_match_html(matched), True),
                        )
                    ),
                    match_texts,
                ),
            }
            if redact:
                placeholders.update(PLACEHOLDER.findall(texts["json"][0]))
            for kind, (text, vocabulary) in texts.items():
                label = f"file {index} {kind}" if show and redact else None
                text = visible(text, kind == "html")
                tallies[(kind, redact)].add(count(text, [person], label, vocabulary))
    for redact in (False, True):
        tag = "redacted" if redact else "plain"
        written = run_batch_cli(
            [out / "in"],
            out / f"{tag}.csv",
            skills_table=out / f"{tag}.skills.csv",
            summary=out / f"{tag}.summary.html",
            reference_date=AS_OF,
            progress=False,
            redact=redact,
            key_file=out / f"{tag}.key.csv" if redact else None,
        ).written
        extra = out / f"{tag}.summary.md"
        result = run_batch_cli(
            [out / "in"],
            out / f"{tag}.jsonl",
            summary=extra,
            reference_date=AS_OF,
            progress=False,
            redact=redact,
        )
        for path in [*written, *result.written]:
            if path.name.endswith(".key.csv"):
                continue  # the key is meant to name the files
            label = f"batch {path.name}" if show and redact else None
            text = visible(path.read_text(encoding="utf-8"), path.suffix == ".html")
            found = count(text, people, label, frozenset(every_skill))
            tallies[("batch", redact)].add(found)
    print(f"{half} half: {len(people)} resumes, {failed} could not be analysed")
    print(
        f"{sum(len(p.names) > 0 for p in people)} with a name found, "
        f"{sum(len(p.emails) > 0 for p in people)} with an e-mail, "
        f"{sum(len(p.phones) > 0 for p in people)} with a phone number"
    )
    masked = ", ".join(f"{kind} {n}" for kind, n in sorted(placeholders.items()))
    print(f"placeholders in the {len(people)} redacted JSON reports: {masked or 'none'}")
    wordy = sorted({t for p in people for t in p.names if t in word_like()})
    print(
        f"{len(wordy)} name tokens are also a word or skill: (b) a leak in name form, "
        "(c) not a leak as a word, kept inside skill words"
    )
    unread = sum(t.unread for (_, redact), t in tallies.items() if redact)
    leaked = sum(t.names for (_, redact), t in tallies.items() if redact)
    print(f"redacted (a) leaks resume-fit did not read as the name: {unread} of {leaked}")
    wordy_unread = sum(t.wordy_unread for (_, redact), t in tallies.items() if redact)
    wordy_leaked = sum(t.wordy_capital for (_, redact), t in tallies.items() if redact)
    print(
        f"redacted (b) leaks resume-fit did not read as the name: {wordy_unread} of {wordy_leaked}"
    )
    print(
        "| output | run | outputs | with a leak | (a) name tokens, no ordinary word "
        "| (b) word-like name tokens in name form | e-mails | phones "
        "| (c) word-like, used as a word | word-like, inside skill words |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (kind, redact), t in tallies.items():
        run = "redacted" if redact else "plain"
        print(
            f"| {kind} | {run} | {t.outputs} | {t.leaking} | {t.names} | {t.wordy_capital} "
            f"| {t.emails} | {t.phones} | {t.wordy_lower} | {t.in_skills} |"
        )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--half", choices=("tune", "report"), default="tune")
    parser.add_argument("--show", action="store_true", help="print each leak (tune half only)")
    args = parser.parse_args(argv)
    if args.show and args.half == "report":
        parser.error("--show is refused on the report half: its leaks are not to be studied")
    with SPLIT.open(encoding="utf-8") as handle:
        files = [
            r["file"] for r in csv.DictReader(handle, delimiter="\t") if r["half"] == args.half
        ]
    # Copies, reports and tables hold real people's data: they live in a temporary folder only.
    with tempfile.TemporaryDirectory(prefix="resume-fit-redaction-") as folder:
        measure(Path(folder), files, args.half, args.show)
    return 0


if __name__ == "__main__":
    sys.exit(main())
