"""Fixtures for the batch tests: a fake ``analyze``, a small folder of resumes, a call log.

The fake stands in for the real pipeline so the tests exercise the batch machinery (workers,
timeouts, crashes, journal, cache, outputs) in milliseconds. What it does is decided by the file:
the skill words in it make the report, ``HANG`` makes it sleep, ``CRASH`` kills its process.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from resume_fit.errors import NoTextError, UnreadableDocumentError, UnsupportedFormatError

ROLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "data-scientist": ("Data Scientist", ("python", "sql", "statistics", "pandas")),
    "ml-engineer": ("Machine Learning Engineer", ("python", "docker", "kubernetes", "pytorch")),
}
CALLS_FILE_ENV = "RESUME_FIT_TEST_CALLS"


def _fake_analyze(path: Path, limits: Any = None, reference_date: Any = None) -> SimpleNamespace:
    """Score a file the way the tests expect: one point of 25 per required skill present."""
    path = Path(path)
    calls = os.environ.get(CALLS_FILE_ENV)
    if calls:
        # Appending a line per call works across worker processes, unlike a counter in memory.
        with open(calls, "a", encoding="utf-8") as stream:
            stream.write(f"{path.name}\n")
    data = path.read_bytes()
    if data.startswith(b"\x89PNG"):
        raise UnsupportedFormatError(path, "this is a PNG image, not a PDF")
    if path.suffix == ".pdf" and not data.startswith(b"%PDF"):
        raise UnreadableDocumentError(path, "corrupt PDF: no PDF header")
    text = data.decode("utf-8", errors="replace")
    if not text.strip():
        raise NoTextError(path, "the file has no text")
    if "HANG" in text:
        time.sleep(60)
    if "CRASH" in text:
        os._exit(3)
    words = set(text.lower().split())
    skills = sorted({s for _, required in ROLES.values() for s in required} & words)
    mentions = tuple(
        SimpleNamespace(
            id=skill,
            evidence=(SimpleNamespace(section="skills"),) * (1 + text.lower().count(skill) // 2),
        )
        for skill in skills
    )
    fits = [
        SimpleNamespace(
            id=role_id,
            name=name,
            score=100.0 * len(set(required) & words) / len(required),
            missing=tuple(s for s in required if s not in words),
        )
        for role_id, (name, required) in ROLES.items()
    ]
    fits.sort(key=lambda fit: (-fit.score, fit.id))
    years = float(text.lower().count("year"))
    return SimpleNamespace(
        source=str(path),
        skills=mentions,
        roles=tuple(fits),
        profile=SimpleNamespace(total_years=years, seniority="senior" if years >= 5 else "junior"),
        quality=SimpleNamespace(verdict="good"),
        warnings=(),
    )


@pytest.fixture
def fake_analyze() -> Callable[..., SimpleNamespace]:
    """The fake ``analyze`` (a fixture so test modules need not import this conftest)."""
    return _fake_analyze


@pytest.fixture
def resume_folder(tmp_path: Path) -> Path:
    """A folder of small resumes, some good, some broken, some not resumes at all."""
    root = tmp_path / "resumes"
    (root / "team-a").mkdir(parents=True)
    (root / "team-b" / "nested").mkdir(parents=True)
    files = {
        "team-a/alice.txt": "Alice\nSkills: python sql statistics pandas docker\n6 years year",
        "team-a/bob.md": "# Bob\npython docker kubernetes pytorch\n",
        "team-b/carol.txt": "Carol: python sql\n",
        "team-b/nested/dave.txt": "Dave knows python\n",
        "team-b/empty.txt": "",
        "team-b/corrupt.pdf": "this is not a pdf at all",
        "team-b/nested/photo.pdf": None,
        "notes.xlsx": "spreadsheet",
        "team-a/.hidden.txt": "python",
    }
    for name, text in files.items():
        target = root / name
        if text is None:
            target.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
        else:
            target.write_text(text, encoding="utf-8")
    return root


@pytest.fixture
def calls_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A file the fake ``analyze`` appends a line to per call (works across processes)."""
    target = tmp_path / "calls.log"
    target.touch()
    monkeypatch.setenv(CALLS_FILE_ENV, str(target))
    return target
