"""Who a document is about, read from the document itself: name words, e-mails, handles.

``find_identity`` is the first half of blind screening (``report.redact`` masks what it finds).
The name is looked for where resumes put it and where it hides:

- a name-shaped segment of the document's lines (``report.name_candidates``: before or after a
  title line, all capitals or letter-spaced however wide or closed the gaps, with particles,
  hyphens, apostrophes, accents, any script, initials, honorifics and degrees, a nickname in
  brackets or quotes, "Surname, Given", one word per line or text box), ranked by evidence
  (``report.name_finder``: among the first lines or below a side column, beside contact
  details, repeated in a footer); a Chinese, Japanese or Korean name also whole and by its
  given name ("王 小明" is also "王小明" and "小明");
- e-mail local parts (``first.last``, ``firstlast``, ``flast``, ``first_l``, also written
  ``flast at example dot com``), profile link slugs (``linkedin.com/in/first-last-1a2b``,
  ``github.com/firstlast``, ``about.me/first.last``) and a personal site on a contact line
  (``firstlast.dev``);
- the file name (``First_Last_CV.pdf``, ``LastFirstResume.docx``, camel case);
- the capitalised word written beside a name word an e-mail or a link confirms, wherever the
  document writes it ("a reference from Will Okafor's manager", "OKAFOR, Will"), so a given
  name is read even where the name line is not.

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
from resume_fit.report.name_candidates import SEPARATORS, caseless
from resume_fit.report.name_finder import find_name_line
from resume_fit.report.redaction_rules import (
    DOMAIN,
    EMAIL,
    LETTERS,
    OBFUSCATED_EMAIL,
    PHONE,
    URL,
    RedactionRules,
    Vocabulary,
    dictionary,
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


# Letter-spaced words of one line, however wide the gap between words: "J A N E   D O E".
_SPACED_LINE = re.compile(
    r"(?<!\S)(?:[^\W\d_] ){2,}[^\W\d_](?:\s{2,}(?:[^\W\d_] )+[^\W\d_])*(?!\S)"
)
_HANDLE_SEGMENT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{2,39}$")
_CAMEL = re.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
_PROFILE_SLUG = re.compile(
    r"(?:linkedin\.com/(?:in|pub)|github\.com|gitlab\.com|twitter\.com|x\.com|medium\.com/@?|"
    r"about\.me|kaggle\.com|behance\.net|dribbble\.com|stackoverflow\.com/users/\d+|instagram\.com|"
    r"facebook\.com|orcid\.org|scholar\.google\.[a-z.]+/citations\?user=)/?([\w.\-]+)",
    re.IGNORECASE,
)
_OBFUSCATED_AT = re.compile(r"\s*(?:\(at\)|\[at\]|\{at\}|\s+at\s+)\s*", re.IGNORECASE)
# Hosts that are platforms, not a person's own site: their first label never names anyone.
_PLATFORM = re.compile(
    r"(?:^|\.)(?:linkedin|github|gitlab|twitter|x|medium|kaggle|behance|dribbble|stackoverflow|"
    r"instagram|facebook|orcid|google|about|youtube|bitbucket|huggingface|researchgate|"
    r"academia|substack|wordpress|blogspot|notion|wixsite|gmail|outlook|yahoo|hotmail|doi|"
    r"arxiv|wikipedia|coursera|udemy|credly|leetcode|hackerrank|codepen|vercel|netlify)\.",
    re.IGNORECASE,
)


def find_identity(
    resume: ResumeText,
    pseudonym_text: str | None = None,
    *,
    vocabulary: Vocabulary | frozenset[str] | None = None,
) -> Identity:
    """Read who a document is about from the document itself (see the module docstring).

    The name line is the best-ranked candidate of ``report.name_finder`` (an e-mail local part
    or profile link corroborating it first). Words of e-mail local parts and profile links that
    are not ordinary words are name words too, as are top-line words hidden in them ("Wexford"
    in ``twexford@``); file-name words are, when an e-mail or link has them as well, or when no
    name line was found or only a guess from below the first lines ("account_manager_cv.pdf"
    names a job, not a person).
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
    every_line = [line for line in text.splitlines() if line.strip()]
    # Letter-spaced words whose gaps the parser closed ("J A N E D O E") are split by the
    # words the document writes apart ("Jane", "DOE") or its e-mails' words; a run no such
    # words split is one name word when it opens the document.
    known = {fold(w) for w in LETTERS.findall(text) if len(w) >= 2 and not w.islower()}
    known |= {p for email in EMAIL.findall(text) for p in _word_parts(email.split("@")[0])}
    spaced: set[str] = set()
    lines = [
        _SPACED_LINE.sub(partial(_unspace, known=known, unsplit=spaced if i == 0 else None), line)
        if i < rules.scan_lines
        else line
        for i, line in enumerate(every_line)
    ]
    # The first lines, and the closing ones (a header box read after the body, a signature).
    top = lines[: rules.top_lines] + lines[rules.closing_start(len(lines)) :]

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
    for written in OBFUSCATED_EMAIL.findall(text):  # "jdoe at example dot com"
        raw_clues.update(_word_parts(_OBFUSCATED_AT.split(written)[0]))
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
    raw_clues |= _personal_sites(lines, words, rules.scan_lines)
    raw_clues = {t for t in raw_clues if len(t) >= 3 and t not in words.plain}
    clues = {t for t in raw_clues if t not in words.skills}
    file_tokens = {t for t in _word_parts(Path(resume.source).stem) if len(t) >= 2}
    file_tokens -= words.every

    name = find_name_line(lines, rules, words, raw_clues, file_tokens)
    name_words = name.words
    top_words = {
        fold(w) for line in top for w in LETTERS.findall(line) if w[0].isupper() or w.isupper()
    }
    for line in top:
        segments = SEPARATORS.split(line.strip())
        # Only a contact line (one with an address, number or link in it) holds bare handles.
        if not any(EMAIL.search(s) or URL.search(s) or DOMAIN.search(s) or is_phone(s)
                   for s in segments):  # fmt: skip
            continue
        for segment in segments:
            if _HANDLE_SEGMENT.match(segment) and _looks_like_handle(segment, words.every):
                literals[segment] = "handle"

    tokens = set(name_words) | set(name.runners_up) | clues
    tokens |= {w for w in spaced if not _joined_from(w, words.plain) and w not in words.every}
    tokens |= _ideographic_forms(name_words)
    # A capitalised top-line word hidden in a local part or slug ("Wexford" in "twexford").
    tokens |= {
        w for w in top_words - words.every
        if len(w) >= 4 and any(w in clue and w != clue for clue in raw_clues)
    }  # fmt: skip
    # With a name line, file-name words are name words where an e-mail or a link has them too;
    # without one, or with only a guess from below the first lines, the uncommon ones are too.
    tokens |= {t for t in file_tokens if t in clues or not name.confident}
    # A file-name word the document writes as a word is the name or a handle, wherever it is.
    tokens |= (file_tokens - words.dictionary) & {
        fold(w) for w in LETTERS.findall(text) if len(w) >= 3
    }
    # A name word an e-mail or a link confirms anchors the written name wherever it stands: the
    # capitalised word beside it is a name word too ("a reference from Will Okafor's manager",
    # "OKAFOR, Will"), found even where the name line was not ranked first.
    anchors = {t for t in tokens if t in clues and t not in words.every and len(t) >= 3}
    tokens |= _beside_anchors(text, anchors, words, rules)
    tokens = {t for t in tokens if (len(t) >= 2 or caseless(t)) and t not in rules.honorifics}
    tokens -= rules.particles
    # A document title written on the name line ("JANE DOE RESUME") is not a name word.
    tokens -= rules.document_words
    ordinary = words.every | rules.word_names | rules.date_words
    # Fail-safe: a name the finder ranked wrong must not leak. The first lines' words that no
    # vocabulary or dictionary knows are masked too: written in lower case (a handle, "jdoe42")
    # in any case, capitalised ones where written as a name (a posting's lone "Acme" stays).
    # With a name an e-mail or a link confirms, there is no wrong ranking to guard against.
    unknown, unknown_capitalised = (
        (set(), set())
        if name.corroborated
        else _zone_words(_zone(lines, name.line, rules), words, rules)
    )
    # A one-character word of a caseless script (the surname in "李 小龙") is masked only where
    # written as a word of its own, never inside a longer run of characters.
    ordinary |= {t for t in tokens if len(t) == 1}
    return Identity(
        pseudonym=pseudonym_text or pseudonym(hashlib.sha256(text.encode("utf-8")).hexdigest()),
        name_tokens=frozenset(t for t in tokens | unknown if t not in ordinary),
        capitalised_tokens=frozenset(
            {t for t in tokens if t in ordinary} | (unknown_capitalised - tokens - unknown)
        ),
        literals=tuple(sorted(literals.items(), key=lambda item: (-len(item[0]), item[0]))),
        source=resume.source if resume.source != "<text>" else "",
    )


def path_identity(path: str, pseudonym_text: str) -> Identity:
    """What a path alone says about a person: its file name and the folder holding it.

    Used where no document text is at hand (a batch row, an error message): the path and its
    file name become the pseudonym, and a file stem or folder name of two words or more
    ("Jane_Doe_CV", "inbox/Jane Doe/cv.pdf") is masked wherever it is repeated, and so is each
    of its words that is not an ordinary word ("Doe's file is encrypted"). A one-word stem
    ("corrupt.pdf") is left, so an error message keeps its own words.
    """
    named = [
        part
        for part in (Path(path).parent.name, Path(path).stem)
        if len(_CAMEL.findall(part) if part.isalpha() else LETTERS.findall(part)) >= 2
    ]
    tokens: set[str] = set()
    if named:
        rules = load_rules()
        ordinary = vocabulary().every | rules.not_name | rules.document_words | rules.date_words
        tokens = {t for part in named for t in _word_parts(part) if len(t) >= 3} - ordinary
    word_like = load_rules().word_names if tokens else frozenset()
    literals = {part: "name" for part in named}
    return Identity(
        pseudonym=pseudonym_text,
        name_tokens=frozenset(tokens - word_like),
        capitalised_tokens=frozenset(tokens & word_like),
        literals=tuple(sorted(literals.items(), key=lambda item: (-len(item[0]), item[0]))),
        source=path,
    )


# What may stand between two words of a written name: a space, or a comma and a space after the
# surname ("OKAFOR, Will").
_NAME_JOIN = re.compile(r"[ \t]{1,2}|,[ \t]{1,2}")


def _beside_anchors(
    text: str, anchors: set[str], words: Vocabulary, rules: RedactionRules
) -> set[str]:
    """Folded capitalised words written right beside an anchor name word, on its line.

    The word must look like a name word: letters only, capitalised or in capitals, no stop,
    heading, title or document word, no honorific, no English word unless a known name that is
    one (``word_names``: "Will", "Grace"; "Associate Okafor" is a title); a word-like name word
    or a skill name is masked only where written as a name.
    """
    if not anchors:
        return set()
    found: set[str] = set()
    matches = list(LETTERS.finditer(text))
    for index, match in enumerate(matches):
        word = match[0]
        if fold(word) not in anchors or not (word[0].isupper()):
            continue
        for other in (index - 1, index + 1):
            if not 0 <= other < len(matches):
                continue
            near = matches[other]
            left, right = sorted((match, near), key=lambda m: m.start())
            gap = text[left.end() : right.start()]
            if not _NAME_JOIN.fullmatch(gap):
                continue
            # "OKAFOR, Will" is a name turned round; "Okafor, Mel Stanfill" begins another's.
            if "," in gap and (near is left or _starts_name(text, matches, other)):
                continue
            written = near[0]
            folded = fold(written)
            if (
                len(written) >= 2
                and written.isalpha()
                and (written.istitle() or written.isupper())
                and folded not in anchors
                and folded not in words.plain
                and folded not in rules.honorifics
                and folded not in rules.document_words
                and (folded not in words.dictionary or folded in rules.word_names)
            ):
                found.add(folded)
    return found


def _starts_name(text: str, matches: list[re.Match[str]], index: int) -> bool:
    """True when a capitalised word follows word ``index`` across a space: "Mel Stanfill"."""
    if index + 1 >= len(matches):
        return False
    after = matches[index + 1]
    gap = text[matches[index].end() : after.start()]
    return gap in {" ", "  "} and after[0][0].isupper()


# The separators of a line's pieces but the comma: "Durban, South Africa" is one piece, a place.
_PIECES = re.compile(r"\s*(?:[|•·;/–—]|\s-\s|\t|\s{3,})\s*")


def _zone(lines: list[str], name_line: int, rules: RedactionRules) -> list[str]:
    """The first and the closing ``top_lines`` lines, and as many from the name's line.

    Below a side column read first, the name's own block (its handles, its town) is there.
    """
    size, tail = rules.top_lines, rules.closing_start(len(lines))
    zone = lines[:size] + lines[tail:]
    if size <= name_line < tail:
        zone += lines[name_line : name_line + size]
    return zone


def _zone_words(
    top: list[str], words: Vocabulary, rules: RedactionRules
) -> tuple[set[str], set[str]]:
    """Words of the first lines no word list knows: (handles in lower case, capitalised words).

    Read segment by segment (separators and commas): e-mail addresses and links are left out
    (their parts are read as clues), and so are a place ("Leeds, England": a segment with a place
    word), prose (a segment of more than ``max_words`` + 3 words) and words of three letters or
    fewer, months and document words ("CV"). A lower-case word counts only in a segment of one
    or two words, as a handle is written ("jdoe42"): a sentence's words are not a handle.
    """
    lower: set[str] = set()
    capitalised: set[str] = set()
    for line in top:
        for pattern in (EMAIL, URL, DOMAIN):
            line = pattern.sub(" | ", line)
        for segment in _PIECES.split(line):
            if any(fold(w) in rules.place_words for w in LETTERS.findall(segment)):
                continue
            for part in SEPARATORS.split(segment):
                found = LETTERS.findall(part)
                folded = [fold(w) for w in found]
                if len(found) > rules.max_words + 3:
                    continue
                for word, key in zip(found, folded, strict=True):
                    if (
                        len(key) < 4
                        or key in words.every
                        or key in words.dictionary
                        or key in rules.date_words
                        or key in rules.document_words
                    ):
                        continue
                    if not word.islower():
                        capitalised.add(key)
                    elif len(found) <= 2:
                        lower.add(key)
    return lower, capitalised


def _personal_sites(lines: list[str], words: Vocabulary, scan_lines: int) -> set[str]:
    """Folded words of a personal site's name ("janedoe.dev", "www.jane-doe.com", no path).

    Read only from the first line, the contact lines (an e-mail address, a phone number or a
    profile link on the line) and lines that are a link alone, among the first ``scan_lines``:
    a company's, a project's or a paper's site in a sentence names no person.
    """
    parts: set[str] = set()
    for index, line in enumerate(lines[:scan_lines]):
        contact = EMAIL.search(line) or _PROFILE_SLUG.search(line)
        alone = DOMAIN.fullmatch(line.strip()) or URL.fullmatch(line.strip())
        if index and not (contact or alone or any(is_phone(m[0]) for m in PHONE.finditer(line))):
            continue
        for site in URL.findall(line) + DOMAIN.findall(line):
            host, _, path = re.sub(r"^(?:[a-z]+://)?(?:www\.)?", "", site.lower()).partition("/")
            # A path names a page of a site ("cnblogs.com/jdoe"): the host is a platform.
            if _PLATFORM.search("." + host) or host.count(".") != 1 or path.strip("/"):
                continue
            found = _word_parts(host.split(".")[0])
            if found and not all(p in words.every for p in found):
                parts |= found
    return parts


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
    return Vocabulary(frozenset(plain - rules.date_words), dictionary=dictionary())


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
