"""How a command ends: its report printed or written whole, or one line on stderr and an exit code.

The library raises ``ResumeFitError``s; these functions are where they (and any bug) become a
one-line message naming the file, and the exit code the error class carries.
"""

from __future__ import annotations

import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn

import click

from resume_fit.errors import ResumeFitError

INTERNAL_ERROR_EXIT = 1


def fail(message: str, code: int) -> NoReturn:
    """Print ``resume-fit: message`` on stderr and exit with ``code``."""
    click.echo(f"resume-fit: {message}", err=True)
    sys.exit(code)


def run_guarded(path: str, debug: bool, action: Callable[[], Any]) -> Any:
    """Run ``action``; report any failure as one line naming ``path`` and exit non-zero."""
    try:
        return action()
    except ResumeFitError as error:
        fail(str(error), error.exit_code)
    except KeyboardInterrupt:
        fail("interrupted", 130)
    except Exception as error:  # a bug must still not show a traceback unless asked
        if debug:
            traceback.print_exc()
        reason = str(error).splitlines()[0] if str(error) else ""
        fail(
            f"{path}: internal error ({type(error).__name__}: {reason}); "
            "rerun with --debug and report it",
            INTERNAL_ERROR_EXIT,
        )


def run_batch_guarded(output: Path, debug: bool, action: Callable[[], Any]) -> Any:
    """Like ``run_guarded`` but lets Ctrl-C through, so the caller can point at --resume."""
    try:
        return action()
    except KeyboardInterrupt:
        raise
    except ResumeFitError as error:
        fail(str(error), error.exit_code)
    except Exception as error:  # a bug must still not show a traceback unless asked
        if debug:
            traceback.print_exc()
        fail(
            f"{output}: internal error ({type(error).__name__}: {error}); "
            "rerun with --debug and report it",
            INTERNAL_ERROR_EXIT,
        )


def emit(text: str, output: Path | None) -> None:
    """Print a report, or write it whole to ``output`` (atomically) and say so on stderr."""
    from resume_fit.atomic import write_atomic

    if output is None:
        click.echo(text, nl=not text.endswith("\n"))
        return
    try:
        write_atomic(output, text)
    except OSError as error:
        fail(f"{output}: cannot write the report ({error.strerror})", INTERNAL_ERROR_EXIT)
    click.echo(f"wrote {output}", err=True)
