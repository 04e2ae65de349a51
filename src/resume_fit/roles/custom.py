"""A user's own roles: ``--catalogue my_roles.toml`` adds roles to the shipped catalogue or
overrides shipped ones by id.

The file holds ``[[roles]]`` tables in the shipped format (``lexicons/roles.toml``). A table whose
``id`` is a shipped role replaces only the fields it gives (``required`` alone, say); any other id
adds a role, which then needs every field a shipped role has. The merged catalogue is validated
as the shipped one is, plus every skill id of the user's roles must be in the lexicon. Each
problem is one ``DataFileError`` line naming the file, the role and the problem, with the nearest
known skill ids for an unknown one.
"""

from __future__ import annotations

import copy
import hashlib
from pathlib import Path

from rapidfuzz import fuzz, process, utils

from resume_fit.config import lexicon_files
from resume_fit.errors import DataFileError
from resume_fit.lexicon import Lexicon
from resume_fit.roles.catalogue import Catalogue
from resume_fit.roles.reader import _catalogue, _toml

# How many near skill ids an "unknown skill" message offers, and how near they must be (0-100).
SUGGESTIONS = 3
SUGGESTION_CUTOFF = 70.0


def nearest_skill_ids(skill_id: str, lexicon: Lexicon) -> tuple[str, ...]:
    """The known skill ids closest to ``skill_id`` (at most ``SUGGESTIONS``), best first."""
    found = process.extract(
        skill_id,
        list(lexicon),
        scorer=fuzz.ratio,
        processor=utils.default_process,
        score_cutoff=SUGGESTION_CUTOFF,
        limit=SUGGESTIONS,
    )
    return tuple(choice for choice, _, _ in sorted(found, key=lambda f: (-f[1], f[0])))


def _merge(shipped: dict, user: dict, origin: str) -> tuple[dict, list[str]]:
    extra = sorted(set(user) - {"roles", "version"})
    if extra:
        raise DataFileError(origin, f"only [[roles]] tables are read; found {extra}")
    tables = user.get("roles")
    if not isinstance(tables, list) or not tables:
        raise DataFileError(origin, "expected at least one [[roles]] table")
    merged = copy.deepcopy(shipped)
    roles = merged["roles"]
    index = {table["id"]: i for i, table in enumerate(roles)}
    touched: list[str] = []
    for number, table in enumerate(tables):
        role_id = table.get("id") if isinstance(table, dict) else None
        if not isinstance(role_id, str) or not role_id.strip():
            raise DataFileError(origin, f"roles[{number}]: field 'id' must be a non-empty string")
        if role_id in touched:
            raise DataFileError(origin, f"role {role_id!r} is defined twice")
        touched.append(role_id)
        if role_id in index:
            roles[index[role_id]] = {**roles[index[role_id]], **table}
        else:
            index[role_id] = len(roles)
            roles.append(dict(table))
    return merged, touched


def _check_skills(catalogue: Catalogue, role_ids: list[str], lexicon: Lexicon, origin: str) -> None:
    for role_id in role_ids:
        role = catalogue[role_id]
        gate_skills = role.gate.skill_ids if role.gate else ()
        for field, ids in (
            ("required", [o for item in role.required for o in item.options]),
            ("preferred", [o for item in role.preferred for o in item.options]),
            ("gate.skills", list(gate_skills)),
            ("core", list(role.core)),
        ):
            for skill_id in ids:
                if skill_id in lexicon:
                    continue
                near = nearest_skill_ids(skill_id, lexicon)
                hint = f"; nearest known: {', '.join(near)}" if near else "; no known id is close"
                raise DataFileError(
                    origin, f"role {role_id!r}: {field} names unknown skill {skill_id!r}{hint}"
                )


def read_custom_catalogue(path: str | Path, lexicon: Lexicon) -> Catalogue:
    """The shipped catalogue with the roles of ``path`` added or overriding shipped ones by id.

    Args:
        path: A TOML file of ``[[roles]]`` tables.
        lexicon: The skill ids the roles may name.

    Returns:
        The merged catalogue; its ``version`` hashes both files, its ``origin`` is ``path``.

    Raises:
        DataFileError: The file is missing or not TOML, or a role is invalid (an unknown skill id,
            a weight out of range, no required skills ...); one line naming the file and the role.
    """
    origin = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as error:
        raise DataFileError(origin, f"cannot read the role catalogue: {error.strerror}") from error
    key = (origin, hashlib.sha256(data).hexdigest(), getattr(lexicon, "version", id(lexicon)))
    # A batch worker scores every file against the same catalogue: read and check it once.
    if key not in _READ:
        if len(_READ) >= _MAX_READ:
            _READ.clear()
        _READ[key] = _read(origin, data, lexicon)
    return _READ[key]


_MAX_READ = 8
_READ: dict[tuple[str, str, object], Catalogue] = {}


def _read(origin: str, data: bytes, lexicon: Lexicon) -> Catalogue:
    shipped_bytes = (lexicon_files() / "roles.toml").read_bytes()
    shipped = _toml(shipped_bytes, "lexicons/roles.toml")
    merged, touched = _merge(shipped, _toml(data, origin), origin)
    version = hashlib.sha256(shipped_bytes + b"\0" + data).hexdigest()[:16]
    catalogue = _catalogue(merged, origin, version)
    _check_skills(catalogue, touched, lexicon, origin)
    return catalogue
