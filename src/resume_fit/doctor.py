"""``resume-fit doctor``: is this installation whole, consistent and working, and what is optional?

Each check gives one ``Check``: ``ok``, ``fail`` (with the fix in one line) or ``info`` (an
optional part, or a version). The checks, in order: versions; every shipped data file loads
(skill lexicon, extractor settings, headings, profile cues, redaction rules, role catalogue); the
catalogue names only skills the lexicon has; the saved pipeline in ``models/skills`` is not stale
against the lexicon and settings (the same comparison as the freshness test) and holds the same
skills; it loads and finds the skills of a known sentence; the optional OCR programs, pyarrow and
dask. The data and model folders can be pointed elsewhere (a copy being edited, a test's temporary
copy); by default they are the installed package data.

Library code: nothing here prints or exits. ``cli.doctor`` prints the lines and sets the exit code.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.metadata
import importlib.util
import json
import os
import platform
import shutil
import tomllib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from resume_fit.config import lexicon_files, model_files

__all__ = ["KNOWN_SENTENCE", "KNOWN_SKILLS", "Check", "run_checks"]

# The README's example: any working pipeline finds these three.
KNOWN_SENTENCE = "Built PyTorch models and deployed them with Docker on AWS."
KNOWN_SKILLS = ("aws", "docker", "pytorch")
REBUILD = "run `python scripts/build_model.py` (or reinstall resume-fit)"
REINSTALL = "reinstall resume-fit (`pip install --force-reinstall resume-fit`)"
_VERSIONS = ("spacy", "pdfminer.six", "python-docx", "rapidfuzz", "pandas", "click", "jinja2")
_OPTIONAL_MODULES = (
    ("pyarrow", "writing Parquet tables", "pip install 'resume-fit[parquet]'"),
    ("dask", "distributed batches", "pip install dask"),
)


@dataclass(frozen=True)
class Check:
    """The outcome of one check.

    Attributes:
        name: What was checked ("lexicon", "pipeline loads" ...).
        status: ``"ok"``, ``"fail"`` or ``"info"``.
        detail: What was found.
        fix: For a failure, what to do, in one line ("" otherwise).
    """

    name: str
    status: str
    detail: str
    fix: str = ""

    def line(self) -> str:
        """One line for a terminal: status, name, detail and, on failure, the fix."""
        text = f"[{self.status:>4}] {self.name}: {self.detail}"
        return f"{text}\n       fix: {self.fix}" if self.fix else text


@contextlib.contextmanager
def _folder(override: Path | None, default: Callable[[], Any]) -> Iterator[Path]:
    if override is not None:
        yield Path(override)
        return
    with resources.as_file(default()) as path:
        yield Path(path)


def run_checks(lexicons: Path | None = None, models: Path | None = None) -> list[Check]:
    """Run every check.

    Args:
        lexicons: A ``lexicons/`` folder to check instead of the installed package data.
        models: A ``models/`` folder to check instead of the installed one.

    Returns:
        The checks in the order described in the module docstring; the installation is healthy
        when none has status ``"fail"``.
    """
    checks = _versions()
    with _folder(lexicons, lexicon_files) as lexicon_dir, _folder(models, model_files) as model_dir:
        data = _data_checks(lexicon_dir, checks)
        checks += _pipeline_checks(model_dir / "skills", data)
    checks += _optional()
    return checks


def _versions() -> list[Check]:
    from resume_fit import __version__

    found = [f"resume-fit {__version__}", f"Python {platform.python_version()}"]
    for name in _VERSIONS:
        try:
            found.append(f"{name} {importlib.metadata.version(name)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{name} missing")
    return [Check("versions", "info", ", ".join(found))]


def _attempt(
    checks: list[Check],
    name: str,
    fix: str,
    action: Callable[[], Any],
    detail: Callable[[Any], str],
) -> Any:
    """Run ``action``; record ok with ``detail(result)``, or fail with the error and ``fix``."""
    try:
        result = action()
    except Exception as error:  # any failure here is what the doctor is for
        reason = " ".join(str(error).split()) or type(error).__name__
        checks.append(Check(name, "fail", reason, fix))
        return None
    checks.append(Check(name, "ok", detail(result)))
    return result


def _data_checks(folder: Path, checks: list[Check]) -> dict[str, Any]:
    from resume_fit.extract.listed import parse_listed_rules
    from resume_fit.extract.settings import read_settings
    from resume_fit.lexicon import read_lexicon
    from resume_fit.profile.cues import parse_cues
    from resume_fit.report.redact import parse_rules
    from resume_fit.roles import read_catalogue, unknown_skills

    data: dict[str, Any] = {}
    data["lexicon"] = _attempt(
        checks,
        "lexicon",
        f"{REINSTALL}, or rebuild it with `make lexicon`",
        lambda: read_lexicon(folder / "skills.jsonl"),
        lambda lex: f"{len(lex)} skills, version {lex.version} ({folder / 'skills.jsonl'})",
    )
    data["settings"] = _attempt(
        checks,
        "extractor settings",
        f"fix the file named above or {REINSTALL}",
        lambda: read_settings(folder / "extract.toml"),
        lambda settings: f"hash {settings.digest}",
    )
    parsers: tuple[tuple[str, str, Callable[[str], object]], ...] = (
        ("section headings", "sections.toml", _parse_sections),
        ("profile cues", "profile.toml", lambda text: parse_cues(text, "profile.toml")),
        ("redaction rules", "redaction.toml", lambda text: parse_rules(text, "redaction.toml")),
        ("skills-list rules", "listed.toml", lambda text: parse_listed_rules(text, "listed.toml")),
    )
    for name, file, parse in parsers:
        path = folder / file
        _attempt(
            checks,
            name,
            f"fix {path} or {REINSTALL}",
            functools.partial(_read_with, parse, path),
            functools.partial(_loads, path),
        )
    catalogue = _attempt(
        checks,
        "catalogue",
        f"fix the entry named above in {folder / 'roles.toml'} or {REINSTALL}",
        lambda: read_catalogue(folder / "roles.toml"),
        lambda cat: f"{len(cat)} roles, version {cat.version}",
    )
    if catalogue is not None and data["lexicon"] is not None:
        unknown = unknown_skills(catalogue, data["lexicon"])
        if unknown:
            listed = "; ".join(f"{role}: {', '.join(ids)}" for role, ids in sorted(unknown.items()))
            checks.append(
                Check(
                    "catalogue skills",
                    "fail",
                    f"roles name skills the lexicon lacks ({listed})",
                    "add the skills to lexicons/curated/ and run `make lexicon`, or fix the ids "
                    "in roles.toml",
                )
            )
        else:
            checks.append(Check("catalogue skills", "ok", "every skill id is in the lexicon"))
    return data


def _parse_sections(text: str) -> object:
    from resume_fit.parse.settings import parse_settings

    return parse_settings(tomllib.loads(text), "sections.toml")


def _read_with(parse: Callable[[str], object], path: Path) -> object:
    return parse(path.read_text(encoding="utf-8"))


def _loads(path: Path, _: object) -> str:
    return f"{path} loads"


def _pipeline_checks(folder: Path, data: dict[str, Any]) -> list[Check]:
    from resume_fit.extract.pipeline import META_KEY

    checks: list[Check] = []
    lexicon, settings = data.get("lexicon"), data.get("settings")
    meta_file = folder / "meta.json"
    if not meta_file.is_file():
        checks.append(Check("saved pipeline", "fail", f"{meta_file} is missing", REBUILD))
    elif lexicon is not None and settings is not None:
        try:
            stamp = json.loads(meta_file.read_text(encoding="utf-8")).get(META_KEY) or {}
        except (OSError, ValueError) as error:
            stamp = {"error": str(error)}
        stale = []
        if stamp.get("lexicon_version") != lexicon.version:
            stale.append(
                f"built from lexicon {stamp.get('lexicon_version')}, the lexicon is "
                f"{lexicon.version}"
            )
        if stamp.get("settings_hash") != settings.digest:
            stale.append("built with other extractor settings than extract.toml")
        saved = folder / "resume_fit_skills" / "skills.jsonl"
        try:
            ids = [
                json.loads(line)["id"] for line in saved.read_text(encoding="utf-8").splitlines()
            ]
            if ids != sorted(lexicon):
                stale.append("its skills differ from the lexicon")
        except (OSError, ValueError, KeyError) as error:
            stale.append(f"cannot read {saved} ({type(error).__name__})")
        if stale:
            checks.append(
                Check("saved pipeline", "fail", f"{folder} is stale: " + "; ".join(stale), REBUILD)
            )
        else:
            checks.append(
                Check("saved pipeline", "ok", f"{folder} matches the lexicon and settings")
            )
    nlp = _attempt(
        checks,
        "pipeline loads",
        REBUILD,
        lambda: _load(folder),
        lambda nlp: f"components {nlp.pipe_names}",
    )
    if nlp is not None:
        _attempt(
            checks,
            "known sentence",
            REBUILD,
            lambda: _known_sentence(nlp),
            lambda found: f"found {', '.join(found)}",
        )
    return checks


def _load(folder: Path) -> Any:
    import spacy

    from resume_fit.extract.pipeline import SAVED_TOKENIZER

    if not folder.is_dir():
        raise FileNotFoundError(f"{folder} is missing")
    return spacy.load(folder, config={"nlp": {"tokenizer": {"@tokenizers": SAVED_TOKENIZER}}})


def _known_sentence(nlp: Any) -> tuple[str, ...]:
    from resume_fit.extract import extract_skills
    from resume_fit.parse import parse_text

    found = tuple(sorted(m.id for m in extract_skills(parse_text(KNOWN_SENTENCE), nlp)))
    missing = [s for s in KNOWN_SKILLS if s not in found]
    if missing:
        raise ValueError(f"{KNOWN_SENTENCE!r} gave {list(found)}, missing {missing}")
    return found


def _optional() -> list[Check]:
    from resume_fit.parse.ocr import PDFTOPPM_ENV, TESSERACT_ENV

    checks = []
    for command, variable in (("pdftoppm", PDFTOPPM_ENV), ("tesseract", TESSERACT_ENV)):
        where = shutil.which(os.environ.get(variable) or command)
        detail = f"{where}" if where else "not found (only needed for --ocr: apt install "
        if not where:
            detail += "poppler-utils)" if command == "pdftoppm" else "tesseract-ocr)"
        checks.append(Check(f"optional {command}", "info", detail))
    for module, purpose, how in _OPTIONAL_MODULES:
        if importlib.util.find_spec(module) is not None:
            detail = f"{module} {importlib.metadata.version(module)} ({purpose})"
        else:
            detail = f"not installed (only for {purpose}: {how})"
        checks.append(Check(f"optional {module}", "info", detail))
    return checks
