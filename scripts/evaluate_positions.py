"""Score positions, total years and sections on the labelled real resumes.

    python scripts/evaluate_positions.py                  # the tune half (default)
    python scripts/evaluate_positions.py --half report    # report half: the lead, once, at the end
    python scripts/evaluate_positions.py --show           # one line per resume with what differs

Labels are ``eval/real/resumes/<file name>.json`` (protocol in ``eval/real/PROTOCOL.md``), the
documents are in ``../shared/corpus/real/resumes/`` (or ``$RESUME_FIT_SHARED/corpus/real/resumes``).
"present" is 2026-12, as in the labels. Reported:

- positions: a labelled position is found when a predicted position has the same start and end
  (compared to the month, or to the year where the label gives only a year); recall over labelled
  positions, precision over predicted ones, and the share of resumes whose every position is found
  with nothing extra;
- years: the share of resumes whose total years are within 0.5 of the label (resumes whose label
  leaves ``positions`` out are skipped, as the protocol says their dates are ambiguous);
- sections: the share of resumes with at least two headed sections detected (a heading found, any
  kind), and the mean recall of the labelled section kinds.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import sys
from pathlib import Path

from resume_fit.errors import ResumeFitError
from resume_fit.parse import parse_file
from resume_fit.profile import build_profile

REPO = Path(__file__).resolve().parents[1]
LABELS = REPO / "eval" / "real" / "resumes"
SHARED = Path(os.environ.get("RESUME_FIT_SHARED", REPO.parent / "shared"))
PRESENT = dt.date(2026, 12, 1)
YEARS_TOLERANCE = 0.5


def _same(label: str, predicted: str) -> bool:
    if label == "present" or predicted == "present":
        return label == predicted
    return predicted.startswith(label) if len(label) == 4 else label == predicted


def _match(labelled: list[dict[str, str]], predicted: list[tuple[str, str]]) -> int:
    free = list(predicted)
    found = 0
    for position in labelled:
        hit = next(
            (p for p in free if _same(position["start"], p[0]) and _same(position["end"], p[1])),
            None,
        )
        if hit is not None:
            free.remove(hit)
            found += 1
    return found


def _files(half: str, labels: Path) -> list[str]:
    with (labels / "split.tsv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return sorted(r["file"] for r in rows if r["half"] == half)


def main(argv: list[str] | None = None) -> int:
    """Run the evaluation; return a process exit code."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=("tune", "report"), default="tune")
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus" / "real" / "resumes")
    parser.add_argument("--show", action="store_true", help="print one line per resume")
    args = parser.parse_args(argv)
    totals = {"labelled": 0, "predicted": 0, "found": 0, "exact": 0, "dated": 0, "years_ok": 0}
    two_sections = resumes = 0
    kind_recall: list[float] = []
    for name in _files(args.half, args.labels):
        label_file = args.labels / f"{name}.json"
        if not label_file.exists():
            print(f"{name}: no label yet, skipped", file=sys.stderr)
            continue
        label = json.loads(label_file.read_text(encoding="utf-8"))
        try:
            resume = parse_file(args.corpus / name)
        except ResumeFitError as error:
            print(f"{name}: refused: {error.reason}", file=sys.stderr)
            resumes += 1
            continue
        resumes += 1
        headed = [s for s in resume.sections if s.heading]
        two_sections += len(headed) >= 2
        kinds = {s.kind for s in resume.sections}
        wanted = set(label.get("sections", []))
        if wanted:
            kind_recall.append(len(wanted & kinds) / len(wanted))
        line = f"{name}: sections {len(headed)}"
        if "positions" in label:
            profile = build_profile(resume, (), reference_date=PRESENT)
            predicted = [
                (f"{p.span.first:%Y-%m}", "present" if p.span.present else f"{p.span.last:%Y-%m}")
                for p in profile.positions
            ]
            found = _match(label["positions"], predicted)
            totals["labelled"] += len(label["positions"])
            totals["predicted"] += len(predicted)
            totals["found"] += found
            totals["exact"] += found == len(label["positions"]) == len(predicted)
            totals["dated"] += 1
            years = profile.total_years or 0.0
            ok = abs(years - float(label.get("years", 0.0))) <= YEARS_TOLERANCE
            totals["years_ok"] += ok
            line += (
                f", positions {found}/{len(label['positions'])} found of {len(predicted)} "
                f"predicted, years {years:g} vs {label.get('years')}{'' if ok else ' (off)'}"
            )
            if args.show and found < max(len(label["positions"]), len(predicted)):
                line += f"\n    labelled {[(p['start'], p['end']) for p in label['positions']]}"
                line += f"\n    predicted {predicted}"
        if args.show:
            print(line)
    dated = max(totals["dated"], 1)
    print(
        f"half: {args.half}, resumes: {resumes}, with dated positions labelled: {totals['dated']}"
    )
    print(
        f"positions: recall {totals['found'] / max(totals['labelled'], 1):.1%} "
        f"({totals['found']}/{totals['labelled']}), precision "
        f"{totals['found'] / max(totals['predicted'], 1):.1%} "
        f"({totals['found']}/{totals['predicted']}), resumes all right "
        f"{totals['exact'] / dated:.1%} ({totals['exact']}/{totals['dated']})"
    )
    print(
        f"years within {YEARS_TOLERANCE}: {totals['years_ok'] / dated:.1%} "
        f"({totals['years_ok']}/{totals['dated']})"
    )
    print(
        f"sections: >= 2 headed sections on {two_sections / max(resumes, 1):.1%} "
        f"({two_sections}/{resumes}); labelled kinds found "
        f"{sum(kind_recall) / max(len(kind_recall), 1):.1%}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
