"""Reading the hand-curated tables (``lexicons/curated/*.toml``) and checking their citations."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .errors import BuildError
from .esco import concept_uris, skill_labels
from .labels import slug
from .linguist import linguist_names
from .merge import Builder, Entry
from .onet import commodity_codes
from .settings import read_toml
from .topics import topic_slugs


def load_curated(builder: Builder, curated: Path) -> int:
    """Read every curated TOML table (``[skills]`` rows, ``[groups]``, ``[aliases]``).

    ``overrides.toml`` holds settings, not skills, and is skipped. ``[aliases]`` tables (skill id
    -> further aliases, e.g. the short names of vendor products) are applied after every file's
    skills are read, so they may name a skill of any curated file. Returns the number of skills.

    Raises:
        BuildError: A table is not valid TOML, a row is invalid, or an ``[aliases]`` entry names
            an unknown id or a form another skill claims; the message names file and row.
    """
    count = 0
    extra: list[tuple[str, str, list[str]]] = []
    for path in sorted(curated.glob("*.toml")):
        if path.name == "overrides.toml":
            continue
        table = read_toml(path)
        for skill_id, aliases in table.get("aliases", {}).items():
            extra.append((f"{path.name}: aliases.{skill_id}", skill_id, list(aliases)))
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
    for origin, skill_id, aliases in extra:
        builder.add_aliases(skill_id, aliases, origin)
    return count


def check_citations(entries: Iterable[Entry], taxonomy: Path) -> None:
    """Every taxonomy code a curated entry cites must exist in that taxonomy.

    A kind of source whose file is absent (a toy taxonomy in the tests) is not checked.

    Raises:
        BuildError: A cited code is not in its taxonomy; the message names the entry's origin.
    """
    found = {
        "topic": topic_slugs(taxonomy),
        "onet": commodity_codes(taxonomy),
        "linguist": linguist_names(taxonomy),
        "esco": concept_uris(taxonomy),
        # A family of professions' skills outside the ESCO collections cites the skill's label.
        "esco-label": skill_labels(taxonomy),
    }
    known = {kind: codes for kind, codes in found.items() if codes is not None}
    for entry in entries:
        if not entry.curated:
            continue
        for source in entry.sources:
            kind, _, value = source.partition(":")
            if kind in known and value not in known[kind]:
                raise BuildError(
                    entry.origin, f"skill {entry.id!r} cites {source!r}, which is not in {taxonomy}"
                )
