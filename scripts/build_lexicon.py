#!/usr/bin/env python
"""Build ``lexicons/skills.jsonl`` from the shared taxonomies and the hand-curated tables.

Usage::

    python scripts/build_lexicon.py [--shared ../shared] [--curated lexicons/curated]
        [--out lexicons/skills.jsonl] [--common-words /usr/share/dict/words]

Sources, in order of authority (an earlier source wins, a later one that names the same thing
only adds its citation):

1. ``lexicons/curated/*.toml``: the skills that matter, defined precisely (ids, aliases,
   parents, ambiguity), each citing the seed article or taxonomy code that names it.
2. Linguist ``languages.yml``: programming languages (``linguist:<name>``).
3. github/explore ``topics.jsonl``: technology topics and their aliases (``topic:<slug>``).
4. ESCO digital skills, read for the occupations in ``overrides.toml`` (``esco:<conceptUri>``);
   the ESCO research and transversal collections and the Tabiya skill labels only add citations.
5. O*NET ``Technology Skills.txt`` for the occupations and commodities in ``overrides.toml``
   (``onet:<commodity code>``), with vendor-style names normalised.

Taxonomy alternative labels are never taken blindly: an alias is kept only when it is a spelling
variant of the name, an acronym of it, or allowed by name in ``overrides.toml``. The output is
sorted by id and byte-identical across runs. The default shared folder is ``$RESUME_FIT_SHARED``
or ``../shared`` beside the repository.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from pathlib import Path

from resume_fit.lexicon import CATEGORIES, parse_lexicon

# A script, not package code: the repository is the folder above scripts/.
REPO = Path(__file__).resolve().parent.parent

_VERSION = re.compile(r"\s+v?\d+(?:\.\d+)+[a-z]?$|\s+\d+(?:\.x)+$|\s+v\d+$", re.IGNORECASE)
_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")


class BuildError(Exception):
    """A bad curated or taxonomy file; the message names the file and the entry."""

    def __init__(self, where: object, reason: str) -> None:
        super().__init__(f"{where}: {reason}")


def key(text: str) -> str:
    """Case-, space- and punctuation-insensitive form used to tell two labels are the same thing.

    ``+`` and ``#`` are kept so that C, C++ and C# stay apart.
    """
    text = text.casefold().replace("&", " and ")
    return re.sub(r"[\s\-_./,:;'’()\[\]!?\"]+", "", text)


def strip_version(name: str) -> str:
    """Drop a trailing version ("Python 3.10", "TensorFlow 2.x") from a taxonomy label."""
    stripped = _VERSION.sub("", name).strip()
    return stripped or name


def initials(name: str) -> str:
    """First letters of the words ("Beginner's All-purpose Symbolic ... Code" -> "BASIC")."""
    words = [re.sub(r"[^A-Za-z0-9]", "", w) for w in name.split()]
    return "".join(
        w[0] for w in words if w and w.casefold() not in {"of", "and", "for", "the", "to"}
    )


def is_variant(alias: str, name: str) -> bool:
    """True when ``alias`` is the same name written differently, or its acronym (3+ letters)."""
    alias_key, name_key = key(alias), key(name)
    if not alias_key or alias_key.isdigit():
        return False
    if alias_key == name_key:
        return True
    if alias_key in {name_key + suffix for suffix in ("js", "lang", "language", "db")}:
        return True
    acronym = initials(name).casefold()
    return len(alias_key) >= 3 and len(acronym) >= 3 and alias_key == acronym


class Candidate:
    """One skill as a taxonomy names it, before it is merged into the lexicon."""

    def __init__(
        self,
        name: str,
        category: str,
        sources: list[str],
        *,
        aliases: list[str] | None = None,
        parents: list[str] | None = None,
        context: list[str] | None = None,
        also: list[str] | None = None,
        create: bool = True,
        match_aliases: bool = True,
        offer: bool = True,
    ) -> None:
        self.name = name
        self.category = category
        self.sources = sources
        seen = {name.casefold()}
        self.aliases = []
        for alias in aliases or []:
            if alias.casefold() not in seen:
                seen.add(alias.casefold())
                self.aliases.append(alias)
        self.parents = parents or []
        self.context = context or []
        self.also = (
            also or []
        )  # further labels that identify an existing skill, never added as aliases
        self.create = create
        self.match_aliases = match_aliases  # False when an alias is too short to identify a skill
        # Whether its forms go into the common-word review, whatever ``create`` says (``create``
        # itself depends on that list, so the list must not depend on it).
        self.offer = offer

    def match_forms(self) -> list[str]:
        return [self.name, *(self.aliases if self.match_aliases else []), *self.also]


class Settings:
    """The knobs in ``curated/overrides.toml`` (every key optional) plus the common-word list."""

    def __init__(self, table: dict, common_words: set[str]) -> None:
        exclude = table.get("exclude", {})
        self.exclude_names = {key(n) for n in exclude.get("names", [])}
        self.exclude_topics = set(exclude.get("topics", []))
        self.topic_words = [w.casefold() for w in exclude.get("topic_description_words", [])]
        onet = table.get("onet", {})
        self.onet_occupations = tuple(onet.get("occupations", ["15-"]))
        self.onet_commodities = {str(k): v for k, v in onet.get("commodities", {}).items()}
        self.onet_parents = {str(k): v for k, v in onet.get("parents", {}).items()}
        self.onet_max_words = int(onet.get("max_words", 6))
        norm = table.get("normalise", {})
        self.vendors = sorted(norm.get("vendors", []), key=lambda v: (-len(v), v))
        self.suffixes = sorted(norm.get("generic_suffixes", []), key=lambda s: (-len(s), s))
        self.verbs = sorted(norm.get("verbs", []), key=lambda v: (-len(v), v))
        self.company_words = list(norm.get("company_words", []))
        self.trailing_words = set(norm.get("trailing_words", []))
        esco = table.get("esco", {})
        self.esco_occupations = tuple(str(c) for c in esco.get("occupations", []))
        self.esco_max_words = int(esco.get("max_words", 4))
        self.esco_min_occupations = int(esco.get("min_occupations", 1))
        self.esco_alias_allow = {(key(a), key(b)) for a, b in esco.get("alias_allow", [])}
        self.esco_exclude = {key(n) for n in esco.get("exclude", [])}
        self.esco_exclude_patterns = [
            re.compile(p, re.IGNORECASE) for p in esco.get("exclude_patterns", [])
        ]
        self.esco_min_concept_occupations = int(esco.get("min_concept_occupations", 1))
        linguist = table.get("linguist", {})
        self.linguist_types = set(linguist.get("types", ["programming"]))
        self.linguist_extra = set(linguist.get("extra", []))
        self.linguist_exclude = set(linguist.get("exclude", []))
        ambiguity = table.get("ambiguity", {})
        self.max_short = int(ambiguity.get("max_short_length", 2))
        self.common_words_file = ambiguity.get("common_words_file", "common_words.txt")
        self.person_names = {n.casefold() for n in ambiguity.get("person_names", [])}
        self.person_names |= {w.casefold() for w in ambiguity.get("extra_words", [])}
        self.category_context = {k: list(v) for k, v in ambiguity.get("context", {}).items()}
        self.generic_context = {w.casefold() for w in ambiguity.get("generic_context", [])}
        self.generic_context_categories = set(ambiguity.get("generic_context_categories", []))
        self.common_words = common_words

    @classmethod
    def load(cls, curated: Path) -> Settings:
        import tomllib

        path = curated / "overrides.toml"
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        except tomllib.TOMLDecodeError as error:
            raise BuildError(path, f"not valid TOML ({error})") from error
        words_file = curated / table.get("ambiguity", {}).get(
            "common_words_file", "common_words.txt"
        )
        words: set[str] = set()
        if words_file.exists():
            for line in words_file.read_text(encoding="utf-8").splitlines():
                if line.strip() and not line.startswith("#"):
                    words.add(line.strip().casefold())
        return cls(table, words)

    def excluded(self, name: str) -> bool:
        name_key = key(name)
        return len(name_key) < 1 or name_key.isdigit() or name_key in self.exclude_names

    def common(self, word: str) -> bool:
        return word.casefold().strip(".") in self.common_words

    def ambiguous_form(self, form: str, multiword: bool) -> bool:
        """True when ordinary English prose could produce ``form`` (see overrides.toml)."""
        tokens = form.split()
        if len(tokens) == 1:
            folded = form.casefold()
            return (
                len(key(form)) <= self.max_short or self.common(form) or folded in self.person_names
            )
        # A phrase of ordinary words written like a phrase ("Low code", "web app"); a capitalised
        # name ("Visual Studio Code", "Apple Keynote") is specific enough as written.
        phrase = all(t[:1].islower() or not t[:1].isalpha() for t in tokens[1:])
        return multiword and phrase and len(tokens) <= 3 and all(self.common(t) for t in tokens)

    def specific(self, name: str) -> bool:
        """A name specific enough to stand alone (not a common word, not generic)."""
        name_key = key(name)
        if len(name_key) < 3 or self.excluded(name):
            return False
        return not all(self.common(word) for word in name.split())

    def strip_suffix(self, name: str) -> str:
        for suffix in self.suffixes:
            if name.casefold().endswith(" " + suffix) and len(name) > len(suffix) + 1:
                return name[: -len(suffix) - 1].strip()
        return name

    def strip_vendor(self, name: str) -> str:
        """ "Microsoft Excel" -> "Excel"; a name with no known vendor is returned as is."""
        for vendor in self.vendors:
            if name.startswith(vendor + " "):
                rest = name[len(vendor) + 1 :].strip()
                for word in self.company_words:
                    if rest.startswith(word + " "):
                        rest = rest[len(word) + 1 :].strip()
                return rest
        return name

    def strip_verb(self, label: str) -> str:
        for verb in self.verbs:
            if label.casefold().startswith(verb + " "):
                return label[len(verb) + 1 :].strip()
        return label

    def write_common_words(self, curated: Path, dictionary: Path, forms: set[str]) -> None:
        """Regenerate the common-word list: words of skill forms that are dictionary words.

        ``forms`` holds every name and alias any source offered, kept or not, so that the
        list does not depend on which candidates the previous list let through.
        """
        words = {
            w
            for w in dictionary.read_text(encoding="utf-8", errors="replace").split()
            if w.islower()
        }
        tokens = {token.casefold() for form in forms for token in form.split()}
        found = sorted(tokens & words)
        header = (
            "# Skill-name words that ordinary English prose also uses: a skill form made only\n"
            "# of them needs corroboration. Generated by `build_lexicon.py --common-words DICT`\n"
            "# (the lower-case words of a word list, e.g. Debian's wamerican, that some skill\n"
            "# form uses); review the diff by hand.\n"
        )
        (curated / self.common_words_file).write_text(
            header + "\n".join(found) + "\n", encoding="utf-8"
        )
        self.common_words = set(found)


def _split_labels(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n| \| ", text or "") if p.strip()]


def _yaml_scalar(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def read_linguist(path: Path, settings: Settings) -> list[Candidate]:
    """Programming languages (and a few data/markup languages) from Linguist's languages.yml.

    The file is read line by line: only top-level names and their ``type``, ``group`` and
    ``aliases`` fields are needed, so no YAML library is required.
    """
    if not path.exists():
        return []
    languages: dict[str, dict] = {}
    current: dict | None = None
    field = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.lstrip().startswith("#") or line == "---":
            continue
        if not line.startswith(" "):
            current = languages.setdefault(_yaml_scalar(line.rstrip().rstrip(":")), {})
            field = None
        elif current is not None and (match := re.match(r"^  ([a-z_]+):\s*(.*)$", line)):
            field, value = match.group(1), match.group(2)
            current[field] = _yaml_scalar(value) if value else []
        elif (
            current is not None
            and field
            and line.startswith("  - ")
            and isinstance(current.get(field), list)
        ):
            current[field].append(_yaml_scalar(line[4:]))
    found = []
    for name in sorted(languages):
        info = languages[name]
        extra = name in settings.linguist_extra
        wanted = info.get("type") in settings.linguist_types and "group" not in info
        if name in settings.linguist_exclude or not (wanted or extra):
            continue
        display = strip_version(name)
        aliases = [
            a for a in info.get("aliases", []) if isinstance(a, str) and is_variant(a, display)
        ]
        found.append(Candidate(display, "language", [f"linguist:{name}"], aliases=aliases))
    return found


_TOPIC_CATEGORIES = (
    (
        re.compile(
            r"programming language|scripting language|query language|markup language"
            r"|\bis a (?:[\w-]+ ){0,4}language\b"
        ),
        "language",
    ),
    (re.compile(r"\bdatabase\b|\bdata store\b|key-value store"), "database"),
    (re.compile(r"\blibrary\b|\bframework\b|\btoolkit\b|\bsdk\b"), "library"),
    (
        re.compile(
            r"\bcloud\b|\boperating system\b|\bplatform\b|\bservice\b|\blinux distribution\b"
        ),
        "platform",
    ),
    (re.compile(r"\bis the study of\b|\bfield of\b|\bbranch of\b|\bscience\b"), "field"),
)


def _topic_category(display: str, description: str) -> str:
    text = description.casefold()
    for pattern, category in _TOPIC_CATEGORIES:
        if pattern.search(text):
            return category
    if display[:1].isupper() and display[1:] == display[1:].lower() and " " in display:
        return "method"  # "Data visualization", "Deep learning": a practice, not a product
    return "tool"


def read_topics(path: Path, settings: Settings) -> list[Candidate]:
    """Technology topics from github/explore, with the aliases that are spelling variants."""
    import json

    if not path.exists():
        return []
    found = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            topic = json.loads(line)
        except json.JSONDecodeError as error:
            raise BuildError(f"{path}:{number}", f"not valid JSON ({error.msg})") from error
        slug_ = topic.get("topic", "")
        description = (topic.get("short_description") or "").casefold()
        if slug_ in settings.exclude_topics or any(w in description for w in settings.topic_words):
            continue
        display = _PAREN.sub(" ", topic.get("display_name") or slug_).strip().rstrip(".")
        display = strip_version(display or slug_)
        aliases = [a.replace("-", " ") for a in topic.get("aliases", [])]
        aliases = [a for a in aliases if is_variant(a, display) and not settings.excluded(a)]
        related = [r.replace("-", " ") for r in topic.get("related", [])[:8]]
        found.append(
            Candidate(
                display,
                _topic_category(display, description),
                [f"topic:{slug_}"],
                aliases=aliases,
                context=related,
                also=[slug_.replace("-", " ")],
            )
        )
    return found


def _relevant_esco_labels(taxonomy: Path, settings: Settings) -> dict[str, int] | None:
    """How many relevant ESCO occupations name each skill label; None when unknown."""
    path = taxonomy / "esco-1.2.0" / "esco_occupation_profiles.parquet"
    if not path.exists() or not settings.esco_occupations:
        return None
    import pandas as pd

    frame = pd.read_parquet(path, columns=["isco_code", "essential_skills", "optional_skills"])
    counts: dict[str, int] = {}
    for row in frame.itertuples(index=False):
        if not str(row.isco_code).startswith(settings.esco_occupations):
            continue
        named = set()
        for skills in (row.essential_skills, row.optional_skills):
            named.update(skills if skills is not None else [])
        for label in named:
            counts[label] = counts.get(label, 0) + 1
    return counts


def _esco_rows(path: Path) -> list[dict[str, str]]:
    import csv

    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return sorted(csv.DictReader(handle), key=lambda r: r.get("conceptUri", ""))


def read_esco(taxonomy: Path, settings: Settings) -> list[Candidate]:
    """ESCO digital skills: knowledge labels become skills, competence phrases only cite."""
    relevant = _relevant_esco_labels(taxonomy, settings)
    found = []
    for row in _esco_rows(taxonomy / "esco-1.2.0" / "digitalSkillsCollection_en.csv"):
        label = row["preferredLabel"].strip()
        if relevant is not None and relevant.get(label, 0) < settings.esco_min_occupations:
            continue
        source = [f"esco:{row['conceptUri']}"]
        qualifier = " ".join(_PAREN.findall(label)).casefold()
        name = strip_version(_PAREN.sub(" ", label).strip())
        if key(name) in settings.esco_exclude or settings.excluded(name):
            continue
        if any(p.search(name) for p in settings.esco_exclude_patterns):
            continue
        if row.get("skillType") != "knowledge":
            phrase = settings.strip_verb(name)
            also = [phrase, settings.strip_suffix(phrase)]
            found.append(Candidate(name, "method", source, also=also, create=False, offer=False))
            continue
        words = name.split()
        # "KDevelop", "SQL": a product or language; "3D modelling", "ICT project management":
        # a practice.
        proper = [w for w in words if any(c.isupper() for c in w) and not w.isupper()]
        if "programming" in qualifier:
            category = "language"
        elif proper or all(w.isupper() for w in words):
            category = "tool"
        else:
            category = "method"
        allowed = settings.esco_alias_allow
        aliases = [
            a
            for a in _split_labels(row.get("altLabels", ""))
            if is_variant(a, name)
            or (key(label), key(a)) in allowed
            or (key(name), key(a)) in allowed
        ]
        # A lower-case concept ("real-time computing") must be named by several occupations to be
        # worth a skill of its own; a product name ("KDevelop") is specific enough on its own.
        needed = settings.esco_min_concept_occupations if category == "method" else 1
        named_by = relevant.get(label, needed) if relevant is not None else needed
        create = (
            len(words) <= settings.esco_max_words and settings.specific(name) and named_by >= needed
        )
        found.append(
            Candidate(
                name,
                category,
                source,
                aliases=aliases,
                also=[settings.strip_suffix(name)],
                create=create,
            )
        )
    return found


def read_esco_citations(taxonomy: Path, settings: Settings) -> list[Candidate]:
    """Research, transversal and Tabiya skill labels: they cite existing skills, never create one.

    Only preferred labels are compared (ESCO alternative labels are too noisy to identify a skill).
    """
    esco = taxonomy / "esco-1.2.0"
    uris: dict[str, str] = {}
    found = []
    for name in (
        "digitalSkillsCollection_en.csv",
        "researchSkillsCollection_en.csv",
        "transversalSkillsCollection_en.csv",
    ):
        for row in _esco_rows(esco / name):
            label = row["preferredLabel"].strip()
            uris.setdefault(label, row["conceptUri"])
            if name != "digitalSkillsCollection_en.csv":
                found.append(_citation(label, [f"esco:{row['conceptUri']}"], settings))
    labels = _esco_rows(taxonomy / "esco-skill-labels" / "skills_en.csv")
    for row in sorted(labels, key=lambda r: r.get("preferredLabel", "")):
        label = row.get("preferredLabel", "").strip()
        if label and label not in uris:
            # No URI and no curated collection behind it: cite on the exact label only.
            name = _PAREN.sub(" ", label).strip() or label
            found.append(
                Candidate(name, "method", [f"esco-label:{label}"], create=False, offer=False)
            )
    return found


def _citation(label: str, sources: list[str], settings: Settings) -> Candidate:
    name = _PAREN.sub(" ", label).strip() or label
    phrase = settings.strip_verb(name)
    return Candidate(
        name,
        "method",
        sources,
        also=[phrase, settings.strip_suffix(phrase)],
        create=False,
        offer=False,
    )


def _split_acronym(name: str) -> tuple[str, str]:
    """("Amazon Web Services AWS") -> ("Amazon Web Services", "AWS"); no acronym -> (name, "").

    When the acronym spells only the last words ("Moz search engine optimization SEO"), the
    label is a product named after the concept: the acronym is dropped, not made an alias.
    """
    words = name.split()
    last = words[-1] if words else ""
    capitals = sum(c.isupper() for c in last)
    if len(words) >= 3 and capitals >= 2 and last.isalpha() and len(last) >= 2:
        long = " ".join(words[:-1])
        if initials(long).casefold() == last.casefold():
            return long, last
        if initials(" ".join(words[-1 - len(last) : -1])).casefold() == last.casefold():
            return long, ""
    return name, ""


def _named_product(name: str, settings: Settings) -> bool:
    """A product name ("Jekyll", "IBM SPSS") rather than a description ("Port scanners")."""
    words = name.split()
    if any(c.isdigit() for c in name) or any(c.isupper() for c in name[1:]):
        return True
    return len(words) == 1 and settings.specific(name)


def read_onet(folder: Path, settings: Settings) -> list[Candidate]:
    """Named technologies from O*NET for the configured occupations and commodity codes."""
    import csv

    path = folder / "Technology Skills.txt"
    if not path.exists():
        return []
    codes: dict[str, set[str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            commodity = row["Commodity Code"]
            if commodity not in settings.onet_commodities:
                continue
            if (
                row["O*NET-SOC Code"].startswith(settings.onet_occupations)
                or row.get("Hot Technology") == "Y"
            ):
                codes.setdefault(row["Example"].strip(), set()).add(commodity)
    found = []
    for example in sorted(codes):
        commodities = sorted(codes[example])
        base = settings.strip_suffix(strip_version(_PAREN.sub(" ", example).strip()))
        if len(base.split()) > settings.onet_max_words:
            continue
        long, acronym = _split_acronym(base)
        if not acronym and settings.strip_vendor(base) != base:
            bare_long, acronym = _split_acronym(settings.strip_vendor(base))
            long = bare_long if acronym else long
        bare = settings.strip_vendor(long)
        # An acronym or a vendor-less remainder identifies a skill only when it is specific:
        # "Electronic design automation EDA" is not EDA the analysis, and "Google Analytics"
        # is not analytics.
        forms = [example, base, long] + ([bare] if settings.specific(bare) else [])
        if acronym:
            name, aliases = long, [acronym]
        elif bare != long and settings.specific(bare) and _named_product(long, settings):
            name, aliases = bare, [long]
        else:
            name, aliases = long, []
        words = name.split()
        if len(words) >= 2 and words[-1] in settings.trailing_words:
            short = " ".join(words[:-1])  # "NetSuite ERP" is written "NetSuite" too
            if settings.specific(short) and _named_product(short, settings):
                aliases = [*aliases, short]
        parents = [settings.onet_parents[c] for c in commodities if c in settings.onet_parents][:1]
        found.append(
            Candidate(
                name,
                settings.onet_commodities[commodities[0]],
                [f"onet:{c}" for c in commodities],
                aliases=aliases,
                parents=parents,
                also=forms,
                create=_named_product(long, settings) or bool(acronym),
                match_aliases=False,
            )
        )
    return found


class Entry:
    """A skill while the lexicon is being assembled (mutable, unlike ``Skill``)."""

    def __init__(self, skill_id: str, name: str, category: str, origin: str, curated: bool) -> None:
        self.id = skill_id
        self.name = name
        self.category = category
        self.origin = origin
        self.curated = curated
        self.aliases: list[str] = []
        self.parents: list[str] = []
        self.sources: list[str] = []
        self.context: list[str] = []
        self.ambiguous: bool | None = None
        self.ambiguous_forms: list[str] = []
        self.reviewed = False  # a [skills] row, read by a person; groups and taxonomies are not
        self.qualified: list[str] = []  # forms whose "(qualifier)" was dropped: never reviewed bare

    def forms(self) -> list[str]:
        """The name and aliases, without case-insensitive duplicates."""
        seen: dict[str, str] = {}
        for form in (self.name, *self.aliases):
            seen.setdefault(form.casefold(), form)
        return list(seen.values())

    def record(self) -> dict[str, object]:
        """The JSON object written for this skill (see ``resume_fit.lexicon.Skill``)."""
        return {
            "id": self.id,
            "name": self.name,
            "category": self.category,
            "aliases": self.aliases,
            "parents": self.parents,
            "sources": sorted(set(self.sources), key=_source_order),
            "ambiguous": bool(self.ambiguous),
            "ambiguous_forms": self.ambiguous_forms if self.ambiguous else [],
            "context": self.context if self.ambiguous else [],
        }


def _source_order(source: str) -> tuple[int, str]:
    kinds = ("seed", "curated", "onet", "esco", "esco-label", "topic", "linguist")
    kind = source.split(":", 1)[0]
    return (kinds.index(kind) if kind in kinds else len(kinds), source)


_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


def slug(name: str) -> str:
    """The kebab-case id of a display name ("C++" -> "cpp", "Node.js" -> "node-js")."""
    text = name.casefold().replace("++", "pp").replace("#", "sharp").replace("&", " and ")
    text = re.sub(r"\([^)]*\)", " ", text) if re.sub(r"\([^)]*\)", "", text).strip() else text
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


class Builder:
    """Assembles entries, resolving every surface form to exactly one skill."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.entries: dict[str, Entry] = {}
        self.claims: dict[str, str] = {}  # surface key -> skill id
        self.offered: set[str] = set()  # every name and alias any source offered

    def claim(self, entry: Entry, form: str, strict: bool) -> bool:
        """Reserve a surface form for ``entry``; False (or BuildError if strict) when taken."""
        form_key = key(form)
        if not form_key:
            return False
        owner = self.claims.get(form_key)
        if owner is None:
            self.claims[form_key] = entry.id
            return True
        if owner == entry.id:
            return True
        if strict:
            raise BuildError(
                entry.origin,
                f"skill {entry.id!r}: {form!r} is already a name or alias of {owner!r} "
                f"({self.entries[owner].origin})",
            )
        return False

    def add_curated(self, record: dict, origin: str, reviewed: bool) -> None:
        """Add one curated row; any clash with another curated row is an error naming both."""
        skill_id = record.get("id") or slug(record["name"])
        if not _ID.match(skill_id):
            raise BuildError(origin, f"skill {skill_id!r}: id must be a kebab-case slug")
        if skill_id in self.entries:
            other = self.entries[skill_id].origin
            raise BuildError(origin, f"skill {skill_id!r} is defined twice (also in {other})")
        category = record.get("category")
        if category not in CATEGORIES:
            raise BuildError(
                origin,
                f"skill {skill_id!r}: category {category!r} is not one of {list(CATEGORIES)}",
            )
        # A qualifier written for people ("Sketch (design tool)") is never in a resume's text.
        name = _PAREN.sub(" ", record["name"]).strip() or record["name"]
        entry = Entry(skill_id, name, category, origin, curated=True)
        entry.reviewed = reviewed
        self.entries[skill_id] = entry
        aliases = []
        for alias in record.get("aliases", []):
            bare = _PAREN.sub(" ", alias).strip() or alias
            if bare != alias:
                entry.qualified.append(bare)
            aliases.append(bare)
        if name != record["name"]:
            entry.qualified.append(name)
        for form in (name, *aliases):
            known = {f.casefold() for f in entry.forms()}
            if self.claim(entry, form, strict=True) and form.casefold() not in known:
                entry.aliases.append(form)
        entry.parents = list(record.get("parents", []))
        entry.sources = list(record.get("sources", [])) or ["curated"]
        entry.context = list(record.get("context", []))
        if "ambiguous" in record:
            entry.ambiguous = bool(record["ambiguous"])
            forms = record.get("ambiguous_forms", [])
            known = {f.casefold() for f in entry.forms()}
            for form in forms:
                if form.casefold() not in known:
                    raise BuildError(
                        origin,
                        f"skill {skill_id!r}: ambiguous form {form!r} is not a name or alias",
                    )
            entry.ambiguous_forms = list(forms) if forms else entry.forms()

    def find(self, candidate: Candidate) -> Entry | None:
        """The skill a taxonomy candidate names, matching its labels (not its risky aliases)."""
        forms = candidate.match_forms()
        for form in forms:
            owner = self.claims.get(key(form))
            if owner is not None:
                return self.entries[owner]
        for form in forms:  # "Microservice" is "Microservices": try the other grammatical number
            form_key = key(form)
            if len(form_key) < 6 or not form_key.isalpha() or not form[-1:].islower():
                continue
            other = form_key[:-1] if form_key.endswith("s") else form_key + "s"
            owner = self.claims.get(other)
            if owner is not None:
                return self.entries[owner]
        return None

    def add_candidate(self, candidate: Candidate) -> str:
        """Merge a taxonomy candidate into a skill or create one; returns what happened."""
        if candidate.offer:
            self.offered.update([candidate.name, *candidate.aliases])
        existing = self.find(candidate)
        if existing is not None:
            existing.sources.extend(candidate.sources)
            if not existing.curated:
                for alias in candidate.aliases:
                    if self.claim(existing, alias, strict=False) and alias not in existing.aliases:
                        existing.aliases.append(alias)
            return "merged"
        if not candidate.create or self.settings.excluded(candidate.name):
            return "skipped"
        skill_id = slug(candidate.name)
        if not skill_id or skill_id in self.entries:
            return "skipped"
        entry = Entry(
            skill_id, candidate.name, candidate.category, candidate.sources[0], curated=False
        )
        if not self.claim(entry, candidate.name, strict=False):
            return "skipped"
        self.entries[skill_id] = entry
        for alias in candidate.aliases:
            if not self.settings.excluded(alias) and self.claim(entry, alias, strict=False):
                entry.aliases.append(alias)
        entry.sources.extend(candidate.sources)
        entry.parents = [p for p in candidate.parents if p != skill_id]
        entry.context = list(candidate.context)
        return "created"

    def resolve_ambiguity(self) -> None:
        """Flag the forms that need corroboration where no curated row decided it."""
        settings = self.settings
        for entry in self.entries.values():
            risky = [f for f in entry.qualified if settings.ambiguous_form(f, multiword=True)]
            if entry.ambiguous is not None and risky:
                if not entry.ambiguous:
                    entry.ambiguous_forms = []
                entry.ambiguous = True
                entry.ambiguous_forms += [f for f in risky if f not in entry.ambiguous_forms]
            if entry.ambiguous is not None:
                if entry.ambiguous and not entry.context:
                    entry.context = list(settings.category_context.get(entry.category, ()))
                continue
            # Phrases of ordinary words are checked unless a person reviewed the row or the
            # row is a github/explore topic (those name technologies, e.g. "World models").
            multiword = not entry.reviewed and not entry.origin.startswith("topic:")
            forms = [f for f in entry.forms() if settings.ambiguous_form(f, multiword=multiword)]
            entry.ambiguous = bool(forms)
            entry.ambiguous_forms = forms
            if forms:
                defaults = settings.category_context.get(entry.category, ())
                entry.context = list(dict.fromkeys([*entry.context, *defaults]))

    def drop_generic_context(self) -> None:
        """Remove words that ordinary prose is full of from technical skills' context lists."""
        settings = self.settings
        for entry in self.entries.values():
            if entry.category in settings.generic_context_categories:
                entry.context = [
                    c for c in entry.context if c.casefold() not in settings.generic_context
                ]

    def check(self) -> None:
        """Every parent names a skill (the loader checks cycles)."""
        for entry in self.entries.values():
            for parent in entry.parents:
                if parent not in self.entries:
                    raise BuildError(
                        entry.origin, f"skill {entry.id!r} names unknown parent {parent!r}"
                    )


def load_curated(builder: Builder, curated: Path) -> int:
    """Read every curated TOML table (``[skills]`` rows and ``[groups]``); returns the count."""
    import tomllib

    count = 0
    for path in sorted(curated.glob("*.toml")):
        if path.name == "overrides.toml":
            continue
        try:
            table = tomllib.loads(path.read_text(encoding="utf-8"))
        except tomllib.TOMLDecodeError as error:
            raise BuildError(path, f"not valid TOML ({error})") from error
        default = table.get("category")
        for skill_id, row in table.get("skills", {}).items():
            record = {"id": skill_id, "category": default, **row}
            builder.add_curated(record, f"{path.name}: skills.{skill_id}", reviewed=True)
            count += 1
        for group_name, group in table.get("groups", {}).items():
            for item in group.get("items", []):
                row = {"name": item} if isinstance(item, str) else dict(item)
                record = {
                    "category": group.get("category", default),
                    "parents": group.get("parents", []),
                    "sources": group.get("sources", []),
                    "context": group.get("context", []),
                    **row,
                }
                label = row.get("id") or slug(row["name"])
                builder.add_curated(
                    record, f"{path.name}: groups.{group_name} {label}", reviewed=False
                )
                count += 1
    return count


def check_citations(entries, taxonomy: Path) -> None:
    """Every taxonomy code a curated entry cites must exist in that taxonomy.

    A kind of source whose file is absent (a toy taxonomy in the tests) is not checked.
    """
    import csv
    import json

    known: dict[str, set[str]] = {}
    topics = taxonomy / "github-explore" / "topics.jsonl"
    if topics.exists():
        lines = topics.read_text(encoding="utf-8").splitlines()
        known["topic"] = {json.loads(line).get("topic", "") for line in lines if line.strip()}
    onet = taxonomy / "onet-29.2" / "Technology Skills.txt"
    if onet.exists():
        with onet.open(encoding="utf-8", newline="") as handle:
            known["onet"] = {r["Commodity Code"] for r in csv.DictReader(handle, delimiter="\t")}
    linguist = taxonomy / "linguist" / "languages.yml"
    if linguist.exists():
        known["linguist"] = {
            _yaml_scalar(line.rstrip().rstrip(":"))
            for line in linguist.read_text(encoding="utf-8").splitlines()
            if line and not line.startswith((" ", "#", "-"))
        }
    esco = taxonomy / "esco-1.2.0"
    if esco.exists():
        known["esco"] = {
            row["conceptUri"]
            for name in (
                "digitalSkillsCollection_en.csv",
                "researchSkillsCollection_en.csv",
                "transversalSkillsCollection_en.csv",
            )
            for row in _esco_rows(esco / name)
        }
    for entry in entries:
        if not entry.curated:
            continue
        for source in entry.sources:
            kind, _, value = source.partition(":")
            if kind in known and value not in known[kind]:
                raise BuildError(
                    entry.origin, f"skill {entry.id!r} cites {source!r}, which is not in {taxonomy}"
                )


def default_shared() -> Path:
    """``$RESUME_FIT_SHARED``, else the ``shared`` folder beside the repository."""
    env = os.environ.get("RESUME_FIT_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def build(
    shared: Path, curated: Path, out: Path, dictionary: Path | None = None
) -> tuple[dict[str, Entry], dict[str, dict[str, int]]]:
    """Build the lexicon and write it to ``out``.

    Returns:
        The entries by id, and per taxonomy how many candidates were merged, created or skipped.

    Raises:
        BuildError: A curated or taxonomy file is invalid; the message names file and entry.
    """
    if not (shared / "taxonomy").is_dir():
        raise BuildError(shared, "no taxonomy/ folder here: pass --shared or set RESUME_FIT_SHARED")
    if not curated.is_dir():
        raise BuildError(curated, "the curated tables folder does not exist")
    settings = Settings.load(curated)
    builder = Builder(settings)
    load_curated(builder, curated)
    taxonomy = shared / "taxonomy"
    stats: dict[str, dict[str, int]] = {}
    for label, candidates in (
        ("linguist", read_linguist(taxonomy / "linguist" / "languages.yml", settings)),
        ("topics", read_topics(taxonomy / "github-explore" / "topics.jsonl", settings)),
        ("esco", read_esco(taxonomy, settings)),
        ("esco-citations", read_esco_citations(taxonomy, settings)),
        ("onet", read_onet(taxonomy / "onet-29.2", settings)),
    ):
        counts = stats.setdefault(label, {"merged": 0, "created": 0, "skipped": 0})
        for candidate in candidates:
            counts[builder.add_candidate(candidate)] += 1
    check_citations(builder.entries.values(), taxonomy)
    if dictionary is not None:
        offered = builder.offered | {f for e in builder.entries.values() for f in e.forms()}
        settings.write_common_words(curated, dictionary, offered)
        return build(shared, curated, out)  # again, so that creation sees the new list
    builder.resolve_ambiguity()
    builder.drop_generic_context()
    builder.check()
    lines = [_dumps(builder.entries[i].record()) for i in sorted(builder.entries)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    parse_lexicon(data, str(out))  # validates parents, cycles and fields before anything is written
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".jsonl.tmp")
    tmp.write_bytes(data)
    tmp.replace(out)
    return builder.entries, stats


def _dumps(record: dict[str, object]) -> str:
    """One JSON line, key order as given (stable across runs)."""
    import json

    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


def summary(entries: dict[str, Entry], stats: dict[str, dict[str, int]]) -> str:
    """Counts per category and per source kind, for the build log."""
    from collections import Counter

    by_category = Counter(e.category for e in entries.values())
    by_source: Counter[str] = Counter()
    for entry in entries.values():
        for kind in {s.split(":", 1)[0] for s in entry.sources}:
            by_source[kind] += 1
    curated = sum(e.curated for e in entries.values())
    ambiguous = sum(bool(e.ambiguous) for e in entries.values())
    lines = [f"{len(entries)} skills ({curated} curated, {ambiguous} ambiguous)", "per category:"]
    lines += [f"  {c:<14} {by_category[c]:>5}" for c in CATEGORIES]
    lines.append("skills citing each source kind:")
    lines += [f"  {k:<14} {n:>5}" for k, n in sorted(by_source.items())]
    lines.append("taxonomy candidates (merged into a skill / created / skipped):")
    lines += [
        f"  {k:<14} {v['merged']:>5} {v['created']:>5} {v['skipped']:>5}" for k, v in stats.items()
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status (1 on a bad input file)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared", type=Path, default=None, help="shared data folder (default: ../shared)"
    )
    parser.add_argument("--curated", type=Path, default=REPO / "lexicons" / "curated")
    parser.add_argument("--out", type=Path, default=REPO / "lexicons" / "skills.jsonl")
    parser.add_argument(
        "--common-words",
        type=Path,
        default=None,
        metavar="DICT",
        help="regenerate curated/common_words.txt from a word list (e.g. /usr/share/dict/words)",
    )
    parser.add_argument("--quiet", action="store_true", help="print nothing on success")
    args = parser.parse_args(argv)
    shared = args.shared or default_shared()
    started = time.perf_counter()
    try:
        entries, stats = build(shared, args.curated, args.out, args.common_words)
    except BuildError as error:
        print(f"build_lexicon: {error}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(summary(entries, stats))
        print(f"wrote {args.out} in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
