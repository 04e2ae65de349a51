"""``roles`` and ``doctor``: what is installed (the role catalogue, and whether it all works)."""

from __future__ import annotations

import json
from pathlib import Path

import click

from resume_fit.cli.output import fail, run_guarded


@click.command()
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Listing format.",
)
@click.option(
    "--catalogue",
    "catalogue_path",
    type=click.Path(path_type=Path),
    default=None,
    help="Also your own roles (TOML [[roles]] tables), checked as analyze and batch check them.",
)
def roles(fmt: str, catalogue_path: Path | None) -> None:
    """List the role catalogue: id, name and required skills.

    \b
    Examples:
      resume-fit roles
      resume-fit roles --format json
      resume-fit roles --catalogue my_roles.toml
    """
    from resume_fit.api import resolve_catalogue

    catalogue = run_guarded(
        str(catalogue_path or "lexicons/roles.toml"),
        False,
        lambda: resolve_catalogue(catalogue_path),
    )
    listing = [
        {
            "id": role.id,
            "name": role.name,
            "family": role.family,
            "level": role.level,
            "summary": role.summary,
            "required": [list(item.options) for item in role.required],
            "preferred": [list(item.options) for item in role.preferred],
            "min_years": role.min_years,
            "education": role.education.minimum,
            "sources": list(role.sources),
        }
        for role in catalogue.values()
    ]
    if fmt == "json":
        click.echo(json.dumps(listing, indent=2, ensure_ascii=False))
        return
    for entry in listing:
        required = "; ".join(" or ".join(group) for group in entry["required"])
        click.echo(f"{entry['id']:32} {entry['name']}")
        click.echo(f"{'':32} required: {required}")


@click.command()
@click.option(
    "--lexicons",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Check this lexicons/ folder instead of the installed one.",
)
@click.option(
    "--models",
    type=click.Path(path_type=Path, file_okay=False),
    default=None,
    help="Check this models/ folder instead of the installed one.",
)
def doctor(lexicons: Path | None, models: Path | None) -> None:
    """Check the installation: data files, the saved pipeline, optional parts, versions.

    Exits 1 when a check fails, each failure with its fix on one line.

    \b
    Examples:
      resume-fit doctor
      resume-fit doctor --lexicons ./lexicons --models ./models
    """
    from resume_fit.doctor import run_checks

    checks = run_checks(lexicons=lexicons, models=models)
    for check in checks:
        click.echo(check.line())
    failed = [c for c in checks if c.status == "fail"]
    if failed:
        fail(f"{len(failed)} check(s) failed; fix them as shown above", 1)
