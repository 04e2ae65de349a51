"""Parse every file in a folder and print what the parse stage made of each.

Usage::

    python benchmarks/parse_corpus.py DIR

One line per file (format, pages, characters, sections found, verdict, seconds), then a summary.
Files that are refused are listed with the error kind and reason.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from resume_fit.errors import ResumeFitError
from resume_fit.parse import parse_file

SKIPPED_NAMES = {"license", "licence", "license.md", "licence.md", "readme.md", "readme"}


def main(argv: list[str]) -> int:
    """Run the benchmark over ``argv[0]``; return a process exit code."""
    if len(argv) != 1 or not Path(argv[0]).is_dir():
        print(__doc__, file=sys.stderr)
        return 2
    root = Path(argv[0])
    files = sorted(
        p for p in root.rglob("*") if p.is_file() and p.name.lower() not in SKIPPED_NAMES
    )
    print(
        f"{'file':48} {'format':6} {'pages':>5} {'chars':>6} {'cols':>4} {'verdict':7} "
        f"{'sec':>6}  sections"
    )
    parsed = refused = 0
    total_seconds = 0.0
    for file in files:
        start = time.perf_counter()
        name = str(file.relative_to(root))
        try:
            resume = parse_file(file)
        except ResumeFitError as error:
            seconds = time.perf_counter() - start
            total_seconds += seconds
            refused += 1
            print(f"{name:48} refused ({error.kind}): {error.reason}  [{seconds:.2f}s]")
            continue
        seconds = time.perf_counter() - start
        total_seconds += seconds
        parsed += 1
        quality = resume.quality
        kinds = ",".join(s.kind for s in resume.sections)
        print(
            f"{name:48} {resume.format:6} {quality.pages:5d} {quality.chars:6d} "
            f"{'yes' if quality.columns else 'no':>4} {quality.verdict:7} {seconds:6.2f}  {kinds}"
        )
    print(
        f"summary: {len(files)} files, {parsed} parsed, {refused} refused, "
        f"{total_seconds:.2f}s total, {total_seconds / max(len(files), 1):.2f}s mean"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
