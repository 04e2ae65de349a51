"""The ``resume-fit`` group: its help, ``--version``, the default command, and its commands."""

from __future__ import annotations

import click

from resume_fit import __version__
from resume_fit.cli.batch_command import batch
from resume_fit.cli.info_commands import doctor, roles
from resume_fit.cli.report_commands import analyze, match


class _DefaultToAnalyze(click.Group):
    """A group whose first argument, when it is not a command, is a file for ``analyze``."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        first = next((a for a in args if not a.startswith("-")), None)
        wants_group_option = bool(args) and args[0] in {"--help", "-h", "--version"}
        if first is not None and first not in self.commands and not wants_group_option:
            args = ["analyze", *args]
        return super().parse_args(ctx, args)


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


for _command in (analyze, match, roles, batch, doctor):
    main.add_command(_command)
