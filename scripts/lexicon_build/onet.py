"""Named technologies from O*NET's ``Technology Skills.txt`` (sources ``onet:<commodity code>``)."""

from __future__ import annotations

import csv
from pathlib import Path

from .candidate import Candidate
from .labels import PAREN, initials, strip_version
from .settings import Settings

# Where the file is, under the taxonomy folder.
FOLDER = Path("onet-29.2")
_FILE = "Technology Skills.txt"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def commodity_codes(taxonomy: Path) -> set[str] | None:
    """Every commodity code in ``Technology Skills.txt``; None when the file is absent."""
    path = taxonomy / FOLDER / _FILE
    return {row["Commodity Code"] for row in _rows(path)} if path.exists() else None


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


def _kind_of_software(example: str, base: str, settings: Settings) -> bool:
    """True for "<Word> software" where the word describes the software ("Videoconferencing").

    The word is a common word, or ends like a description (``[onet] description_endings``)
    rather than a coined product name ("Tekla", "Procore").
    """
    if base == example or " " in base or not base.isalpha() or base[1:] != base[1:].lower():
        return False
    word = base.casefold()
    return settings.common(word) or word.endswith(settings.onet_description_endings)


def read_onet(folder: Path, settings: Settings) -> list[Candidate]:
    """Named technologies from O*NET for the configured occupations and commodity codes."""
    path = folder / _FILE
    if not path.exists():
        return []
    codes: dict[str, set[str]] = {}
    rows = _rows(path)
    for row in rows:
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
        base = settings.strip_suffix(strip_version(PAREN.sub(" ", example).strip()))
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
        create = _named_product(long, settings) or bool(acronym)
        if create and _kind_of_software(example, base, settings):
            create = False  # "Biostatistical software" is a kind of software, not a product
        found.append(
            Candidate(
                name,
                settings.onet_commodities[commodities[0]],
                [f"onet:{c}" for c in commodities],
                aliases=aliases,
                parents=parents,
                also=forms,
                create=create,
                match_aliases=False,
            )
        )
    return _settle_acronyms(found, rows)


def _settle_acronyms(found: list[Candidate], rows: list[dict[str, str]]) -> list[Candidate]:
    """Give an acronym O*NET writes after several names to the one most occupations list.

    "LMS" ends "Learning management system LMS" (47 occupations) and "Landscape Management
    System LMS" (1); "CMS" ends content (4) and career (2) management systems. Read in
    alphabetical order the rarer name would claim it. The acronym stays only with the name
    listed most often; on a tie (often two spellings of one name, "Computer" / "Computerized
    numerical control") with the first in alphabetical order, as before.
    """
    rows_per_name: dict[str, int] = {}
    for row in rows:
        long, _ = _split_acronym(strip_version(PAREN.sub(" ", row["Example"]).strip()))
        rows_per_name[long.casefold()] = rows_per_name.get(long.casefold(), 0) + 1
    by_acronym: dict[str, list[Candidate]] = {}
    for candidate in found:
        for alias in candidate.aliases:
            if alias.isupper():
                by_acronym.setdefault(alias, []).append(candidate)
    for acronym, owners in by_acronym.items():
        names = {c.name.casefold() for c in owners}
        if len(names) < 2:
            continue
        best = min(names, key=lambda n: (-rows_per_name.get(n, 0), n))
        for candidate in owners:
            if candidate.name.casefold() != best:
                candidate.aliases = [a for a in candidate.aliases if a != acronym]
    return found
