"""The command line for reports people share: --redact, --format html, doctor, shell completion."""

from __future__ import annotations

import json
import re
import shutil
from importlib import resources
from pathlib import Path

import pytest
from click.testing import CliRunner

from resume_fit.cli import main
from resume_fit.roles import read_catalogue

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"
AS_OF = "2026-06-30"
# An invented person whose name recurs beyond the top line.
RESUME = """Tomasz Wielgosz-Lindqvist
Data Scientist | t.lindqvist@example.com | +46 70 123 45 67 | github.com/tlindqvist
Date of birth: 12 May 1990 | Nationality: Swedish

Experience
Data Scientist | Nordlys Analytics | Jan 2020 - Present
- Built churn models in Python and scikit-learn; Tomasz presented them to the board
- Wrote SQL pipelines on AWS with dbt; Lindqvist's dashboards in Tableau

Education
MSc in Statistics, Uppsala University, 2019

Skills
Python, SQL, scikit-learn, pandas, Tableau, AWS, Docker
"""
NAMES = ("tomasz", "wielgosz", "lindqvist", "tlindqvist")


def invoke(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), env=env)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def resume_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("cv") / "Tomasz_Lindqvist_resume.txt"
    path.write_text(RESUME, encoding="utf-8")
    return path


def _leaks(text: str) -> list[str]:
    folded = text.casefold()
    found = [n for n in NAMES if re.search(rf"(?<![a-z]){n}(?![a-z])", folded)]
    found += re.findall(r"[\w.+-]+@[\w-]+\.\w+", text)
    return found + [w for w in ("123 45 67", "Swedish", "1990") if w in text]


@pytest.mark.parametrize("fmt", ["markdown", "json", "html"])
def test_cli_redact_every_format(resume_file, fmt, html_problems):
    code, plain, err = invoke(str(resume_file), "--format", fmt, "--as-of", AS_OF)
    assert code == 0, err
    assert _leaks(plain)
    code, blind, err = invoke(str(resume_file), "--format", fmt, "--as-of", AS_OF, "--redact")
    assert code == 0, err
    assert _leaks(blind) == []
    assert str(resume_file) not in blind and "cand-" in blind
    if fmt == "html":
        assert html_problems(blind) == [] and html_problems(plain) == []


def test_cli_redact_changes_nothing_but_personal_data_on_the_samples():
    for sample in ("ml_engineer.pdf", "data_analyst.docx", "nontech_chef.txt"):
        path = str(SAMPLES / sample)
        _, plain, _ = invoke(path, "--format", "json", "--as-of", AS_OF)
        _, blind, _ = invoke(path, "--format", "json", "--as-of", AS_OF, "--redact")
        before, after = json.loads(plain), json.loads(blind)
        assert after.pop("source").startswith("cand-")
        before.pop("source")
        assert after["skills"] == before["skills"] and after["roles"] == before["roles"]
        assert after["plan"] == before["plan"]


# An invented posting the resume above partly meets, with a recruiter's contact line.
POSTING = """Senior Data Scientist
Contact: hiring@nordlys.example

Requirements
- 3+ years of Python and SQL
- Experience with scikit-learn or XGBoost
- Deploying models with Kubernetes

Nice to have
- Familiarity with MLflow
"""


@pytest.fixture(scope="module")
def posting_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("job") / "senior_ds.txt"
    path.write_text(POSTING, encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["markdown", "json", "html"])
def test_cli_match_redact_every_format(resume_file, posting_file, fmt, html_problems):
    args = ("match", str(resume_file), str(posting_file), "--format", fmt, "--as-of", AS_OF)
    code, plain, err = invoke(*args)
    assert code == 0, err
    assert _leaks(plain)
    code, blind, err = invoke(*args, "--redact")
    assert code == 0, err
    assert _leaks(blind) == []
    assert str(resume_file) not in blind and "cand-" in blind
    if fmt == "html":
        assert html_problems(blind) == [] and html_problems(plain) == []


def test_cli_match_redact_keeps_score_and_requirements(resume_file, posting_file):
    args = ("match", str(resume_file), str(posting_file), "--format", "json", "--as-of", AS_OF)
    _, plain, _ = invoke(*args)
    _, blind, _ = invoke(*args, "--redact")
    before, after = json.loads(plain), json.loads(blind)
    assert after["resume"].startswith("cand-") and before["resume"] == str(resume_file)
    for key in ("score", "components", "requirements", "advice", "unrecognised"):
        assert after[key] == before[key], key
    assert {r["status"] for r in after["requirements"]} == {"met", "missing"}


def test_cli_match_html_shows_the_same_report(resume_file, posting_file, html_problems):
    args = ("match", str(resume_file), str(posting_file), "--as-of", AS_OF)
    _, markdown, _ = invoke(*args)
    code, page, err = invoke(*args, "--format", "html")
    assert code == 0, err
    assert html_problems(page) == []
    score = re.search(r"Match: \*\*(\d+\.\d)/100\*\*", markdown)[1]
    assert f"<strong>{score}/100</strong>" in page
    assert "<svg" in page and "Match score, stacked by score component" in page
    assert "<caption>Required</caption>" in page and "<caption>Preferred</caption>" in page
    assert re.search(r"<td>Kubernetes</td><td>missing</td>", page)
    assert page == invoke(*args, "--format", "html")[1]


def test_cli_html_report_written_to_file(tmp_path, html_problems):
    target = tmp_path / "report.html"
    code, _, err = invoke(
        str(SAMPLES / "ml_engineer.pdf"), "--format", "html", "-o", str(target), "--as-of", AS_OF
    )
    assert code == 0, err
    page = target.read_text(encoding="utf-8")
    assert html_problems(page) == [] and "Machine Learning Engineer" in page


@pytest.mark.parametrize(
    ("shell", "marker"),
    [
        ("bash_source", "_resume_fit_completion"),
        ("zsh_source", "#compdef resume-fit"),
        ("fish_source", "complete --no-files --command resume-fit"),
    ],
)
def test_cli_completion_script_generates(shell, marker):
    result = CliRunner().invoke(
        main, [], prog_name="resume-fit", env={"_RESUME_FIT_COMPLETE": shell}
    )
    assert result.exit_code == 0
    assert marker in result.output


def test_cli_completion_completes_commands_and_choices():
    env = {
        "_RESUME_FIT_COMPLETE": "bash_complete",
        "COMP_WORDS": "resume-fit do",
        "COMP_CWORD": "1",
    }
    result = CliRunner().invoke(main, [], prog_name="resume-fit", env=env)
    assert "plain,doctor" in result.output
    env["COMP_WORDS"], env["COMP_CWORD"] = "resume-fit analyze cv.pdf --format ", "4"
    result = CliRunner().invoke(main, [], prog_name="resume-fit", env=env)
    assert {"plain,markdown", "plain,json", "plain,html"} <= set(result.output.split())


@pytest.fixture
def data_copy(tmp_path: Path) -> tuple[Path, Path]:
    """Copies of the installed lexicons/ and models/ that a test may break."""
    with resources.as_file(resources.files("resume_fit.lexicons")) as lexicons:
        shutil.copytree(lexicons, tmp_path / "lexicons")
    with resources.as_file(resources.files("resume_fit.models")) as models:
        shutil.copytree(models, tmp_path / "models")
    return tmp_path / "lexicons", tmp_path / "models"


def doctor(lexicons: Path, models: Path) -> tuple[int, str, str]:
    return invoke("doctor", "--lexicons", str(lexicons), "--models", str(models))


def test_cli_doctor_healthy_copy(data_copy):
    code, out, err = doctor(*data_copy)
    assert code == 0, out + err
    for name in ("lexicon", "catalogue", "catalogue skills", "saved pipeline", "known sentence"):
        assert f"[  ok] {name}:" in out
    assert "versions: resume-fit" in out and "optional tesseract" in out and "optional dask" in out


@pytest.mark.parametrize(
    "missing",
    ["skills/resume_fit_skills/skills.jsonl", "skills/meta.json", "skills/tokenizer"],
)
def test_cli_doctor_catches_a_deleted_model_file(data_copy, missing):
    lexicons, models = data_copy
    (models / missing).unlink()
    code, out, err = doctor(lexicons, models)
    assert code == 1
    assert "[fail]" in out and "fix: run `python scripts/build_model.py`" in out
    assert "check(s) failed" in err


def test_cli_doctor_catches_a_malformed_catalogue(data_copy):
    lexicons, models = data_copy
    roles = lexicons / "roles.toml"
    roles.write_text(roles.read_text(encoding="utf-8") + "\n[[roles]\nid = \n", encoding="utf-8")
    code, out, _ = doctor(lexicons, models)
    assert code == 1
    failed = [line for line in out.splitlines() if line.startswith("[fail] catalogue:")]
    assert failed and "roles.toml" in failed[0]
    assert "fix: fix the entry named above" in out


def test_cli_doctor_catches_a_catalogue_naming_unknown_skills(data_copy):
    lexicons, models = data_copy
    roles = lexicons / "roles.toml"
    skill = next(iter(read_catalogue(roles).values())).required[0].options[0]
    text = roles.read_text(encoding="utf-8").replace(f'"{skill}"', '"no-such-skill-xyz"')
    roles.write_text(text, encoding="utf-8")
    code, out, _ = doctor(lexicons, models)
    assert code == 1
    assert "[fail] catalogue skills:" in out and "no-such-skill-xyz" in out


def test_cli_doctor_catches_a_stale_pipeline(data_copy):
    lexicons, models = data_copy
    skills = lexicons / "skills.jsonl"
    lines = skills.read_text(encoding="utf-8").splitlines()
    record = json.loads(lines[-1])
    record["aliases"] = [*record.get("aliases", []), "zzz made up alias"]
    skills.write_text("\n".join([*lines[:-1], json.dumps(record)]) + "\n", encoding="utf-8")
    code, out, _ = doctor(lexicons, models)
    assert code == 1
    assert "[fail] saved pipeline:" in out and "stale" in out


def test_cli_doctor_catches_malformed_skills_list_rules(data_copy):
    lexicons, models = data_copy
    rules = lexicons / "listed.toml"
    rules.write_text(
        rules.read_text(encoding="utf-8").replace("max_words = 4", 'max_words = "four"')
    )
    code, out, _ = doctor(lexicons, models)
    assert code == 1
    failed = [line for line in out.splitlines() if line.startswith("[fail] skills-list rules:")]
    assert failed and "listed.toml" in failed[0] and "[shape]" in failed[0]
