"""``Candidate``: one skill as a taxonomy names it, what every taxonomy reader produces."""

from __future__ import annotations


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
        self.aliases: list[str] = []
        for alias in aliases or []:
            if alias.casefold() not in seen:
                seen.add(alias.casefold())
                self.aliases.append(alias)
        self.parents = parents or []
        self.context = context or []
        # Further labels that identify an existing skill, never added as aliases.
        self.also = also or []
        self.create = create
        self.match_aliases = match_aliases  # False when an alias is too short to identify a skill
        # Whether its forms go into the common-word review, whatever ``create`` says (``create``
        # itself depends on that list, so the list must not depend on it).
        self.offer = offer

    def match_forms(self) -> list[str]:
        """The labels that identify an existing skill: name, aliases (unless risky), ``also``."""
        return [self.name, *(self.aliases if self.match_aliases else []), *self.also]
