"""Session-wide test settings and fixtures."""

from __future__ import annotations

import os
from pathlib import Path

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
