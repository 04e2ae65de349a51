"""The one error the lexicon build raises."""

from __future__ import annotations


class BuildError(Exception):
    """A bad curated or taxonomy file; the message names the file and the entry."""

    def __init__(self, where: object, reason: str) -> None:
        super().__init__(f"{where}: {reason}")
