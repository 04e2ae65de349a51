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
