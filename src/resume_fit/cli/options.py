"""The options several commands share, and turning their values into library arguments.

Each ``*_option(s)`` decorator adds the same options, with the same help, to every command that
takes them; ``limits_from_options`` and ``parse_as_of`` read what the user gave.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from resume_fit.config import Limits


def limits_from_options(
    max_mb: float | None, max_pages: int | None, timeout: float | None
) -> Limits:
    """The environment's ``Limits`` (``Limits.from_env``) with the options given replacing them."""
    limits = Limits.from_env()
    changes: dict[str, Any] = {}
    if max_mb is not None:
        changes["max_bytes"] = int(max_mb * 1024 * 1024)
    if max_pages is not None:
        changes["max_pages"] = max_pages
    if timeout is not None:
        changes["timeout_seconds"] = timeout
    return Limits(**{**limits.__dict__, **changes})


def parse_as_of(value: str | None) -> dt.date | None:
    """``--as-of`` as a date (None when not given).

    Raises:
        click.BadParameter: The value is not an ISO date.
    """
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"expected a date like 2026-01-31, got {value!r}") from error


def limit_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """``--max-mb``, ``--max-pages`` and ``--timeout``: the safety limits for reading a file."""
    function = click.option(
        "--timeout",
        type=click.FloatRange(min=0),
        default=None,
        help="Seconds allowed for parsing one file (default 60, 0 = no limit).",
    )(function)
    function = click.option(
        "--max-pages", type=click.IntRange(min=1), default=None, help="Most PDF pages (default 30)."
    )(function)
    function = click.option(
        "--max-mb",
        type=click.FloatRange(min=0.001),
        default=None,
        help="Largest input file in MB (default 20).",
    )(function)
    return function


def as_of_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """``--as-of``: the date "Present" means (read with ``parse_as_of``)."""
    return click.option(
        "--as-of", default=None, help="Date that 'Present' means, YYYY-MM-DD (default today)."
    )(function)


def catalogue_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """``--catalogue``: the user's own roles, added to the shipped ones or overriding them."""
    return click.option(
        "--catalogue",
        type=click.Path(path_type=Path),
        default=None,
        help="Your own roles (TOML [[roles]] tables): added, or overriding shipped ones by id.",
    )(function)


def redact_option(function: Callable[..., Any]) -> Callable[..., Any]:
    """``--redact``: blind screening."""
    return click.option(
        "--redact",
        is_flag=True,
        help="Blind screening: no name, contact details, address, age, gender, nationality or "
        "religion in any output; paths become pseudonyms. Skills and scores are unchanged.",
    )(function)


def report_options(function: Callable[..., Any]) -> Callable[..., Any]:
    """``-o/--output`` and ``--format``: the same for every command that writes one report."""
    function = click.option(
        "--format",
        "fmt",
        type=click.Choice(["markdown", "json", "html"]),
        default="markdown",
        show_default=True,
        help="Report format (html: one self-contained page with charts).",
    )(function)
    return click.option(
        "-o", "--output", type=click.Path(path_type=Path), help="Write the report here."
    )(function)
