"""Who a document is about, read from the document itself: name words, e-mails, handles.

``find_identity`` is the first half of blind screening (``report.redact`` masks what it finds).
The name is looked for where resumes put it and where it hides:

- a name-shaped segment of the first lines (before or after a title line, all capitals or letter-
  spaced however wide or closed the gaps, with particles, hyphens, apostrophes, accents, any
  script, initials, honorifics and degrees, a nickname in brackets or quotes, "Surname, Given",
  one word per line or text box); a Chinese, Japanese or Korean name also whole and by its
  given name ("王 小明" is also "王小明" and "小明");
- e-mail local parts (``first.last``, ``firstlast``, ``flast``, ``first_l``) and profile link slugs
  (``linkedin.com/in/first-last-1a2b``, ``github.com/firstlast``);
- the file name (``First_Last_CV.pdf``, ``LastFirstResume.docx``, camel case).

Name words that are also ordinary words or skill names ("Grace", "Julia", "Will") are kept apart
(``Identity.capitalised_tokens``) so that masking them does not mask the word. Nothing is looked up.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from resume_fit.parse.resume_text import ResumeText
from resume_fit.report.redaction_rules import (
    DOMAIN,
    EMAIL,
    LETTERS,
    URL,
    RedactionRules,
    Vocabulary,
    fold,
    is_phone,
    load_rules,
    stop_words,
    vocabulary,
)

__all__ = [
    "PSEUDONYM_PREFIX",
    "Identity",
    "file_pseudonym",
    "find_identity",
    "path_identity",
    "pseudonym",
]

PSEUDONYM_PREFIX = "cand-"
_PSEUDONYM_HEX = 12


@dataclass(frozen=True)
class Identity:
    """Who a document is about, as read from the document itself.

    Attributes:
        pseudonym: What the source path becomes (``cand-`` and a hash prefix of the content).
        name_tokens: Folded name words (case and accents ignored) masked in any letter case.
        capitalised_tokens: Folded name words that are also ordinary words or skill names
            ("Will", "Rose", "Julia"): masked where written as a name (capitalised, all caps,
            joined to another name word), not in lower case on their own, and not where a month
            name is a date ("April 2021"); also a one-character word of a caseless script.
        literals: ``(exact text, placeholder kind)`` found in the document (e-mail addresses,
            handles, profile links), masked wherever they recur, case-insensitively.
        source: The original source path, masked (with its file name) wherever it recurs.
    """

    pseudonym: str
    name_tokens: frozenset[str] = frozenset()
    capitalised_tokens: frozenset[str] = frozenset()
    literals: tuple[tuple[str, str], ...] = ()
    source: str = ""


def pseudonym(sha256_hex: str) -> str:
    """The stable pseudonym of a document whose content hashes to ``sha256_hex``."""
    return PSEUDONYM_PREFIX + sha256_hex[:_PSEUDONYM_HEX]


def file_pseudonym(path: str | Path) -> str:
    """The pseudonym of a file, from a hash of its bytes (the same one a batch row gets)."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return pseudonym(digest.hexdigest())


# Lines searched for a name that an e-mail or profile link corroborates: a two-column PDF or a
# text box may put a side column of skills before the name.
_CORROBORATED_LINES = 40
_SEPARATORS = re.compile(r"\s*(?:[|•·;/–—]|\s-\s|\t|\s{3,}|,(?!\s*(?:jr|sr|ph\.?d)\b))\s*", re.I)
# Letter-spaced words of one line, however wide the gap between words: "J A N E   D O E".
_SPACED_LINE = re.compile(
    r"(?<!\S)(?:[^\W\d_] ){2,}[^\W\d_](?:\s{2,}(?:[^\W\d_] )+[^\W\d_])*(?!\S)"
)
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’\-.][^\W\d_]+)*\.?$")
_NAME_LABEL = re.compile(r"^\s*(?:full\s+)?name\s*[:：]\s*(.+)$", re.IGNORECASE)
_HANDLE_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_WRAPPERS = '"“”„‘’«»()[]{}<>,;:'
_PROFILE_SLUG = re.compile(
    r"(?:linkedin\.com/(?:in|pub)|github\.com|gitlab\.com|twitter\.com|x\.com|medium\.com/@?|"
    r"kaggle\.com|behance\.net|dribbble\.com|stackoverflow\.com/users/\d+|instagram\.com|"
    r"facebook\.com|orcid\.org|scholar\.google\.[a-z.]+/citations\?user=)/?([\w.\-]+)",
    re.IGNORECASE,
)


def find_identity(
    resume: ResumeText,
    pseudonym_text: str | None = None,
    *,
    vocabulary: Vocabulary | frozenset[str] | None = None,
) -> Identity:
    """Read who a document is about from the document itself (see the module docstring).

    The name line is, in order of preference: the first name-shaped segment of the first
    ``top_lines`` lines that an e-mail's local part or a profile link corroborates; the first
    capitalised one with no title, heading or stop word (and not only skill words, unless it is
    the first line); the first one the file name corroborates. Words of e-mail local parts and
    profile links that are not ordinary words are name words too, as are top-line words hidden in
    them ("Wexford" in ``twexford@``); file-name words are, when an e-mail or link has them as
    well or no name line was found ("account_manager_cv.pdf" names a job, not a person).
    Bare handles are read from contact lines (lines with an address, number or link).

    Args:
        resume: The parsed document (its text, links and source path).
        pseudonym_text: The pseudonym for the source; by default one from a hash of the text.
        vocabulary: Ordinary words (the shipped ``vocabulary()`` by default); a plain set of words
            (tests) counts as title and heading words.

    Returns:
        The identity to pass to ``redact_text`` / ``redact_report``.
    """
    rules = load_rules()
    words = _as_vocabulary(vocabulary, rules)
    text = resume.text
    lines = [line for line in text.splitlines() if line.strip()][:_CORROBORATED_LINES]
    # Letter-spaced words whose gaps the parser closed ("J A N E D O E") are split by the
    # words the document writes apart ("Jane", "DOE") or its e-mails' words; a run no such
    # words split is one name word when it opens the document.
    known = {fold(w) for w in LETTERS.findall(text) if len(w) >= 2 and not w.islower()}
    known |= {p for email in EMAIL.findall(text) for p in _word_parts(email.split("@")[0])}
    spaced: set[str] = set()
    lines = [
        _SPACED_LINE.sub(partial(_unspace, known=known, unsplit=spaced if i == 0 else None), line)
        for i, line in enumerate(lines)
    ]
    top = lines[: rules.top_lines]

    literals: dict[str, str] = {}
    emails = set(EMAIL.findall(text))
    emails.update(
        link.url.split(":", 1)[1].split("?")[0]
        for link in resume.links
        if link.url.lower().startswith("mailto:")
    )
    raw_clues: set[str] = set()
    for email in emails:
        literals[email] = "email"
        raw_clues.update(_word_parts(email.split("@")[0]))
    urls = [link.url for link in resume.links if not link.url.lower().startswith("mailto:")]
    urls += URL.findall(text) + DOMAIN.findall(text)
    for url in urls:
        for slug in _PROFILE_SLUG.findall(url):
            slug = slug.strip("./-")
            parts = _word_parts(slug)
            # "github.com/apache/airflow" names a project, not a person: skip ordinary words.
            if len(slug) >= 3 and not all(p in words.every for p in parts):
                literals[slug] = "handle"
                raw_clues.update(parts)
    raw_clues = {t for t in raw_clues if len(t) >= 3 and t not in words.plain}
    clues = {t for t in raw_clues if t not in words.skills}
    file_tokens = {t for t in _word_parts(Path(resume.source).stem) if len(t) >= 2}
    file_tokens -= words.every

    name_words = _name_line(lines, rules, words, raw_clues, file_tokens)
    top_words = {
        fold(w) for line in top for w in LETTERS.findall(line) if w[0].isupper() or w.isupper()
    }
    for line in top:
        segments = _SEPARATORS.split(line.strip())
        # Only a contact line (one with an address, number or link in it) holds bare handles.
        if not any(EMAIL.search(s) or URL.search(s) or DOMAIN.search(s) or is_phone(s)
                   for s in segments):  # fmt: skip
            continue
        for segment in segments:
            if _HANDLE_SEGMENT.match(segment) and _looks_like_handle(segment, words.every):
                literals[segment] = "handle"

    tokens = set(name_words) | clues
    tokens |= {w for w in spaced if not _joined_from(w, words.plain) and w not in words.every}
    tokens |= _ideographic_forms(name_words)
    # A capitalised top-line word hidden in a local part or slug ("Wexford" in "twexford").
    tokens |= {
        w for w in top_words - words.every
        if len(w) >= 4 and any(w in clue and w != clue for clue in raw_clues)
    }  # fmt: skip
    # With a name line, file-name words are name words where an e-mail or a link has them too;
    # without one, the uncommon ones are the best guess there is.
    tokens |= {t for t in file_tokens if t in clues or not name_words}
    tokens = {t for t in tokens if (len(t) >= 2 or _caseless(t)) and t not in rules.honorifics}
    tokens -= rules.particles
    # A document title written on the name line ("JANE DOE RESUME") is not a name word.
    tokens -= rules.document_words
    ordinary = words.every | rules.word_names | rules.date_words
    # A one-character word of a caseless script (the surname in "李 小龙") is masked only where
    # written as a word of its own, never inside a longer run of characters.
    ordinary |= {t for t in tokens if len(t) == 1}
    return Identity(
        pseudonym=pseudonym_text or pseudonym(hashlib.sha256(text.encode("utf-8")).hexdigest()),
        name_tokens=frozenset(t for t in tokens if t not in ordinary),
        capitalised_tokens=frozenset(t for t in tokens if t in ordinary),
        literals=tuple(sorted(literals.items(), key=lambda item: (-len(item[0]), item[0]))),
        source=resume.source if resume.source != "<text>" else "",
    )


def path_identity(path: str, pseudonym_text: str) -> Identity:
    """What a path alone says about a person: its file name and the folder holding it.

    Used where no document text is at hand (a batch row, an error message): the path and its
    file name become the pseudonym, and a file stem or folder name of two words or more
    ("Jane_Doe_CV", "inbox/Jane Doe/cv.pdf") is masked wherever it is repeated. A one-word stem
    ("corrupt.pdf") is left, so an error message keeps its own words.
    """
    literals = {
        part: "name"
        for part in (Path(path).parent.name, Path(path).stem)
        if len(_CAMEL.findall(part) if part.isalpha() else LETTERS.findall(part)) >= 2
    }
    return Identity(
        pseudonym=pseudonym_text,
        literals=tuple(sorted(literals.items(), key=lambda item: (-len(item[0]), item[0]))),
        source=path,
    )


def _unspace(match: re.Match[str], known: set[str], unsplit: set[str] | None) -> str:
    """Letter-spaced words written whole, one space between them ("J A N E   D O E" -> "JANE DOE").

    A run with one space everywhere is split where ``known`` words make it up; a run that
    stays one word is added to ``unsplit`` (when given).
    """
    out = []
    for run in re.split(r"\s{2,}", match[0]):
        word = run.replace(" ", "")
        parts = _split_joined(word, known)
        if parts is None and unsplit is not None and len(word) >= 4:
            unsplit.add(fold(word))
        out.append(" ".join(parts) if parts else word)
    return " ".join(out)


def _split_joined(word: str, known: set[str]) -> list[str] | None:
    """``word`` cut into two or more ``known`` words (folded, 2+ letters), fewest first; or None."""
    folded = fold(word)
    if len(folded) != len(word):
        return None
    best: dict[int, list[int]] = {0: []}
    for start in range(len(folded)):
        if start not in best:
            continue
        for end in range(start + 2, len(folded) + 1):
            if folded[start:end] in known and folded[start:end] != folded:
                path = [*best[start], end]
                if end not in best or len(path) < len(best[end]):
                    best[end] = path
    cuts = best.get(len(folded))
    if not cuts or len(cuts) < 2:
        return None
    return [word[a:b] for a, b in zip([0, *cuts[:-1]], cuts, strict=True)]


def _joined_from(word: str, tokens: frozenset[str]) -> bool:
    """True when ``word`` is two or more of ``tokens`` written together."""
    return _split_joined(word, set(tokens)) is not None


def _as_vocabulary(given: Vocabulary | frozenset[str] | None, rules: RedactionRules) -> Vocabulary:
    if given is None:
        return vocabulary()
    if isinstance(given, Vocabulary):
        return given
    plain = ({fold(w) for w in given} | rules.not_name | stop_words()) - rules.word_names
    return Vocabulary(frozenset(plain - rules.date_words))


def _word_parts(text: str) -> set[str]:
    """Folded letter words of a file stem, handle or local part ("JaneDoe_cv" -> jane, doe, cv)."""
    parts: set[str] = set()
    for run in LETTERS.findall(text):
        parts.add(fold(run))
        parts.update(fold(w) for w in _CAMEL.findall(run) if len(w) >= 2)
    return {p for p in parts if p}


def _looks_like_handle(segment: str, common: frozenset[str]) -> bool:
    """A one-word contact segment that is a user name: lower case or with digits, not a word."""
    if "@" in segment or is_phone(segment) or segment.replace(".", "").isdigit():
        return False
    if segment.lower() != segment and not any(c.isdigit() for c in segment):
        return False
    parts = [fold(w) for w in LETTERS.findall(segment)]
    if not parts or all(w in common for w in parts):
        return False
    return len(segment) >= 5 or any(c.isdigit() or c in "._-" for c in segment)


@dataclass(frozen=True)
class _Candidate:
    """A segment of the top lines that may be the name."""

    words: tuple[str, ...]  # folded letter runs of its content words
    capitalised: bool
    initials: int
    line: int
    labelled: bool = False
    weak: bool = False  # read across a comma or two lines: only with a clue or nothing better


def _candidates(top: list[str], rules: RedactionRules, words: Vocabulary) -> list[_Candidate]:
    found: list[_Candidate] = []
    for index, line in enumerate(top):
        labelled = _NAME_LABEL.match(line)
        if labelled:
            found += _candidate(labelled[1], rules, index, labelled=True)
            continue
        for segment in _SEPARATORS.split(line.strip()):
            found += _candidate(segment, rules, index)
            for run in _runs_beside_titles(segment, words):
                found += _candidate(run, rules, index)
        if "," in line:  # "Wexford, Tobias"
            found += _candidate(line.replace(",", " "), rules, index, weak=True)
        if index + 1 < len(top):  # one word per line or text box: "TOBIAS" / "WEXFORD"
            pair = [_name_words(part, rules) for part in (line, top[index + 1])]
            if all(p is not None and len(p[0]) == 1 and not p[1] for p in pair):
                found += _candidate(f"{line.strip()} {top[index + 1].strip()}", rules, index)
    return found


def _runs_beside_titles(segment: str, words: Vocabulary) -> list[str]:
    """The leading and trailing runs (two words or more) of a segment's non-title words."""
    parts = segment.split()
    plain = [
        any(fold(p) in words.plain for p in LETTERS.findall(part)) or not LETTERS.search(part)
        for part in parts
    ]
    if not any(plain) or all(plain):
        return []
    lead = len(parts) if False not in plain else plain.index(True)
    trail = len(parts) - (max(i for i, p in enumerate(plain) if p) + 1)
    runs = []
    if lead >= 2:
        runs.append(" ".join(parts[:lead]))
    if trail >= 2:
        runs.append(" ".join(parts[len(parts) - trail :]))
    return runs


def _candidate(
    segment: str, rules: RedactionRules, line: int, *, labelled: bool = False, weak: bool = False
) -> list[_Candidate]:
    shaped = _name_words(segment, rules)
    if shaped is None:
        return []
    content, initials = shaped
    folded = tuple(fold(part) for w in content for part in LETTERS.findall(w))
    capitalised = all(_capitalised(w, rules) for w in content)
    return [_Candidate(folded, capitalised, initials, line, labelled, weak)]


def _name_line(
    lines: list[str], rules: RedactionRules, words: Vocabulary, strong: set[str], weak: set[str]
) -> tuple[str, ...]:
    """The folded words of the name line, or () when none looks like a name.

    ``lines`` are the document's first lines: any of them may hold a name an e-mail or link
    corroborates; only the first ``top_lines`` hold one without. A segment that runs a name into
    a title or a pronoun ("JANE DOE DATA SCIENTIST", "Jane Doe (she") is read by its leading or
    trailing run of words that are not title, heading or stop words.
    """
    plain: tuple[str, ...] = ()
    by_file: tuple[str, ...] = ()
    fallback: tuple[str, ...] = ()
    for candidate in _candidates(lines, rules, words):
        folded = tuple(w for w in candidate.words if w not in rules.particles)
        if not folded:
            continue
        if candidate.line >= rules.top_lines:
            if _corroborated(folded, strong) and not any(w in words.plain for w in folded):
                return folded
            continue
        titled = sum(1 for w in folded if w in words.plain)
        # Initials make a name of a skill word: "J. R. Doe" is a person, "DOE" a method.
        skill = not candidate.initials and " ".join(candidate.words) in words.skill_phrases
        if titled * 2 > len(folded) or skill:
            continue  # "Data Scientist", "Technical Skills", "Machine Learning"
        if _corroborated(folded, strong):
            return folded
        if titled and not candidate.labelled:
            continue
        if not by_file and _corroborated(folded, weak):
            by_file = folded
        named = len(folded) >= 2 or candidate.initials > 0 or _caseless(folded[0])
        skills_only = (
            all(w in words.skills for w in folded) and candidate.line > 0 and not candidate.initials
        )
        if not (candidate.capitalised and named) or skills_only:
            continue
        if candidate.weak:
            fallback = fallback or folded
        elif not plain and (len(folded) >= 2 or candidate.initials or candidate.line == 0):
            plain = folded
    return plain or by_file or fallback


def _ideographic_forms(name: tuple[str, ...]) -> set[str]:
    """Other ways a Chinese, Japanese or Korean name is written: whole and by its given name.

    "李 小龙" is also written "李小龙"; "李小龙" (a one-character surname and a two-character given
    name, or two and two) is also called "小龙". Names of other scripts have none.
    """
    words = [w for w in name if w and all(_ideographic(c) for c in w)]
    forms = {"".join(words)} if len(words) >= 2 else set()
    forms |= {w[-2:] for w in words if 3 <= len(w) <= 4}
    return forms


def _ideographic(char: str) -> bool:
    """True for a Han ideograph or a Hangul syllable."""
    return unicodedata.name(char, "").startswith(("CJK UNIFIED", "CJK COMPATIBILITY", "HANGUL"))


def _corroborated(words: tuple[str, ...], clues: set[str]) -> bool:
    """True when an e-mail, link or file name has a word of the segment (or the words joined)."""
    joined = "".join(words)
    return any(joined in clue or (len(clue) >= 5 and clue in joined) for clue in clues) or any(
        len(w) >= 3 and any(w in clue for clue in clues) for w in words
    )


def _caseless(word: str) -> bool:
    """True for a word of a script without capital letters (Chinese, Arabic, Devanagari ...)."""
    return not any(c.isupper() or c.islower() for c in word)


def _capitalised(word: str, rules: RedactionRules) -> bool:
    """A name word's shape: capital first ("O'Neil"), after a particle ("al-Rashidi"), caseless."""
    if _caseless(word):
        return True
    if word[0].isupper():
        return True
    head, _, rest = _split(word)
    return bool(rest) and fold(head) in rules.particles and rest[0].isupper()


def _split(word: str) -> tuple[str, str, str]:
    match = re.match(r"^([^'’\-]+)(['’\-])(.+)$", word)
    return (match[1], match[2], match[3]) if match else (word, "", "")


def _name_words(segment: str, rules: RedactionRules) -> tuple[list[str], int] | None:
    """The content words of a segment shaped like a name and its number of initials, or None.

    Honorifics ("Dr."), degrees ("PhD") and particles ("van der") are left out; a nickname in
    brackets or quotes ("Robert (Bob) Smith") is a content word.
    """
    words = [w.strip(_WRAPPERS) for w in segment.split()]
    words = [w for w in words if w]
    if not words or len(words) > rules.max_words + 3:
        return None
    content: list[str] = []
    initials = 0
    for word in words:
        folded = fold(word).replace(".", "")
        if folded in rules.honorifics or folded in rules.particles:
            continue
        if not _NAME_WORD.match(word):
            return None
        initial = all(len(part) <= 1 for part in folded.split("-")) and not _caseless(folded)
        if initial or re.fullmatch(r"(?:\w\.)+", word):
            initials += 1
            continue
        content.append(word)
    if not 1 <= len(content) <= rules.max_words:
        return None
    lower = all(w.islower() for w in content)
    if not lower and not all(_capitalised(w, rules) for w in content):
        return None
    return content, initials
