"""``analyze`` and ``match``: one resume in, one report out (Markdown, JSON or HTML)."""

from __future__ import annotations

from pathlib import Path

import click

from resume_fit.cli.options import (
    as_of_option,
    catalogue_option,
    limit_options,
    limits_from_options,
    parse_as_of,
    redact_option,
    report_options,
)
from resume_fit.cli.output import emit, fail, run_guarded


@click.command()
@click.argument("path", type=click.Path(path_type=Path))
@report_options
@click.option(
    "--top",
    type=click.IntRange(min=1),
    default=3,
    show_default=True,
    help="How many roles to detail.",
)
@click.option(
    "--role", "role_id", default=None, help="Detail this role only (see `resume-fit roles`)."
)
@as_of_option
@limit_options
@click.option(
    "--ocr",
    is_flag=True,
    help="Read scanned PDFs with OCR (needs poppler-utils and tesseract-ocr installed).",
)
@catalogue_option
@redact_option
@click.option("--debug", is_flag=True, help="Show a traceback on internal errors.")
def analyze(
    path: Path,
    output: Path | None,
    fmt: str,
    top: int,
    role_id: str | None,
    as_of: str | None,
    max_mb: float | None,
    max_pages: int | None,
    timeout: float | None,
    ocr: bool,
    catalogue: Path | None,
    debug: bool,
    redact: bool = False,
) -> None:
    """Score one resume (PDF, DOCX, TXT or MD) or job description against every role.

    \b
    Examples:
      resume-fit analyze cv.pdf
      resume-fit cv.pdf --top 5 -o report.md
      resume-fit cv.docx --format json --role mlops-engineer
      resume-fit job_posting.txt --as-of 2026-01-01
      resume-fit cv.pdf --catalogue my_roles.toml
      resume-fit cv.pdf --format html --redact -o blind.html
    """
    from resume_fit import api

    reference = parse_as_of(as_of)
    limits = limits_from_options(max_mb, max_pages, timeout)
    roles = run_guarded(
        str(catalogue or "lexicons/roles.toml"), debug, lambda: api.resolve_catalogue(catalogue)
    )
    if role_id is not None and role_id not in roles:
        known = ", ".join(sorted(roles))
        fail(f"unknown role {role_id!r}; choose one of: {known}", 2)
    report = run_guarded(
        str(path),
        debug,
        lambda: api.analyze(path, limits, reference, ocr=ocr, catalogue=roles, redact=redact),
    )
    if fmt == "json":
        text = api.render_json(report)
    elif fmt == "html":
        from resume_fit.report.html import render_html

        text = render_html(report, top=top, role=role_id)
    else:
        text = api.render_markdown(report, top=top, role=role_id)
    emit(text, output)


@click.command()
@click.argument("resume", type=click.Path(path_type=Path))
@click.argument("posting", type=str)
@report_options
@as_of_option
@limit_options
@click.option(
    "--ocr",
    is_flag=True,
    help="Read a scanned resume PDF with OCR (needs poppler-utils and tesseract-ocr installed).",
)
@redact_option
@click.option("--debug", is_flag=True, help="Show a traceback on internal errors.")
def match(
    resume: Path,
    posting: str,
    output: Path | None,
    fmt: str,
    as_of: str | None,
    max_mb: float | None,
    max_pages: int | None,
    timeout: float | None,
    ocr: bool,
    debug: bool,
    redact: bool = False,
) -> None:
    """Score one resume against one job posting (TXT, MD, PDF, DOCX, HTML, or - for stdin).

    Prints the match score explained by its components, each requirement met, partly met or
    missing with the resume's evidence, the requirements the lexicon does not know, and how to
    tailor the resume.

    \b
    Examples:
      resume-fit match cv.pdf posting.txt
      resume-fit match cv.docx posting.html --format json -o match.json
      pbpaste | resume-fit match cv.pdf -
      resume-fit match cv.pdf posting.txt --format html --redact -o blind_match.html
    """
    from resume_fit import api

    reference = parse_as_of(as_of)
    limits = limits_from_options(max_mb, max_pages, timeout)
    source: str | Path = posting if posting == "-" else Path(posting)
    job = run_guarded(posting, debug, lambda: api.read_job(source, limits))
    report = run_guarded(
        str(resume),
        debug,
        lambda: api.match_posting(resume, job, reference, limits, ocr=ocr, redact=redact),
    )
    if fmt == "json":
        text = api.render_match_json(report)
    elif fmt == "html":
        from resume_fit.report.match_html import render_match_html

        text = render_match_html(report)
    else:
        text = api.render_match_markdown(report)
    emit(text, output)
