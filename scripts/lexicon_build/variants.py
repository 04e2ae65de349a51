"""Spelling variants made by rule: the other spellings resumes use for a curated skill's names.

- Certifications: a level after a dash ("... Architect - Associate") is also written with an en
  or em dash, or with no dash at all; a "Certified" name also without its level ("AWS Certified
  Security" for "AWS Certified Security - Specialty"), unless two certifications would share it
  (the Associate and Professional of one track) or another skill already holds it (the track).
- Methods, fields and soft skills: British and American spellings ("regularisation" and
  "regularization", "modelling" and "modeling", "analyse" and "analyze").
- Methods and fields: a prefix written joined, hyphenated or apart ("unsupervised",
  "un-supervised"; "semi-supervised", "semisupervised").
- Vendor products: a name or alias "<vendor> <product>" ("Apache Sqoop", "IBM DataStage",
  "Microsoft Dynamics 365") is also written without its vendor, when what is left is specific
  (not only common words, not a short acronym, not a person's name): "Sqoop", "DataStage".

A variant only ever adds a surface form to the skill whose form it rewrites, and only when no
other skill claims it. A variant made only of ordinary words is flagged like any other form.
The rules are data in ``overrides.toml`` ``[variants]``.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from .labels import key
from .merge import Builder, Entry

_DASH = re.compile(r" [-–—] ")


def _without_level(form: str, levels: list[str]) -> str | None:
    """A certification name "<... Certified ...> - <level>" without its level, else None."""
    dash = _DASH.search(form)
    if dash is None or form[dash.end() :].casefold() not in {lv.casefold() for lv in levels}:
        return None
    head = form[: dash.start()]
    if not re.search(r"\bCertified\b", head) or len(head.split()) < 3:
        return None
    return head


def _spellings(form: str, pairs: list[tuple[str, str]]) -> set[str]:
    """``form`` with each word's ending swapped between the two spellings of a pair."""
    found = set()
    for british, american in pairs:
        for old, new in ((british, american), (american, british)):
            # An ending ("isation") after a stem of three letters or more; a word ("modelling")
            # whole, keeping its first letter's case.
            if old.startswith(("is", "iz", "ys", "yz")):
                pattern = re.compile(rf"(?<=[a-z]{{3}}){old}\b")
                if pattern.search(form):
                    found.add(pattern.sub(new, form))
            else:
                pattern = re.compile(rf"\b({old[0]}|{old[0].upper()}){old[1:]}\b")
                if pattern.search(form):
                    found.add(pattern.sub(rf"\g<1>{new[1:]}", form))
    return found


def _prefixed(form: str, prefixes: list[str], common: Callable[[str], bool]) -> set[str]:
    """``form`` with a leading prefix joined or hyphenated ("un-supervised", "semisupervised").

    Only when the rest of the word is a word itself ("supervised"), so that "Presentation"
    never becomes "Pre-sentation".
    """
    found = set()
    for prefix in prefixes:
        match = re.match(rf"(?i)({prefix})([- ]?)([a-z]{{4,}})(.*)$", form)
        if match and common(match.group(3)):
            head, _, rest, tail = match.groups()
            found |= {f"{head}{sep}{rest}{tail}" for sep in ("", "-")}
    found.discard(form)
    return found


def variant_forms(
    entry: Entry, table: dict, common: Callable[[str], bool]
) -> list[tuple[str, str]]:
    """``(variant, form it rewrites)`` for every rule-made variant of ``entry``'s forms, sorted."""
    pairs = [(str(a), str(b)) for a, b in table.get("spellings", [])]
    prefixes = [str(p) for p in table.get("prefixes", [])]
    spelled = set(table.get("spelling_categories", []))
    prefixed = set(table.get("prefix_categories", []))
    found: dict[str, str] = {}
    for form in entry.forms():
        made: set[str] = set()
        if entry.category == "certification" and _DASH.search(form):
            made |= {_DASH.sub(f" {dash} ", form) for dash in "-–—"}
            made.add(_DASH.sub(" ", form))
        if entry.category in spelled:
            made |= _spellings(form, pairs)
        if entry.category in prefixed:
            made |= _prefixed(form, prefixes, common)
        for variant in sorted(made):
            found.setdefault(variant, form)
    known = {f.casefold() for f in entry.forms()}
    return sorted((v, f) for v, f in found.items() if v.casefold() not in known)


def short_certification_names(
    entries: list[Entry], table: dict
) -> dict[str, list[tuple[str, str]]]:
    """``{skill id: [(short name, form it shortens)]}``: certification names without their level.

    The levels are ``certification_levels`` in the rules table. A short name two certifications
    would make ("AWS Certified Solutions Architect" of the Associate and the Professional) names
    neither of them, so it is left out.
    """
    levels = [str(level) for level in table.get("certification_levels", [])]
    if not levels:
        return {}
    made: dict[str, list[tuple[str, str, str]]] = {}
    for entry in entries:
        if entry.category != "certification" or not entry.curated:
            continue
        for form in entry.forms():
            short = _without_level(form, levels)
            if short is not None:
                made.setdefault(short.casefold(), []).append((entry.id, short, form))
    found: dict[str, list[tuple[str, str]]] = {}
    for makers in made.values():
        if len({skill_id for skill_id, _, _ in makers}) == 1:
            skill_id, short, form = makers[0]
            found.setdefault(skill_id, []).append((short, form))
    return found


def vendor_short_names(builder: Builder) -> int:
    """Give every skill named "<vendor> <product>" its product name alone; returns how many.

    The vendors are ``[normalise] vendors``. Resumes write "Sqoop, NiFi, ZooKeeper" in a list
    of Hadoop tools and "deployed on Tomcat"; the vendor is a courtesy of the product page. Only
    the skill's name is shortened (an alias "Oracle Database 19c" is no product of its own), and
    never a certification's. Left out: a remainder that starts with no letter, holds "Certified",
    is made only of common words ("Creative Cloud"), is an acronym of up to ``[ambiguity]
    max_acronym_length`` letters ("EBS", "MQ") or holds a word that names another skill
    ("Kubernetes Service" is EKS and AKS alike); a single word with no inner capital ("Polly",
    "Neptune", "Workspace": a person, a planet, a word; distinct ones such as "Sqoop" are curated
    in ``short_names.toml``); and a form another skill already claims. "ZooKeeper",
    "DataStage" and "Dynamics 365" stay.
    """
    settings = builder.settings
    added = 0
    for entry in sorted(builder.entries.values(), key=lambda e: e.id):
        if entry.category == "certification":
            continue
        short = settings.strip_vendor(entry.name)
        words = short.split()
        if short == entry.name or not short[:1].isalpha() or "Certified" in short or "/" in short:
            continue
        if short.casefold() in {f.casefold() for f in entry.forms()}:
            continue
        if len(words) == 1 and not any(c.isupper() for c in short[1:]):
            continue  # "Polly", "Neptune", "Workspace": a name or a word as often as the product
        if not settings.specific(short) or settings.short_acronym(short):
            continue
        if len(words) > 1 and any(builder.claims.get(key(w), entry.id) != entry.id for w in words):
            continue
        if not builder.claim(entry, short, strict=False):
            continue
        entry.aliases.append(short)
        added += 1
    return added


def add_variants(builder: Builder, table: dict) -> int:
    """Give every curated skill its rule-made variants; returns how many forms were added.

    Run after ambiguity is resolved: a variant of a guarded form is guarded too, and so is a
    variant made only of common words, whatever its skill's other forms are.
    """
    settings = builder.settings
    added = 0
    entries = sorted(builder.entries.values(), key=lambda e: e.id)
    shortened = short_certification_names(entries, table)
    for entry in entries:
        if not entry.curated:
            continue
        everything = bool(entry.ambiguous) and not entry.ambiguous_forms
        guarded = {f.casefold() for f in entry.ambiguous_forms}
        made = variant_forms(entry, table, settings.common) + shortened.get(entry.id, [])
        for variant, form in made:
            if variant.casefold() in {f.casefold() for f in entry.forms()}:
                continue
            if not builder.claim(entry, variant, strict=False):
                continue
            entry.aliases.append(variant)
            added += 1
            if everything:
                continue
            words = [w for w in re.split(r"[\s-]+", variant) if w]
            risky = settings.ambiguous_form(variant, multiword=True) or all(
                settings.common(w) for w in words
            )
            if risky or form.casefold() in guarded:
                if not entry.ambiguous:
                    entry.ambiguous = True
                    if not entry.context:
                        entry.context = list(settings.category_context.get(entry.category, ()))
                entry.ambiguous_forms.append(variant)
    return added
