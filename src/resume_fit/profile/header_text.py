"""Reading an entry's header text: its parts, and which part is the title, which the employer.

A position's header ("Senior Data Scientist | Kestrel Systems | Leeds, UK") is split into parts at
separators; places ("New York, NY", "Remote") and a technology stack after a colon are dropped;
a legal-form suffix ("Inc", "LLP") rejoins its organisation. The title is the part with a title
word (``[titles].cues``), the employer a part with an organisation word or the next one; a title
and employer written with no separator ("Data Analyst Kestrel Systems") are split where the
words change. The word lists come from ``[titles]`` in the profile cues (``cue_words``).
Which lines make up the header is ``header_block.py``'s question.
"""

from __future__ import annotations

import re
from functools import lru_cache

from resume_fit.profile.cues import load_cues

_PART_SPLIT = re.compile(r"\s*(?:\||•|·|,|;|\t|\s[-–—]\s|\s@\s|\s{3,}|\bat\b)\s*")
# A colon that ends a name of two or more words ("Harlow Analytics: Senior Data Scientist").
_NAME_COLON = re.compile(r"(?P<name>[^\W\d_][^|:;,\t]*\s[^|:;,\t]*[^\W\d_]):\s")
_STRONG_SEPARATOR = re.compile(r"\||•|·|\t|\s[-–—]\s|\s@\s|\s{3,}")
EDGE_PUNCTUATION = " \t.,;:()[]|–—-"
_STATE = re.compile(r"[A-Z]{2}")
# The number of an entry in a numbered list ("1. Data Analyst, Kestrel Systems").
_ENUMERATOR = re.compile(r"^\s*\d{1,2}[.)]\s+")
# A list after a colon that ends a header line ("Frontend Lead: TypeScript, Angular, rxjs").
_STACK_LIST = re.compile(r":\s+(?P<items>[^:|\n]*(?:,[^,:|\n]*){2,})$")
# Words that follow a field word in a title ("Data Science", "Machine Learning"): never an employer.
_FIELD_NOUNS = ("science", "learning", "engineering", "intelligence", "vision", "language")
# A grade after a title's noun: "Engineer II", "Scientist 3".
GRADE = re.compile(r"(?:I{1,3}|IV|V|[1-5])")
_PLACE_TAIL = re.compile(
    r"(?:[A-Z]{2,3}|[A-Z]\.\s?[A-Z][a-z]+|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?)(?:\s?&.*)?"
)


@lru_cache(maxsize=1)
def cue_words() -> dict[str, frozenset[str]]:
    """The ``[titles]`` and seniority word lists as lower-cased sets, by use (``"titles"``,
    ``"organisations"``, ``"unpaid"``, ``"schools"``, ``"not_jobs"``, ...)."""
    # Built once instead of on every header line.
    titles = load_cues()["titles"]
    title_cues = frozenset(c.lower() for c in titles["cues"])
    org_cues = frozenset(c.lower() for c in titles["organisation_cues"])
    seniority = load_cues()["seniority"]
    return {
        "titles": title_cues,
        "organisations": org_cues,
        "roles": title_cues | org_cues,
        "locations": frozenset(w.lower() for w in titles.get("location_words", [])),
        "teams": frozenset(w.lower() for w in titles.get("team_words", [])),
        "unpaid": frozenset(w.lower() for w in titles.get("unpaid_headings", [])),
        "suffixes": frozenset(w.lower() for w in titles.get("organisation_suffixes", [])),
        "levels": frozenset(
            w.lower()
            for w in (*seniority["senior"], *seniority["lead"], "junior", "jr")
            if " " not in w
        ),
        # Single words of the field's title vocabulary ("data", "science", "learning").
        "field": frozenset(
            w
            for phrase in (*load_cues().get("field", {}).get("modifier_words", []), *_FIELD_NOUNS)
            for w in phrase.lower().split()
        ),
        "schools": frozenset(w.lower() for w in titles.get("school_words", [])),
        "not_jobs": frozenset(
            w.lower()
            for w in (*titles.get("not_job_words", []), *titles.get("education_words", []))
        ),
    }


def is_location(text: str) -> bool:
    """True for a place, neither title nor employer: "New York, NY", "Seoul, S.Korea", "London,
    UK", "Remote"."""
    text = text.strip(" |()[]-–—")
    words = word_set(text)
    cues = cue_words()
    if words & cues["locations"]:
        return len(text.split()) <= 4
    if "," not in text or len(text.split()) > 6:
        return False
    if words & cues["roles"]:
        return False
    last = text.rsplit(",", 1)[1].strip()
    return bool(_PLACE_TAIL.fullmatch(last))


_REGION_CODE = re.compile(r"[A-Z]{2,3}")


def name_before_place(line: str) -> str:
    """The name in a "Name, City" line that ``split_parts`` reads as a place only ("Harlow
    Analytics, Leeds" -> "Harlow Analytics"), or ``""``. A line ending in a region code ("San
    Diego, CA") or a location word ("Remote"), with a title word, or not a single comma is no
    such line. Only a block that names no other employer asks (a bare "Mountain View,
    California" cannot be told from an employer and its city)."""
    text = line.strip()
    if text.count(",") != 1 or _STRONG_SEPARATOR.search(text) or not is_location(text):
        return ""
    name, place = (t.strip() for t in text.split(","))
    if _REGION_CODE.fullmatch(place) or word_set(text) & cue_words()["roles"]:
        return ""
    if word_set(place) & cue_words()["locations"] or is_location(name):
        return ""
    return name


def _balanced(part: str) -> str:
    return part + ")" if part.count("(") > part.count(")") else part


def split_parts(text: str) -> list[str]:
    """The title, organisation or other parts of a header line, places and a stack list left
    out; empty for a line that is a place only."""
    if not _STRONG_SEPARATOR.search(text) and is_location(text):
        # "San Diego, CA" as a whole line; with "Acme Ltd — Pune, India" each part is checked.
        return []
    text = _without_stack(_ENUMERATOR.sub("", text))
    # After one word a colon ends a label ("Client: Westfield Bank", "Role: Data Scientist"), a
    # part of its own is not split off; after a name it separates the name from the title.
    text = _NAME_COLON.sub(lambda m: m["name"] + " | ", text)
    parts = [_balanced(p.strip(" ()[]:-–—|,")) for p in _PART_SPLIT.split(text)]
    parts = _join_suffixes([_without_lead_in(p) for p in parts if len(p) > 1])
    # Two capitals are a state or country code ("TX", "UK"), unless they name the title's field
    # ("Software Engineer - ML", "Analyst - AI").
    return [p for p in parts if (not _STATE.fullmatch(p) or _field_only(p)) and not is_location(p)]


@lru_cache(maxsize=1)
def _lead_in() -> re.Pattern[str]:
    """A prose lead-in before a title and its trailing preposition ("Working as ... from")."""
    phrases = sorted(load_cues()["titles"].get("lead_ins", []), key=len, reverse=True)
    if not phrases:
        return re.compile(r"(?!)")
    alternatives = "|".join(re.escape(p) for p in phrases)
    return re.compile(
        rf"^(?:{alternatives})\s+(?:an?\s+)?(?P<title>.+?)(?:\s+(?:from|since))?$", re.I
    )


def _without_lead_in(part: str) -> str:
    """The part without a prose lead-in: "Working as Machine Learning Engineer from" is the
    title "Machine Learning Engineer"."""
    found = _lead_in().match(part)
    return found["title"] if found else part


def _without_stack(text: str) -> str:
    # "Frontend Lead: TypeScript, Angular, rxjs": after a title, a list of three or more items
    # none of which is a title is the entry's technology stack, neither title nor employer.
    # ("Feb 2019: Analytical Lead, Medicines Team, NHS" keeps its list: no title before it.)
    match = _STACK_LIST.search(text)
    if match is None or not word_set(text[: match.start()]) & cue_words()["titles"]:
        return text
    if any(word_set(item) & cue_words()["titles"] for item in match["items"].split(",")):
        return text
    return text[: match.start()]


def _join_suffixes(parts: list[str]) -> list[str]:
    # "Quora, Inc" and "Ernst & Young, LLP Staff": a legal-form suffix split off by the comma
    # belongs to the organisation before it, not to a part of its own or to the title after it.
    suffixes = cue_words()["suffixes"]
    joined: list[str] = []
    for part in parts:
        first, _, rest = part.partition(" ")
        if joined and first.lower().rstrip(".") in suffixes:
            joined[-1] = f"{joined[-1]}, {first}"
            part = rest.strip()
        if part:
            joined.append(part)
    return joined


def word_set(text: str) -> set[str]:
    """The lower-cased words of ``text``."""
    return set(re.findall(r"[a-z][a-z.\-]*", text.lower()))


def is_title(part: str) -> bool:
    """A part that reads as a job title: it has a title word, and no organisation word unless a
    title word ends it ("Systems Engineer" is a title, "Acme Research Labs" an organisation)."""
    cues = cue_words()
    words = word_set(part)
    if not words & cues["titles"]:
        return False
    if not words & cues["organisations"]:
        return True
    last = re.findall(r"[a-z][a-z.\-]*", part.lower())
    return bool(last) and last[-1] in cues["titles"]


def _title_then_employer(part: str) -> tuple[str, str] | None:
    """``("Data Analyst", "Kestrel Systems")`` from "Data Analyst Kestrel Systems": a title and
    its employer written with no separator, read when the words after the part's last title word
    are all capitalised (a name) and none is a title word; None otherwise."""
    words = part.split()
    cues = cue_words()["titles"]
    last = max(
        (i for i, w in enumerate(words) if w.lower().strip(EDGE_PUNCTUATION) in cues), default=-1
    )
    rest = words[last + 1 :]
    if last < 0 or not rest or not all(w[:1].isupper() for w in rest):
        return None
    if all(GRADE.fullmatch(w) for w in rest):
        return None  # "Software Engineer II": a level, not an employer
    return " ".join(words[: last + 1]), " ".join(rest)


def _employer_then_title(part: str) -> tuple[str, str] | None:
    """``("Data Analyst", "Kestrel Systems")`` from "Kestrel Systems Data Analyst": an employer and
    then a title with no separator. The title starts after an organisation word ("Systems",
    "Corp") or at a level word ("Senior", "Lead"), when the part ends with a title word and the
    words before hold no title or level word (so "Senior Systems Engineer" stays whole); None
    otherwise."""
    words = part.split()
    lowered = [w.lower().strip(EDGE_PUNCTUATION) for w in words]
    cues = cue_words()
    if len(words) < 3 or lowered[-1] not in cues["titles"]:
        return None
    for cut in range(1, len(words) - 1):
        before = set(lowered[:cut])
        if before & (cues["titles"] | cues["levels"]) or not all(
            w[:1].isupper() for w in words[:cut]
        ):
            return None
        if not words[cut][:1].isupper():
            continue  # "Bank of Leeds Analyst": "of Leeds Analyst" is no title
        if lowered[cut - 1] in cues["organisations"] or (
            lowered[cut] in cues["levels"] and not before & cues["field"]
        ):
            # A level word after field words is inside the title ("Data Science Lead Engineer").
            return " ".join(words[cut:]), " ".join(words[:cut])
    return None


def _field_only(part: str) -> bool:
    """A part whose words are all field words ("Data Science", "Machine Learning", "AI"), or
    field words with a team's noun ("ML Infrastructure", "AI Platform")."""
    words = word_set(part)
    cues = cue_words()
    return bool(words & cues["field"]) and words <= cues["field"] | cues["teams"]


def split_title(parts: list[str]) -> tuple[str, str]:
    """The title and the organisation among a header's parts (``""`` for one not found).

    A part of field words only right after the title is the title's field, not an employer:
    "Analyst - Data Science, Insight Health" is the title "Analyst, Data Science".
    """
    org_cues = cue_words()["organisations"]
    title = next((p for p in parts if is_title(p)), "")
    if len(parts) == 1:
        split = _title_then_employer(parts[0]) or _employer_then_title(parts[0])
        if split is not None and is_title(split[0]):
            return split
    at = parts.index(title) if title else -1
    if 0 <= at < len(parts) - 1 and _field_only(parts[at + 1]):
        parts = [*parts[:at], f"{title}, {parts[at + 1]}", *parts[at + 2 :]]
        title = parts[at]
    rest = [p for p in parts if p != title]
    organisation = next((p for p in rest if word_set(p) & org_cues), rest[0] if rest else "")
    if not title and rest and organisation != rest[0]:
        title = rest[0]
    return title, organisation
