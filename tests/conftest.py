"""Session-wide test settings and fixtures."""

from __future__ import annotations

import importlib.util
import os
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="Rewrite golden files under tests/data/golden instead of comparing against them.",
    )


@pytest.fixture(scope="session")
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite golden files on purpose."""
    return bool(request.config.getoption("--update-golden"))


@pytest.fixture(scope="session")
def load_script() -> Callable[[str], ModuleType]:
    """Import a script of the repository (``"scripts/build_lexicon.py"``) as a module, under its
    file name (registered in ``sys.modules``: dataclasses look their module up)."""

    def load(relative: str) -> ModuleType:
        path = REPO / relative
        spec = importlib.util.spec_from_file_location(path.stem, path)
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[path.stem] = module
        spec.loader.exec_module(module)
        return module

    return load


@pytest.fixture(scope="session")
def samples_dir() -> Path:
    """The bundled sample resumes."""
    return SAMPLES


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared data folder beside the checkout (or $RESUME_FIT_SHARED); skips when absent."""
    path = Path(os.environ.get("RESUME_FIT_SHARED", REPO.parent / "shared"))
    if not path.is_dir():
        pytest.skip(f"shared data not found at {path}")
    return path


class _PageChecker:
    """Parses a page and records what makes it not well-formed or not self-contained."""

    VOID = frozenset(
        {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
         "track", "wbr"}
    )  # fmt: skip
    FETCHING = frozenset({"script", "link", "img", "iframe", "object", "embed", "audio", "video"})

    def __init__(self) -> None:
        from html.parser import HTMLParser

        checker = self

        class Parser(HTMLParser):
            def handle_starttag(self, tag, attrs):
                checker.start(tag, attrs)

            def handle_startendtag(self, tag, attrs):
                checker.start(tag, attrs, closed=True)

            def handle_endtag(self, tag):
                checker.end(tag)

            def handle_data(self, data):
                if (
                    checker.stack
                    and checker.stack[-1] == "style"
                    and ("url(" in data or "@import" in data)
                ):
                    checker.problems.append("style sheet fetches something")

        self.parser = Parser(convert_charrefs=True)
        self.stack: list[str] = []
        self.problems: list[str] = []

    def start(self, tag, attrs, closed=False):
        if tag in self.FETCHING:
            self.problems.append(f"<{tag}> element")
        for name, value in attrs:
            value = (value or "").strip().lower()
            if name in {"src", "href", "srcset", "action", "xlink:href", "data", "poster"} and (
                value.startswith(("http:", "https:", "//", "ftp:")) or ":" in value.split("/")[0]
            ):
                self.problems.append(f"external reference {name}={value!r}")
            if name.startswith("on"):
                self.problems.append(f"script attribute {name}")
        if tag not in self.VOID and not closed:
            self.stack.append(tag)

    def end(self, tag):
        if tag in self.VOID:
            return
        if not self.stack or self.stack[-1] != tag:
            self.problems.append(f"</{tag}> closes <{self.stack[-1] if self.stack else None}>")
            return
        self.stack.pop()

    def check(self, page: str) -> list[str]:
        self.parser.feed(page)
        self.parser.close()
        if not page.lstrip().lower().startswith("<!doctype html>"):
            self.problems.append("no <!DOCTYPE html>")
        if self.stack:
            self.problems.append(f"unclosed {self.stack}")
        return self.problems


@pytest.fixture(scope="session")
def html_problems():
    """A function listing why a page is not well-formed or not self-contained ([] when it is)."""
    return lambda page: _PageChecker().check(page)


class NetworkUsedError(AssertionError):
    """Raised by the ``no_network`` guard when code under test tries to reach the network."""


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make every socket connect and name lookup fail, so no network use can go unnoticed."""
    import socket

    def refuse(*args: object, **kwargs: object) -> None:
        raise NetworkUsedError(f"network use attempted: {args[1:] or args}")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
