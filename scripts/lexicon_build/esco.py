"""ESCO skills (sources ``esco:<conceptUri>`` and ``esco-label:<label>``).

The digital skills collection may create skills; the research and transversal collections and
the Tabiya skill labels only add citations to skills that already exist.
"""

from __future__ import annotations

import csv
import re
from pathlib import Path

from .candidate import Candidate
from .labels import PAREN, drop_qualifier, is_variant, key, strip_version
from .settings import Settings

# The ESCO release folder, under the taxonomy folder.
_FOLDER = "esco-1.2.0"
_DIGITAL = "digitalSkillsCollection_en.csv"
# The ESCO collections whose concept URIs a source may cite, the digital one first.
_COLLECTIONS = (
    _DIGITAL,
    "researchSkillsCollection_en.csv",
    "transversalSkillsCollection_en.csv",
)


def _split_labels(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n| \| ", text or "") if p.strip()]


def _relevant_esco_labels(taxonomy: Path, settings: Settings) -> dict[str, int] | None:
    """How many relevant ESCO occupations name each skill label; None when unknown."""
    path = taxonomy / _FOLDER / "esco_occupation_profiles.parquet"
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


def _rows(path: Path) -> list[dict[str, str]]:
    """The rows of one ESCO CSV file sorted by concept URI; none when the file is absent."""
    if not path.exists():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        return sorted(csv.DictReader(handle), key=lambda r: r.get("conceptUri", ""))


def concept_uris(taxonomy: Path) -> set[str] | None:
    """Every concept URI in the collections a source may cite; None without an ESCO folder."""
    esco = taxonomy / _FOLDER
    if not esco.exists():
        return None
    return {row["conceptUri"] for name in _COLLECTIONS for row in _rows(esco / name)}


def skill_labels(taxonomy: Path) -> set[str] | None:
    """Every ESCO skill's preferred label (the Tabiya file), which ``esco-label:`` may cite.

    None when the file is absent (a toy taxonomy in the tests).
    """
    path = taxonomy / "esco-skill-labels" / "skills_en.csv"
    if not path.exists():
        return None
    return {row["preferredLabel"].strip() for row in _rows(path)}


def read_esco(taxonomy: Path, settings: Settings) -> list[Candidate]:
    """ESCO digital skills: knowledge labels become skills, competence phrases only cite."""
    relevant = _relevant_esco_labels(taxonomy, settings)
    found = []
    for row in _rows(taxonomy / _FOLDER / _DIGITAL):
        label = row["preferredLabel"].strip()
        if relevant is not None and relevant.get(label, 0) < settings.esco_min_occupations:
            continue
        source = [f"esco:{row['conceptUri']}"]
        qualifier = " ".join(PAREN.findall(label)).casefold()
        name = strip_version(PAREN.sub(" ", label).strip())
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
    esco = taxonomy / _FOLDER
    uris: dict[str, str] = {}
    found = []
    for name in _COLLECTIONS:
        for row in _rows(esco / name):
            label = row["preferredLabel"].strip()
            uris.setdefault(label, row["conceptUri"])
            if name != _DIGITAL:
                found.append(_citation(label, [f"esco:{row['conceptUri']}"], settings))
    labels = _rows(taxonomy / "esco-skill-labels" / "skills_en.csv")
    for row in sorted(labels, key=lambda r: r.get("preferredLabel", "")):
        label = row.get("preferredLabel", "").strip()
        if label and label not in uris:
            # No URI and no curated collection behind it: cite on the exact label only.
            name = drop_qualifier(label)
            found.append(
                Candidate(name, "method", [f"esco-label:{label}"], create=False, offer=False)
            )
    return found


def _citation(label: str, sources: list[str], settings: Settings) -> Candidate:
    """A candidate that only cites: matched on the label and its verb-less phrase."""
    name = drop_qualifier(label)
    phrase = settings.strip_verb(name)
    return Candidate(
        name,
        "method",
        sources,
        also=[phrase, settings.strip_suffix(phrase)],
        create=False,
        offer=False,
    )
