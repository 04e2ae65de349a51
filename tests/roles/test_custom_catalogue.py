"""A user's own roles: added or overriding shipped ones, checked with one-line errors (exit 9)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from resume_fit.api import analyze, resolve_catalogue
from resume_fit.batch import score_folder
from resume_fit.batch.score import score_file
from resume_fit.batch.store import cache_salt
from resume_fit.cli import main
from resume_fit.config import Limits
from resume_fit.errors import DataFileError
from resume_fit.lexicon import load_lexicon
from resume_fit.roles import load_catalogue, nearest_skill_ids, read_custom_catalogue

AS_OF = dt.date(2026, 6, 30)
RESUME = """Noor Haddad
Backend Engineer

Experience
Backend Engineer, Tallow Systems (2020 - Present)
- Built services in Go and Python with PostgreSQL, Kafka and Docker on AWS.

Skills
Go, Python, PostgreSQL, Kafka, Docker, AWS, Kubernetes
"""
NEW_ROLE = """
[[roles]]
id = "streaming-engineer"
name = "Streaming Engineer"
family = "engineering"
summary = "Builds event streaming services."
titles = ["backend engineer"]
required = ["kafka", ["go", "java"], "docker"]
preferred = ["kubernetes", "postgresql"]
"""


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "my_roles.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_custom_catalogue_adds_a_role_that_can_win(tmp_path):
    catalogue = _write(tmp_path, NEW_ROLE)
    resume = tmp_path / "cv.txt"
    resume.write_text(RESUME, encoding="utf-8")
    report = analyze(resume, reference_date=AS_OF, catalogue=catalogue)
    assert report.roles[0].id == "streaming-engineer"
    assert len(report.roles) == len(load_catalogue()) + 1
    assert report.catalogue_version != load_catalogue().version


def test_custom_catalogue_overrides_only_the_fields_given(tmp_path):
    path = _write(tmp_path, '[[roles]]\nid = "ml-engineer"\nrequired = ["python", "go"]\n')
    merged = read_custom_catalogue(path, load_lexicon())
    role, shipped = merged["ml-engineer"], load_catalogue()["ml-engineer"]
    assert [r.options for r in role.required] == [("python",), ("go",)]
    assert role.preferred == shipped.preferred and role.name == shipped.name


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '[[roles]]\nid = "ml-engineer"\nrequired = ["pytorh"]\n',
            r"my_roles\.toml: role 'ml-engineer': required names unknown skill 'pytorh'; "
            r"nearest known: pytorch",
        ),
        (
            '[[roles]]\nid = "ml-engineer"\nweights = { required = 400 }\n',
            r"my_roles\.toml: role 'ml-engineer': field 'weights\.required' must be between 0 and "
            r"100, found 400",
        ),
        (
            NEW_ROLE.replace('required = ["kafka", ["go", "java"], "docker"]', "required = []"),
            r"my_roles\.toml: role 'streaming-engineer': field 'required' must name at least one",
        ),
        ("[scoring]\nweights = {}\n", r"my_roles\.toml: only \[\[roles\]\] tables are read"),
    ],
)
def test_custom_catalogue_errors_are_one_line_naming_file_role_problem(tmp_path, text, message):
    path = _write(tmp_path, text)
    with pytest.raises(DataFileError, match=message) as caught:
        read_custom_catalogue(path, load_lexicon())
    assert "\n" not in str(caught.value)


def test_custom_catalogue_nearest_ids_use_the_lexicon():
    assert nearest_skill_ids("kuberntes", load_lexicon())[0] == "kubernetes"


def test_custom_catalogue_cli_bad_file_exits_9(tmp_path):
    path = _write(tmp_path, '[[roles]]\nid = "ml-engineer"\nrequired = ["pytorh"]\n')
    resume = tmp_path / "cv.txt"
    resume.write_text(RESUME, encoding="utf-8")
    result = CliRunner().invoke(main, ["analyze", str(resume), "--catalogue", str(path)])
    assert result.exit_code == 9
    assert "my_roles.toml: role 'ml-engineer'" in result.output
    batch = CliRunner().invoke(
        main, ["batch", str(tmp_path), "-o", str(tmp_path / "out.csv"), "--catalogue", str(path)]
    )
    assert batch.exit_code == 9


def test_custom_catalogue_cli_role_from_the_file(tmp_path):
    path = _write(tmp_path, NEW_ROLE)
    resume = tmp_path / "cv.txt"
    resume.write_text(RESUME, encoding="utf-8")
    args = ["analyze", str(resume), "--catalogue", str(path), "--role", "streaming-engineer"]
    result = CliRunner().invoke(main, [*args, "--as-of", "2026-06-30"])
    assert result.exit_code == 0, result.output
    assert "Streaming Engineer" in result.output


def test_custom_catalogue_batch_scores_and_keys_the_cache(tmp_path):
    path = _write(tmp_path, NEW_ROLE)
    folder = tmp_path / "cvs"
    folder.mkdir()
    (folder / "cv.txt").write_text(RESUME, encoding="utf-8")
    table = score_folder(folder, jobs=0, catalogue=path, reference_date=AS_OF)
    assert table["top_role"].iloc[0] == "streaming-engineer"
    version = resolve_catalogue(path).version
    plain = cache_salt(score_file, Limits(), AS_OF)
    assert cache_salt(score_file, Limits(), AS_OF, version) != plain
    path.write_text(NEW_ROLE.replace('"postgresql"]', '"redis"]'), encoding="utf-8")
    assert resolve_catalogue(path).version != version


def test_custom_catalogue_roles_command_lists_the_added_role(tmp_path):
    path = _write(tmp_path, NEW_ROLE)
    result = CliRunner().invoke(main, ["roles", "--catalogue", str(path)])
    assert result.exit_code == 0, result.output
    assert "streaming-engineer" in result.output


def test_custom_catalogue_read_once_while_the_file_is_unchanged(tmp_path):
    import os

    from resume_fit.api import resolve_catalogue

    path = tmp_path / "team_roles.toml"
    path.write_text('[[roles]]\nid = "ml-engineer"\nname = "ML Engineer (platform team)"\n')
    first = resolve_catalogue(path)
    assert resolve_catalogue(str(path)) is first
    path.write_text('[[roles]]\nid = "ml-engineer"\nname = "ML Engineer (search team)"\n')
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10**9))
    changed = resolve_catalogue(path)
    assert changed is not first
    assert changed["ml-engineer"].name == "ML Engineer (search team)"


def test_custom_catalogue_core_names_known_skills(tmp_path):
    path = _write(tmp_path, '[[roles]]\nid = "ml-engineer"\ncore = ["machine-lerning"]\n')
    with pytest.raises(DataFileError, match=r"core names unknown skill 'machine-lerning'"):
        read_custom_catalogue(path, load_lexicon())
