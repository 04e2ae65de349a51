"""``batch``: folders of resumes in, one ranked table (and optional summary, skills table) out."""

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
)
from resume_fit.cli.output import fail, run_batch_guarded


@click.command()
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
@as_of_option
@limit_options
@catalogue_option
@redact_option
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
        fail("--key-file needs --redact", 2)
    if key_file is not None and key_file.resolve() in {
        p.resolve() for p in (output, summary, skills_table) if p is not None
    }:
        fail(f"{key_file}: the key file must not be one of the outputs", 2)
    reference = parse_as_of(as_of)
    limits = limits_from_options(max_mb, max_pages, timeout)
    try:
        result = run_batch_guarded(
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
        fail(
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
