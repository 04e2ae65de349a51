"""The command line: reports on the samples, exit codes and one-line errors on bad input."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from resume_fit.cli import main
from resume_fit.errors import EXIT_CODES

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
AS_OF = "2026-06-30"


def invoke(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_cli_markdown_report_on_ml_engineer_pdf() -> None:
    code, out, err = invoke(str(SAMPLES / "ml_engineer.pdf"), "--as-of", AS_OF)
    assert code == 0, err
    assert out.startswith("# ")
    ranking = re.findall(r"^\|\s*\d+\s*\|\s*([^|]+?)\s*\|", out, flags=re.M)
    assert ranking, out[:2000]
    assert any(
        name in ranking[:3]
        for name in ("ML Engineer", "Machine Learning Engineer", "MLOps Engineer")
    )
    assert "PyTorch" in out and "Kubernetes" in out


def test_cli_json_has_the_documented_keys() -> None:
    code, out, err = invoke(
        str(SAMPLES / "data_analyst.docx"), "--format", "json", "--as-of", AS_OF
    )
    assert code == 0, err
    report = json.loads(out)
    assert report["source"] == str(SAMPLES / "data_analyst.docx")
    assert isinstance(report["warnings"], list)
    scores = [role["score"] for role in report["roles"]]
    assert scores == sorted(scores, reverse=True)
    assert all(0 <= score <= 100 for score in scores)
    for role in report["roles"]:
        assert {"id", "name", "score", "matched", "missing"} <= set(role)
    ids = {skill["id"] for skill in report["skills"]}
    assert {"sql", "tableau", "a-b-testing"} <= ids
    for skill in report["skills"]:
        assert {"id", "name", "category", "evidence"} <= set(skill)
        for evidence in skill["evidence"]:
            assert {"section", "text", "start", "end"} <= set(evidence)
            assert evidence["end"] > evidence["start"]


def test_cli_json_is_deterministic() -> None:
    first = invoke(str(SAMPLES / "ml_engineer.pdf"), "--format", "json", "--as-of", AS_OF)
    second = invoke(str(SAMPLES / "ml_engineer.pdf"), "--format", "json", "--as-of", AS_OF)
    assert first[0] == 0 and first[1] == second[1]


def test_cli_nontech_resume_does_not_trip_on_ordinary_words() -> None:
    code, out, err = invoke(str(SAMPLES / "nontech_chef.txt"), "--format", "json", "--as-of", AS_OF)
    assert code == 0, err
    report = json.loads(out)
    ids = {skill["id"] for skill in report["skills"]}
    assert not ids & {"excel", "react", "go", "apache-spark", "java", "r"}
    assert report["roles"][0]["score"] < 40


def test_cli_output_file_written_whole(tmp_path: Path) -> None:
    target = tmp_path / "report.md"
    code, out, err = invoke(str(SAMPLES / "nontech_chef.txt"), "-o", str(target))
    assert code == 0, err
    assert out == ""
    assert target.read_text(encoding="utf-8").startswith("# ")
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_cli_roles_lists_catalogue() -> None:
    code, out, err = invoke("roles")
    assert code == 0, err
    for role_id in (
        "ml-engineer",
        "data-scientist-analytics",
        "data-scientist-ml",
        "mlops-engineer",
        "ai-engineer",
        "ai-ethicist",
        "ml-research-scientist",
        "data-engineer",
    ):
        assert role_id in out


def test_cli_unknown_role_is_a_usage_error() -> None:
    code, _, err = invoke(str(SAMPLES / "nontech_chef.txt"), "--role", "astronaut")
    assert code == 2 and "astronaut" in err


def _truncated_pdf(path: Path) -> None:
    data = (SAMPLES / "ml_engineer.pdf").read_bytes()
    path.write_bytes(data[: len(data) // 3])


def _corrupt_docx(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document><w:body><w:p>")


BAD_INPUTS = [
    ("missing", lambda p: None, "InputNotFoundError"),
    ("folder", lambda p: p.mkdir(), "InputNotFoundError"),
    ("empty.pdf", lambda p: p.write_bytes(b""), "NoTextError"),
    (
        "photo.pdf",
        lambda p: p.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200)),
        "UnsupportedFormatError",
    ),
    ("binary.txt", lambda p: p.write_bytes(bytes(range(256)) * 8), "UnsupportedFormatError"),
    ("truncated.pdf", _truncated_pdf, "UnreadableDocumentError"),
    ("corrupt.docx", _corrupt_docx, "UnreadableDocumentError"),
    (
        "text.docx",
        lambda p: p.write_text(
            "Dana Whitfield\nExperience\nData analyst at Fourth Coffee, 2019 - 2024, "
            "building Power BI dashboards and SQL reports for the finance team every week.\n",
            encoding="utf-8",
        ),
        "UnsupportedFormatError",
    ),
    (
        "text.pdf",
        lambda p: p.write_text("Dana Whitfield\nPython, SQL\n" * 5),
        "UnsupportedFormatError",
    ),
    ("short.txt", lambda p: p.write_text("Dana Whitfield, Python\n"), "NoTextError"),
]


@pytest.mark.parametrize(("name", "make", "error"), BAD_INPUTS, ids=[b[0] for b in BAD_INPUTS])
def test_cli_bad_input_gives_one_line_error(tmp_path: Path, name: str, make, error: str) -> None:
    path = tmp_path / name
    make(path)
    code, out, err = invoke(str(path))
    assert code == EXIT_CODES[error], err
    assert out == ""
    lines = err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0], err
    assert "Traceback" not in err


def test_cli_too_large_file_respects_limit() -> None:
    code, _, err = invoke(str(SAMPLES / "ml_engineer.pdf"), "--max-mb", "0.01")
    assert code == EXIT_CODES["LimitExceededError"]
    assert "ml_engineer.pdf" in err


@pytest.mark.parametrize("command", [[], ["analyze"], ["roles"], ["batch"]])
def test_cli_every_command_has_help_with_example(command: list[str]) -> None:
    code, out, _ = invoke(*command, "--help")
    assert code == 0
    assert "Example" in out


def test_cli_commands_are_documented_in_readme() -> None:
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        assert f"resume-fit {name}" in readme, name


def test_cli_python_dash_m_matches_console_script() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "resume_fit", "roles"], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr
    assert "ml-engineer" in result.stdout


INVENTED_POSTING = """Machine Learning Engineer
Harbor Robotics - Remote

Requirements
- 3+ years of Python
- Experience with PyTorch or TensorFlow
- Hands-on Docker and Kubernetes
- Experience with AWS/GCP/Azure
- Comfortable with field visits to our robot depots

Nice to have
- Familiarity with MLflow
"""


@pytest.fixture
def posting_file(tmp_path: Path) -> Path:
    path = tmp_path / "harbor_ml.txt"
    path.write_text(INVENTED_POSTING, encoding="utf-8")
    return path


def test_cli_match_markdown_report(posting_file: Path) -> None:
    code, out, err = invoke(
        "match", str(SAMPLES / "ml_engineer.pdf"), str(posting_file), "--as-of", AS_OF
    )
    assert code == 0, err
    assert out.startswith("# ")
    assert re.search(r"Match: \*\*\d+\.\d/100\*\*", out)
    assert "## Required" in out and "## Preferred" in out
    assert "| PyTorch or TensorFlow | met |" in out
    assert "## Unrecognised requirements" in out and "field visits" in out


def test_cli_match_json_recomputes_and_lists_statuses(posting_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "match.json"
    code, _, err = invoke(
        "match",
        str(SAMPLES / "data_analyst.docx"),
        str(posting_file),
        "--format",
        "json",
        "-o",
        str(target),
        "--as-of",
        AS_OF,
    )
    assert code == 0, err
    report = json.loads(target.read_text(encoding="utf-8"))
    assert report["score"] == round(sum(c["contribution"] for c in report["components"]), 1)
    assert {r["status"] for r in report["requirements"]} <= {"met", "partly met", "missing"}
    assert any(r["status"] == "missing" for r in report["requirements"])
    assert report["posting"]["years"] == 3


def test_cli_match_reads_the_posting_from_stdin() -> None:
    result = CliRunner().invoke(
        main,
        ["match", str(SAMPLES / "ml_engineer.pdf"), "-", "--as-of", AS_OF],
        input=INVENTED_POSTING,
    )
    assert result.exit_code == 0, result.stderr
    assert "Machine Learning Engineer" in result.stdout


def test_cli_match_missing_posting_is_exit_3(tmp_path: Path) -> None:
    code, out, err = invoke("match", str(SAMPLES / "ml_engineer.pdf"), str(tmp_path / "no.txt"))
    assert code == 3
    assert "no.txt" in err and "Traceback" not in err


def test_cli_batch_job_adds_columns_ranks_and_summarises(
    posting_file: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "cvs"
    folder.mkdir()
    for name in ("ml_engineer.pdf", "data_analyst.docx"):
        (folder / name).write_bytes((SAMPLES / name).read_bytes())
    table, summary = tmp_path / "ranked.csv", tmp_path / "summary.md"
    code, _, err = invoke(
        "batch",
        str(folder),
        "--job",
        str(posting_file),
        "-o",
        str(table),
        "--summary",
        str(summary),
        "--jobs",
        "0",
        "--as-of",
        AS_OF,
    )
    assert code == 0, err
    import csv

    rows = list(csv.DictReader(table.open(encoding="utf-8")))
    assert [Path(r["path"]).name for r in rows] == ["ml_engineer.pdf", "data_analyst.docx"]
    assert float(rows[0]["job_score"]) > float(rows[1]["job_score"])
    assert rows[0]["job_harbor_ml_score"] == rows[0]["job_score"]
    met, total = rows[1]["job_harbor_ml_required"].split("/")
    assert int(met) < int(total)
    assert rows[1]["job_harbor_ml_missing"]
    text = summary.read_text(encoding="utf-8")
    assert "## Job posting: Machine Learning Engineer (`harbor_ml`)" in text
    assert "| python | required | 2 |" in text
