"""How well the DOCX and the PDF of the same resume agree: skills (Jaccard) and sections.

    python scripts/evaluate_twins.py DIR [DIR ...]
    python tests/parse/docx_boxes.py /tmp/twins && python scripts/evaluate_twins.py /tmp/twins

Twins are files in one folder with the same stem, one ``.docx`` and one ``.pdf``. For each pair:
the Jaccard index of the skill ids found, whether the section kinds come in the same order, the
Jaccard index of the section kinds, and whether the dated positions agree. Then the means. Only
run it on folders you may run resume-fit on (for the real corpus: labelled, tune half).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

from resume_fit.errors import ResumeFitError
from resume_fit.extract import extract_skills
from resume_fit.parse import parse_file
from resume_fit.profile import build_profile

PRESENT = dt.date(2026, 12, 1)


def _jaccard(a: set[str], b: set[str]) -> float:
    return len(a & b) / len(a | b) if a | b else 1.0


def _kinds(resume) -> list[str]:  # noqa: ANN001 - a ResumeText
    return [s.kind for s in resume.sections]


def main(argv: list[str]) -> int:
    """Compare every twin pair under the folders in ``argv``; return a process exit code."""
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    rows = []
    for folder in map(Path, argv):
        for docx_file in sorted(folder.glob("*.docx")):
            pdf_file = docx_file.with_suffix(".pdf")
            if not pdf_file.exists():
                continue
            try:
                word, pdf = parse_file(docx_file), parse_file(pdf_file)
            except ResumeFitError as error:
                print(f"{docx_file.stem}: refused: {error}")
                continue
            skills = [{s.id for s in extract_skills(r)} for r in (word, pdf)]
            positions = [
                [p.span.label() for p in build_profile(r, (), reference_date=PRESENT).positions]
                for r in (word, pdf)
            ]
            row = (
                _jaccard(*skills),
                _kinds(word) == _kinds(pdf),
                _jaccard(set(_kinds(word)), set(_kinds(pdf))),
                positions[0] == positions[1],
            )
            rows.append(row)
            print(
                f"{docx_file.stem:32} skills J={row[0]:.3f}  section order same={row[1]!s:5}  "
                f"kinds J={row[2]:.3f}  positions same={row[3]}"
            )
            if not row[1]:
                print(f"    docx {_kinds(word)}\n    pdf  {_kinds(pdf)}")
            if row[0] < 1:
                print(f"    only docx {sorted(skills[0] - skills[1])}")
                print(f"    only pdf  {sorted(skills[1] - skills[0])}")
    if rows:
        n = len(rows)
        print(
            f"pairs: {n}; mean skills Jaccard {sum(r[0] for r in rows) / n:.3f}; same section "
            f"order {sum(r[1] for r in rows)}/{n}; mean section-kind Jaccard "
            f"{sum(r[2] for r in rows) / n:.3f}; same positions {sum(r[3] for r in rows)}/{n}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
