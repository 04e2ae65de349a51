"""Merging: ``Entry`` (a skill being assembled) and ``Builder``, which gives every surface form
exactly one skill, merges taxonomy candidates into curated skills and flags ambiguous forms.
"""

from __future__ import annotations

from resume_fit.lexicon import CATEGORIES

from .candidate import Candidate
from .errors import BuildError
from .labels import SLUG_PATTERN, drop_qualifier, key, slug
from .settings import Settings


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
        self.table_aliases: list[str] = []  # forms an ``[aliases]`` table added

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
    """Sort key: sources by kind, in order of authority, then by code."""
    kinds = ("seed", "curated", "onet", "esco", "esco-label", "topic", "linguist", "ref")
    kind = source.split(":", 1)[0]
    return (kinds.index(kind) if kind in kinds else len(kinds), source)


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
        """Add one curated row; any clash with another curated row is an error naming both.

        Raises:
            BuildError: A bad id or category, a duplicate id, a form another skill claims, or an
                ambiguous form that is not a name or alias; the message names ``origin``.
        """
        skill_id = record.get("id") or slug(record["name"])
        if not SLUG_PATTERN.match(skill_id):
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
        name = drop_qualifier(record["name"])
        entry = Entry(skill_id, name, category, origin, curated=True)
        entry.reviewed = reviewed
        self.entries[skill_id] = entry
        aliases = []
        for alias in record.get("aliases", []):
            bare = drop_qualifier(alias)
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

    def add_aliases(self, skill_id: str, aliases: list[str], origin: str) -> None:
        """Give a curated skill further aliases (an ``[aliases]`` table row).

        Raises:
            BuildError: ``skill_id`` is not a curated skill, or another skill claims an alias.
        """
        entry = self.entries.get(skill_id)
        if entry is None or not entry.curated:
            raise BuildError(origin, f"{skill_id!r} is not a curated skill")
        for alias in aliases:
            bare = drop_qualifier(alias)
            known = {f.casefold() for f in entry.forms()}
            if self.claim(entry, bare, strict=True) and bare.casefold() not in known:
                entry.aliases.append(bare)
                # Not reviewed with its row: the ambiguity rules check it like a qualified form.
                entry.qualified.append(bare)
                entry.table_aliases.append(bare)

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
            # An alias from an ``[aliases]`` table was not reviewed with its row: one made only
            # of common words needs corroboration however it is capitalised ("Secrets Manager").
            risky += [
                f
                for f in entry.table_aliases
                if f not in risky and (settings.common_phrase(f) or settings.proper_noun(f))
            ]
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
            if not entry.curated:
                # A taxonomy's short acronym ("SAN", "PAT") is also a place, a name or another
                # acronym: it needs corroboration and the case the taxonomy writes it in.
                forms += [f for f in entry.forms() if f not in forms and settings.short_acronym(f)]
            if not entry.reviewed:
                # A name a word list spells capitalised is a person's or a place's ("ROSS",
                # "Maya", "Lawson") unless a person reviewed the row.
                forms += [f for f in entry.forms() if f not in forms and settings.proper_noun(f)]
            forms += [f for f in risky if f not in forms]
            entry.ambiguous = bool(forms)
            entry.ambiguous_forms = forms
            if forms:
                defaults = settings.category_context.get(entry.category, ())
                entry.context = list(dict.fromkeys([*entry.context, *defaults]))

    def drop_vendor_shadows(self) -> int:
        """Drop aliases "<platform> <form>" of a platform's service ("AWS EKS", "GCP Cloud Run").

        "EKS" alone already finds the service and "AWS" the platform (using a service is using
        its platform); the longer alias would swallow the platform's evidence. Only the vendors
        in ``[normalise] platform_vendors``: "Oracle" in "Oracle PeopleSoft" is not the database.
        Names are kept. Returns how many aliases were dropped.
        """
        platforms = {key(v) for v in self.settings.platform_vendors}
        dropped = 0
        for entry in self.entries.values():
            keep = []
            for alias in entry.aliases:
                vendor, _, rest = alias.partition(" ")
                owner = self.claims.get(key(vendor))
                if (
                    rest
                    and key(vendor) in platforms
                    and owner not in (None, entry.id)
                    and self.claims.get(key(rest)) == entry.id
                ):
                    dropped += 1
                    continue
                keep.append(alias)
            self._set_aliases(entry, keep)
        return dropped

    def drop_joined_pairs(self) -> int:
        """Drop aliases that join other skills' names with slashes ("Agile/Scrum", "Unix/Linux").

        The document tokenizer splits "Agile/Scrum" into three tokens, so each part is found as
        its own skill; an alias over the whole would take the words of the second part and hide
        that skill. Kept: names, and the aliases listed in ``[normalise] joined_keep``, whose parts
        read alone name something else ("HVAC/R" is no R, "PD/LGD/EAD" no archival standard).
        Returns how many aliases were dropped.
        """
        keep_list = self.settings.joined_keep
        dropped = 0
        for entry in self.entries.values():
            kept = []
            for alias in entry.aliases:
                parts = alias.split("/")
                owners = [self.claims.get(key(part)) for part in parts]
                if (
                    len(parts) >= 2
                    and " " not in alias
                    and all(owners)
                    and any(owner != entry.id for owner in owners)
                    and key(alias) not in keep_list
                ):
                    dropped += 1
                    continue
                kept.append(alias)
            self._set_aliases(entry, kept)
        return dropped

    def _set_aliases(self, entry: Entry, kept: list[str]) -> None:
        """Give ``entry`` the aliases ``kept`` when some were dropped, and forget the guarded
        forms it no longer has (an empty list guards every form)."""
        if len(kept) == len(entry.aliases):
            return
        entry.aliases = kept
        forms = {f.casefold() for f in entry.forms()}
        listed = bool(entry.ambiguous_forms)
        entry.ambiguous_forms = [f for f in entry.ambiguous_forms if f.casefold() in forms]
        if listed and not entry.ambiguous_forms:
            entry.ambiguous = False

    def add_sibling_context(self) -> None:
        """Let an ambiguous skill be corroborated by its unambiguous siblings' names.

        "Jenkins" beside "GitHub Actions" (both under CI/CD) is the CI server, not a surname. Only
        parents with at most ``sibling_context_max`` children count: a broad parent such as
        machine learning has siblings everywhere and would vouch for anything.
        """
        limit = self.settings.sibling_context_max
        if limit <= 0:
            return
        children: dict[str, list[Entry]] = {}
        for entry in self.entries.values():
            for parent in entry.parents:
                children.setdefault(parent, []).append(entry)
        for entry in self.entries.values():
            if not entry.ambiguous:
                continue
            names = [
                sibling.name.casefold()
                for parent in entry.parents
                if len(children.get(parent, ())) <= limit
                for sibling in sorted(children[parent], key=lambda e: e.id)
                if sibling is not entry and not sibling.ambiguous
            ]
            entry.context = list(dict.fromkeys([*entry.context, *names]))

    def drop_generic_context(self) -> None:
        """Remove words that ordinary prose is full of from technical skills' context lists."""
        settings = self.settings
        for entry in self.entries.values():
            if entry.category in settings.generic_context_categories:
                entry.context = [
                    c for c in entry.context if c.casefold() not in settings.generic_context
                ]

    def check(self) -> None:
        """Every parent names a skill (the loader checks cycles).

        Raises:
            BuildError: A parent is unknown; the message names the entry's origin.
        """
        for entry in self.entries.values():
            for parent in entry.parents:
                if parent not in self.entries:
                    raise BuildError(
                        entry.origin, f"skill {entry.id!r} names unknown parent {parent!r}"
                    )
