"""The redaction benchmark's own counting: word-like name tokens are counted apart, never hidden."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "evaluate_redaction", REPO / "scripts" / "evaluate_redaction.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate_redaction"] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def test_evaluate_redaction_word_like_name_tokens_counted_apart(script):
    # An invented person whose surname is a skill and whose first name is a word.
    person = script.Person("cv.pdf", names={"grant", "swift", "okafor"}, read={"okafor"})
    text = "Skills: Swift, Python. Applied for a grant. Okafor and okafor wrote it."
    found = script.count(text, [person], None)
    assert (found.names, found.wordy_capital, found.wordy_lower) == (2, 1, 1)
    assert found.unread == 0


def test_evaluate_redaction_leak_not_read_by_resume_fit_is_flagged(script):
    person = script.Person("cv.pdf", names={"quenby"}, read=set())
    found = script.count("led by Quenby", [person], None)
    assert (found.names, found.unread) == (1, 1)
