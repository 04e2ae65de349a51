"""Nothing reaches the network: the CLI and the library run on every sample with sockets blocked.

``no_network`` (tests/conftest.py) makes every connect and name lookup raise, in this process; the
CLI runs in-process through click's runner, so a download hidden anywhere in parse, extract,
profile, match or report fails these tests instead of going unnoticed.
"""

from __future__ import annotations

import json
import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from resume_fit.api import analyze
from resume_fit.cli import main
from resume_fit.parse import parse_file

SAMPLES = Path(__file__).resolve().parents[1] / "samples"
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if p.is_file())


def test_offline_guard_blocks_sockets(no_network: None) -> None:
    with pytest.raises(AssertionError, match="network use attempted"):
        socket.create_connection(("198.51.100.7", 80), timeout=1)
    with pytest.raises(AssertionError, match="network use attempted"):
        socket.socket().connect(("198.51.100.7", 80))


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_offline_library_on_every_sample(sample: Path, no_network: None) -> None:
    resume = parse_file(sample)
    assert resume.text
    report = analyze(sample)
    assert report.roles and report.source == str(sample)


@pytest.mark.parametrize("sample", SAMPLE_FILES, ids=lambda p: p.name)
def test_offline_cli_on_every_sample(sample: Path, no_network: None) -> None:
    markdown = CliRunner().invoke(main, [str(sample), "--as-of", "2026-06-30"])
    assert markdown.exit_code == 0, markdown.stderr
    assert markdown.stdout.startswith("# ")
    as_json = CliRunner().invoke(main, [str(sample), "--as-of", "2026-06-30", "--format", "json"])
    assert as_json.exit_code == 0, as_json.stderr
    assert json.loads(as_json.stdout)["source"] == str(sample)
