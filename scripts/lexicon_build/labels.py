"""Comparing and normalising skill labels: equality keys, versions, acronyms, ids."""

from __future__ import annotations

import re

# A label qualifier written for people ("Sketch (design tool)"); group 1 is the qualifier.
PAREN = re.compile(r"\s*\(([^)]*)\)\s*")
# What a skill id must look like.
SLUG_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")

_VERSION = re.compile(r"\s+v?\d+(?:\.\d+)+[a-z]?$|\s+\d+(?:\.x)+$|\s+v\d+$", re.IGNORECASE)


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


def drop_qualifier(label: str) -> str:
    """Drop "(qualifiers)" ("Sketch (design tool)" -> "Sketch"); a label that is only one stays."""
    return PAREN.sub(" ", label).strip() or label


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


def slug(name: str) -> str:
    """The kebab-case id of a display name ("C++" -> "cpp", "Node.js" -> "node-js")."""
    text = name.casefold().replace("++", "pp").replace("#", "sharp").replace("&", " and ")
    text = re.sub(r"\([^)]*\)", " ", text) if re.sub(r"\([^)]*\)", "", text).strip() else text
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")
