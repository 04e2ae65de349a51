"""``Settings``: the knobs in ``curated/overrides.toml`` and the common-word list they name."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

from .errors import BuildError
from .labels import key


def read_toml(path: Path) -> dict:
    """Parse one TOML file.

    Raises:
        BuildError: The file is not valid TOML; the message names the file and the parser's reason.
    """
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise BuildError(path, f"not valid TOML ({error})") from error


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
        self.onet_description_endings = tuple(onet.get("description_endings", []))
        norm = table.get("normalise", {})
        self.vendors = sorted(norm.get("vendors", []), key=lambda v: (-len(v), v))
        self.suffixes = sorted(norm.get("generic_suffixes", []), key=lambda s: (-len(s), s))
        self.verbs = sorted(norm.get("verbs", []), key=lambda v: (-len(v), v))
        self.company_words = list(norm.get("company_words", []))
        self.platform_vendors = list(norm.get("platform_vendors", []))
        self.joined_keep = {key(a) for a in norm.get("joined_keep", [])}
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
        # Spelling-variant rules (lexicon_build.variants), read by that module as they are.
        self.variants = dict(table.get("variants", {}))
        ambiguity = table.get("ambiguity", {})
        self.max_short = int(ambiguity.get("max_short_length", 2))
        self.max_acronym = int(ambiguity.get("max_acronym_length", 0))
        self.common_words_file = ambiguity.get("common_words_file", "common_words.txt")
        self.proper_nouns_file = ambiguity.get("proper_nouns_file", "proper_nouns.txt")
        self.proper_nouns: set[str] = set()
        # Companies and products a word list capitalises ("Salesforce", "Linux"): the product is
        # the sense a resume means, so the proper-noun rule does not apply to them.
        self.product_names = {n.casefold() for n in ambiguity.get("product_names", [])}
        self.person_names = {n.casefold() for n in ambiguity.get("person_names", [])}
        self.person_names |= {w.casefold() for w in ambiguity.get("extra_words", [])}
        self.category_context = {k: list(v) for k, v in ambiguity.get("context", {}).items()}
        self.generic_context = {w.casefold() for w in ambiguity.get("generic_context", [])}
        self.generic_context_categories = set(ambiguity.get("generic_context_categories", []))
        self.sibling_context_max = int(ambiguity.get("sibling_context_max", 0))
        self.common_words = common_words

    @classmethod
    def load(cls, curated: Path) -> Settings:
        """Read ``overrides.toml`` (absent: all defaults) and the common-word file it names.

        Raises:
            BuildError: ``overrides.toml`` is not valid TOML.
        """
        path = curated / "overrides.toml"
        settings = cls(read_toml(path) if path.exists() else {}, set())
        for name, found in (
            (settings.common_words_file, settings.common_words),
            (settings.proper_nouns_file, settings.proper_nouns),
        ):
            words_file = curated / name
            if words_file.exists():
                for line in words_file.read_text(encoding="utf-8").splitlines():
                    if line.strip() and not line.startswith("#"):
                        found.add(line.strip().casefold())
        return settings

    def proper_noun(self, form: str) -> bool:
        """A one-word form that a dictionary lists as a name of a person or place ("Ross")."""
        folded = form.casefold()
        return " " not in form and folded in self.proper_nouns and folded not in self.product_names

    def excluded(self, name: str) -> bool:
        """True for an empty or all-digit label, or one ``[exclude] names`` lists."""
        name_key = key(name)
        return len(name_key) < 1 or name_key.isdigit() or name_key in self.exclude_names

    def common(self, word: str) -> bool:
        """True when ``word`` is on the common-word list (case and trailing dots ignored)."""
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

    def common_phrase(self, form: str) -> bool:
        """A form made only of common words, however capitalised ("Cloud Run", "Key Vault").

        A slash between two single letters joins them into one token ("A/B tested", "I/O"):
        "A/B" is no common word, though "a" and "b" are.
        """
        words = [w for w in re.split(r"[\s\-]+|(?<=\w\w)/|/(?=\w\w)", form) if w]
        return bool(words) and all(self.common(w) for w in words)

    def short_acronym(self, form: str) -> bool:
        """An all-capitals form of at most ``[ambiguity] max_acronym_length`` letters ("SAN")."""
        letters = key(form)
        return form.isupper() and letters.isalpha() and len(letters) <= self.max_acronym

    def specific(self, name: str) -> bool:
        """A name specific enough to stand alone (not a common word, not generic)."""
        name_key = key(name)
        if len(name_key) < 3 or self.excluded(name):
            return False
        return not all(self.common(word) for word in name.split())

    def strip_suffix(self, name: str) -> str:
        """Drop the longest generic suffix ("Tableau software" -> "Tableau"), if any."""
        for suffix in self.suffixes:
            if name.casefold().endswith(" " + suffix) and len(name) > len(suffix) + 1:
                return name[: -len(suffix) - 1].strip()
        return name

    def strip_vendor(self, name: str) -> str:
        """Drop a known vendor ("Microsoft Excel" -> "Excel"); otherwise return the name as is."""
        for vendor in self.vendors:
            if name.startswith(vendor + " "):
                rest = name[len(vendor) + 1 :].strip()
                for word in self.company_words:
                    if rest.startswith(word + " "):
                        rest = rest[len(word) + 1 :].strip()
                return rest
        return name

    def strip_verb(self, label: str) -> str:
        """Drop a leading verb ("use Python" -> "Python") from an ESCO competence phrase."""
        for verb in self.verbs:
            if label.casefold().startswith(verb + " "):
                return label[len(verb) + 1 :].strip()
        return label

    def write_common_words(self, curated: Path, dictionary: Path, forms: set[str]) -> None:
        """Regenerate the common-word list: words of skill forms that are dictionary words.

        ``forms`` holds every name and alias any source offered, kept or not, so that the
        list does not depend on which candidates the previous list let through.
        """
        listed = dictionary.read_text(encoding="utf-8", errors="replace").split()
        words = {w for w in listed if w.islower()}
        names = {w.casefold() for w in listed if w.isalpha() and w.istitle()} - words
        tokens = {token.casefold() for form in forms for token in form.split()}
        found = sorted(tokens & words)
        header_names = (
            "# Skill-name words that a word list spells capitalised: names of people and places\n"
            "# (Ross, Maya, Kendra). A taxonomy skill or an unreviewed alias written as one needs\n"
            "# corroboration. Generated with common_words.txt; review the diff by hand.\n"
        )
        (curated / self.proper_nouns_file).write_text(
            header_names + "\n".join(sorted(tokens & names)) + "\n", encoding="utf-8"
        )
        self.proper_nouns = tokens & names
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
