"""The ``resume-fit`` command line: the only place that turns errors into messages and exit codes.

``resume-fit PATH`` is short for ``resume-fit analyze PATH``.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from resume_fit import __version__
from resume_fit.config import Limits
from resume_fit.errors import ResumeFitError

INTERNAL_ERROR_EXIT = 1


class _DefaultToAnalyze(click.Group):
    """A group whose first argument, when it is not a command, is a file for ``analyze``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        first = next((a for a in args if not a.startswith("-")), None)
        wants_group_option = bool(args) and args[0] in {"--help", "-h", "--version"}
        if first is not None and first not in self.commands and not wants_group_option:
            args = ["analyze", *args]
        return super().parse_args(ctx, args)


def _fail(message: str, code: int) -> NoReturn:
    click.echo(f"resume-fit: {message}", err=True)
    sys.exit(code)


def _run_guarded(path: str, debug: bool, action: Callable[[], Any]) -> Any:
    """Run ``action``; report any failure as one line naming ``path`` and exit non-zero."""
    try:
        return action()
    except ResumeFitError as error:
        _fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        _fail("interrupted", 130)
    except Exception as error:  # a bug must still not show a traceback unless asked
        if debug:
            traceback.print_exc()
        reason = str(error).splitlines()[0] if str(error) else ""
        _fail(
            f"{path}: internal error ({type(error).__name__}: {reason}); "
            "rerun with --debug and report it",
            INTERNAL_ERROR_EXIT,
        )


def _run_batch_guarded(output: Path, debug: bool, action: Callable[[], Any]) -> Any:
    """Like ``_run_guarded`` but lets Ctrl-C through, so the caller can point at --resume."""
    try:
        return action()
    except KeyboardInterrupt:
        raise
    except ResumeFitError as error:
        _fail(str(error), error.exit_code)
    except Exception as error:  # a bug must still not show a traceback unless asked
        if debug:
            traceback.print_exc()
        _fail(
            f"{output}: internal error ({type(error).__name__}: {error}); "
            "rerun with --debug and report it",
            INTERNAL_ERROR_EXIT,
        )


def _limits(max_mb: float | None, max_pages: int | None, timeout: float | None) -> Limits:
    limits = Limits.from_env()
    changes: dict[str, Any] = {}
    if max_mb is not None:
        changes["max_bytes"] = int(max_mb * 1024 * 1024)
    if max_pages is not None:
        changes["max_pages"] = max_pages
    if timeout is not None:
        changes["timeout_seconds"] = timeout
    return Limits(**{**limits.__dict__, **changes})


def _limit_options(function: Callable[..., Any]) -> Callable[..., Any]:
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


def _redact_option(function: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--redact",
        is_flag=True,
        help="Blind screening: no name, contact details, address, age, gender, nationality or "
        "religion in any output; paths become pseudonyms. Skills and scores are unchanged.",
    )(function)


def _report_options(function: Callable[..., Any]) -> Callable[..., Any]:
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


def _emit(text: str, output: Path | None) -> None:
    """Print a report, or write it whole to ``output`` (atomically) and say so on stderr."""
    from resume_fit.atomic import write_atomic

    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        write_atomic(output, text)
    except OSError as error:
        _fail(f"{output}: cannot write the report ({error.strerror})", INTERNAL_ERROR_EXIT)
    click.echo(f"wrote {output}", err=True)


def _as_of(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError as error:
        raise click.BadParameter(f"expected a date like 2026-01-31, got {value!r}") from error


@click.group(cls=_DefaultToAnalyze, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="resume-fit")
def main() -> None:
    """Read a resume and tell which machine-learning roles it fits and what it is missing.

    \b
    Examples:
      resume-fit cv.pdf                      Markdown gap report on stdout
      resume-fit cv.docx -o report.md        ... written to a file
      resume-fit cv.pdf --format json        one JSON object
      resume-fit roles                       the role catalogue
      resume-fit match cv.pdf posting.txt    fit to one job posting, what is missing
      resume-fit batch resumes/ -o ranked.csv --summary summary.md
      resume-fit batch resumes/ --job posting.txt -o ranked.csv
    """


@main.command()
@click.argument("path", type=click.Path(path_type=Path))
@_report_options
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
@click.option(
    "--as-of", default=None, help="Date that 'Present' means, YYYY-MM-DD (default today)."
)
@_limit_options
@click.option(
    "--ocr",
    is_flag=True,
    help="Read scanned PDFs with OCR (needs poppler-utils and tesseract-ocr installed).",
)
@click.option(
    "--catalogue",
    type=click.Path(path_type=Path),
    default=None,
    help="Your own roles (TOML [[roles]] tables): added, or overriding shipped ones by id.",
)
@_redact_option
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

    reference = _as_of(as_of)
    limits = _limits(max_mb, max_pages, timeout)
    roles = _run_guarded(
        str(catalogue or "lexicons/roles.toml"), debug, lambda: api.resolve_catalogue(catalogue)
    )
    if role_id is not None and role_id not in roles:
        known = ", ".join(sorted(roles))
        _fail(f"unknown role {role_id!r}; choose one of: {known}", 2)
    report = _run_guarded(
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
    _emit(text, output)


@main.command()
@click.argument("resume", type=click.Path(path_type=Path))
@click.argument("posting", type=str)
@_report_options
@click.option(
    "--as-of", default=None, help="Date that 'Present' means, YYYY-MM-DD (default today)."
)
@_limit_options
@click.option(
    "--ocr",
    is_flag=True,
    help="Read a scanned resume PDF with OCR (needs poppler-utils and tesseract-ocr installed).",
)
@_redact_option
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

    reference = _as_of(as_of)
    limits = _limits(max_mb, max_pages, timeout)
    source: str | Path = posting if posting == "-" else Path(posting)
    job = _run_guarded(posting, debug, lambda: api.read_job(source, limits))
    report = _run_guarded(
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
    _emit(text, output)


@main.command()
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

    catalogue = _run_guarded(
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


@main.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "-o",
    "--output",
    required=True,
    type=click.Path(path_type=Path),
    help="The ranked table: .csv, .parquet or .jsonl (by suffix).",
)
@click.option(
    "--summary",
    type=click.Path(path_type=Path),
    help="Also write a summary: HTML with charts for .html, Markdown otherwise.",
)
@click.option(
    "--skills-table",
    type=click.Path(path_type=Path),
    help="Also write a long table: file, skill id, section, evidence count.",
)
@click.option("--role", "role_id", default=None, help="Rank by this role's score (shortlist).")
@click.option(
    "--job",
    "job_postings",
    multiple=True,
    help="Also score every resume against this job posting (file, or - for stdin) and rank by "
    "job_score; repeat for several postings (a column set per posting).",
)
@click.option("--top", type=click.IntRange(min=1), default=None, help="Keep the N best rows.")
@click.option(
    "--min-score",
    type=click.FloatRange(0, 100),
    default=None,
    help="Keep rows scoring at least this.",
)
@click.option(
    "--jobs",
    type=click.IntRange(min=0),
    default=None,
    help="Worker processes (default: one per core; 0 = in this process).",
)
@click.option(
    "--resume",
    "resume_run",
    is_flag=True,
    help="Continue an interrupted run from its journal (OUT.partial.jsonl).",
)
@click.option(
    "--cache-dir",
    type=click.Path(path_type=Path),
    default=None,
    help="Reuse results of unchanged files (same sha256, lexicon and catalogue).",
)
@click.option(
    "--scheduler",
    default=None,
    metavar="ADDRESS",
    help="Run on Dask: a scheduler address (tcp://host:8786) or 'local' (a LocalCluster of "
    "--jobs worker processes). Needs pip install 'resume-fit[dask]'.",
)
@click.option(
    "--ship",
    type=click.Choice(["auto", "paths", "bytes"]),
    default="auto",
    show_default=True,
    help="With --scheduler: send file bytes to the workers, or let them read the paths "
    "(auto: paths when every worker runs on this machine).",
)
@click.option(
    "--as-of", default=None, help="Date that 'Present' means, YYYY-MM-DD (default today)."
)
@_limit_options
@click.option(
    "--catalogue",
    type=click.Path(path_type=Path),
    default=None,
    help="Your own roles (TOML [[roles]] tables): added, or overriding shipped ones by id.",
)
@_redact_option
@click.option(
    "--key-file",
    type=click.Path(path_type=Path),
    default=None,
    help="With --redact: write pseudonym -> path here (CSV), for whoever may re-identify.",
)
@click.option("--debug", is_flag=True, help="Show a traceback on internal errors.")
def batch(
    paths: tuple[str, ...],
    output: Path,
    summary: Path | None,
    skills_table: Path | None,
    role_id: str | None,
    job_postings: tuple[str, ...],
    top: int | None,
    min_score: float | None,
    jobs: int | None,
    resume_run: bool,
    cache_dir: Path | None,
    scheduler: str | None,
    ship: str,
    as_of: str | None,
    max_mb: float | None,
    max_pages: int | None,
    timeout: float | None,
    catalogue: Path | None,
    debug: bool,
    redact: bool = False,
    key_file: Path | None = None,
) -> None:
    """Score every resume in folders (recursively) into one ranked table.

    A file that cannot be read gets a row with its error and the rest go on; every output file is
    written whole or not at all; an interrupted run continues with --resume.

    \b
    Examples:
      resume-fit batch resumes/ -o ranked.csv --summary summary.md
      resume-fit batch inbox/ -o shortlist.csv --role mlops-engineer --top 20
      resume-fit batch resumes/ -o ranked.parquet --jobs 2 --cache-dir .cache
      resume-fit batch resumes/ -o ranked.jsonl --resume
      resume-fit batch resumes/ --job posting.txt -o ranked.csv --summary summary.md
      resume-fit batch resumes/ -o ranked.csv --catalogue my_roles.toml
      resume-fit batch resumes/ -o blind.csv --summary blind.html --redact --key-file key.csv
      resume-fit batch resumes/ -o ranked.csv --scheduler tcp://10.0.0.5:8786
      resume-fit batch s3://bucket/cvs/ -o ranked.parquet --scheduler local --jobs 8
    """
    from resume_fit.batch import journal_path, run_batch_cli

    if key_file is not None and not redact:
        _fail("--key-file needs --redact", 2)
    if key_file is not None and key_file.resolve() in {
        p.resolve() for p in (output, summary, skills_table) if p is not None
    }:
        _fail(f"{key_file}: the key file must not be one of the outputs", 2)
    reference = _as_of(as_of)
    limits = _limits(max_mb, max_pages, timeout)
    try:
        result = _run_batch_guarded(
            output,
            debug,
            lambda: run_batch_cli(
                list(paths),
                output,
                jobs=jobs,
                cache_dir=cache_dir,
                resume=resume_run,
                role=role_id,
                top=top,
                min_score=min_score,
                skills_table=skills_table,
                summary=summary,
                limits=limits,
                reference_date=reference,
                postings=[p if p == "-" else Path(p) for p in job_postings],
                catalogue=catalogue,
                redact=redact,
                key_file=key_file,
                scheduler=scheduler,
                ship=ship,
            ),
        )
    except KeyboardInterrupt:
        _fail(
            f"interrupted; finished files are kept in {journal_path(output)}: "
            "rerun the same command with --resume to continue",
            130,
        )
    stats = result.stats
    click.echo(
        f"scored {stats.scored} of {stats.files} files ({stats.failed} failed, "
        f"{stats.skipped} skipped) in {stats.seconds:.1f} s; wrote "
        + ", ".join(str(p) for p in result.written),
        err=True,
    )
    for path, reason in result.failures:
        click.echo(f"  failed: {path}: {reason}", err=True)


@main.command()
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
        _fail(f"{len(failed)} check(s) failed; fix them as shown above", 1)
