"""Programming languages from GitHub Linguist's ``languages.yml`` (sources ``linguist:<name>``)."""

from __future__ import annotations

import re
from pathlib import Path

from .candidate import Candidate
from .labels import is_variant, strip_version
from .settings import Settings

# Where the file is, under the taxonomy folder.
LANGUAGES = Path("linguist", "languages.yml")


def _yaml_scalar(text: str) -> str:
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "\"'":
        return text[1:-1]
    return text


def linguist_names(taxonomy: Path) -> set[str] | None:
    """Every language name (top-level key) in ``languages.yml``; None when the file is absent."""
    path = taxonomy / LANGUAGES
    if not path.exists():
        return None
    return {
        _yaml_scalar(line.rstrip().rstrip(":"))
        for line in path.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith((" ", "#", "-"))
    }


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
