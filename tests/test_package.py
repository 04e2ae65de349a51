"""The built wheel carries lexicons/ and models/ and works outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def installed_venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment, outside the checkout, with only the built wheel installed.

    The wheel's dependencies (spaCy, pdfminer.six ...) are borrowed from the test environment
    through a ``.pth`` line rather than downloaded again; the editable install of the checkout is
    not visible there, because ``.pth`` files inside a borrowed folder are not processed.
    """
    root = tmp_path_factory.mktemp("wheel-install")
    wheel_dir = root / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(wheel_dir),
            str(REPO),
        ],
        check=True,
        cwd=root,
    )
    wheels = sorted(wheel_dir.glob("resume_fit-*.whl"))
    assert len(wheels) == 1, wheels
    env_dir = root / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    site = Path(
        subprocess.run(
            [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
            check=True,
            capture_output=True,
            text=True,
        ).stdout.strip()
    )
    (site / "borrowed_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-deps",
            str(wheels[0]),
        ],
        check=True,
        cwd=root,
    )
    return env_dir


def _run(env_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    environment = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH"}}
    return subprocess.run(
        [str(env_dir / "bin" / "resume-fit"), *args],
        capture_output=True,
        text=True,
        cwd=env_dir.parent,
        env=environment,
        timeout=300,
    )


def test_package_wheel_ships_data_and_runs(installed_venv: Path) -> None:
    python = installed_venv / "bin" / "python"
    where = subprocess.run(
        [
            str(python),
            "-c",
            "import resume_fit, resume_fit.config as c; print(resume_fit.__file__); "
            "print((c.lexicon_files() / 'skills.jsonl').is_file()); "
            "print((c.lexicon_files() / 'roles.toml').is_file())",
        ],
        capture_output=True,
        text=True,
        check=True,
        cwd=installed_venv.parent,
    ).stdout.split()
    assert where[0].startswith(str(installed_venv)), where[0]
    assert where[1:] == ["True", "True"]
    result = _run(installed_venv, str(REPO / "samples" / "ml_engineer.pdf"), "--format", "json")
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report["roles"][0]["score"] > 0
    assert {"pytorch", "docker", "kubernetes"} <= {skill["id"] for skill in report["skills"]}


def test_package_wheel_reports_bad_input_without_traceback(
    installed_venv: Path, tmp_path: Path
) -> None:
    bogus = tmp_path / "scan.pdf"
    bogus.write_bytes(b"\x89PNG\r\n\x1a\n" + b"\x00" * 64)
    result = _run(installed_venv, str(bogus))
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert str(bogus) in result.stderr and len(result.stderr.strip().splitlines()) == 1


def test_package_wheel_doctor_and_html_report(installed_venv: Path) -> None:
    doctor = _run(installed_venv, "doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr
    assert str(installed_venv) in doctor.stdout  # it checked the installed data, not the checkout
    page = _run(
        installed_venv, str(REPO / "samples" / "ml_engineer.pdf"), "--format", "html", "--redact"
    )
    assert page.returncode == 0, page.stderr
    assert page.stdout.startswith("<!DOCTYPE html>") and "<svg" in page.stdout
