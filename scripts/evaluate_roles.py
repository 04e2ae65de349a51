"""Evaluate role fit on the labelled resumes and job descriptions in eval/roles/.

Every file goes through the real pipeline (``resume_fit.api.analyze``: parse -> extract -> profile
-> match -> report) with a fixed reference date, so the numbers are reproducible. Prints top-1 and
top-3 accuracy, overall and per kind (resume / job description), the misses, and a confusion table
of intended role (rows) against predicted top-1 role (columns). ``split`` in labels.json separates
the files used to tune the catalogue ("tuning") from files written afterwards ("heldout").

Usage::

    python scripts/evaluate_roles.py [--eval-dir eval/roles] [--json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from pathlib import Path

REFERENCE_DATE = dt.date(2026, 6, 30)


def _analyze(path: Path):
    from resume_fit.api import analyze

    return analyze(path, reference_date=REFERENCE_DATE)


def evaluate(eval_dir: Path) -> dict:
    """Score every labelled file and return the accuracy figures and per-file rows."""
    labels = json.loads((eval_dir / "labels.json").read_text(encoding="utf-8"))["labels"]
    rows = []
    for name, label in sorted(labels.items()):
        expected = label["expected"]
        report = _analyze(eval_dir / name)
        ranked = [fit.id for fit in report.roles]
        rows.append(
            {
                "file": name,
                "kind": "job" if name.startswith("jobs/") else "resume",
                "split": label.get("split", "tuning"),
                "expected": expected,
                "top3": ranked[:3],
                "scores": [fit.score for fit in report.roles[:3]],
                "margin": round(report.roles[0].score - report.roles[1].score, 1),
                "top1_ok": ranked[0] in expected,
                "top1_strict": ranked[0] == expected[0],
                "top3_ok": any(r in expected for r in ranked[:3]),
            }
        )
    summary = {}
    for kind in ("all", "resume", "job", "tuning", "heldout"):
        subset = [r for r in rows if kind in ("all", r["kind"], r["split"])]
        if subset:
            summary[kind] = {
                "n": len(subset),
                "top1": round(sum(r["top1_ok"] for r in subset) / len(subset), 3),
                "top3": round(sum(r["top3_ok"] for r in subset) / len(subset), 3),
                "top1_strict": round(sum(r["top1_strict"] for r in subset) / len(subset), 3),
                "median_margin": sorted(r["margin"] for r in subset)[len(subset) // 2],
            }
    confusion = Counter((r["expected"][0], r["top3"][0]) for r in rows)
    return {
        "reference_date": REFERENCE_DATE.isoformat(),
        "summary": summary,
        "rows": rows,
        "confusion": [
            {"expected": e, "predicted": p, "count": n} for (e, p), n in sorted(confusion.items())
        ],
    }


def _print(result: dict) -> None:
    print(f"Role-fit evaluation (reference date {result['reference_date']})")
    for kind, numbers in result["summary"].items():
        print(
            f"  {kind:<7} n={numbers['n']:<3} top-1 {numbers['top1']:.1%}  "
            f"top-3 {numbers['top3']:.1%}  top-1 intended {numbers['top1_strict']:.1%}  "
            f"median lead of #1 over #2: {numbers['median_margin']:.1f}"
        )
    misses = [r for r in result["rows"] if not r["top1_strict"]]
    print(f"\nTop-1 differs from the intended role ({len(misses)}):")
    for row in misses:
        ranked = ", ".join(f"{r} {s:.1f}" for r, s in zip(row["top3"], row["scores"], strict=True))
        print(f"  {row['file']}: expected {row['expected'][0]}; got {ranked}")
    print("\nConfusion (expected -> predicted top-1, off-diagonal only):")
    off = [c for c in result["confusion"] if c["expected"] != c["predicted"]]
    for cell in off or [{"expected": "-", "predicted": "-", "count": 0}]:
        print(f"  {cell['expected']:<28} -> {cell['predicted']:<28} {cell['count']}")
    roles = sorted({c["expected"] for c in result["confusion"]})
    pairs = [
        ("ml-engineer", "mlops-engineer", "ai-engineer", "ml-platform-engineer"),
        ("data-scientist-analytics", "data-scientist-ml", "data-analyst"),
        ("ml-research-scientist", "research-engineer"),
    ]
    counts = {(c["expected"], c["predicted"]): c["count"] for c in result["confusion"]}
    for group in pairs:
        present = [g for g in group if g in roles]
        if not present:
            continue
        print("\n  " + " " * 26 + " ".join(f"{g[:12]:>12}" for g in group))
        for expected in present:
            cells = " ".join(f"{counts.get((expected, p), 0):>12}" for p in group)
            print(f"  {expected:<26} {cells}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval-dir", type=Path, default=Path("eval/roles"))
    parser.add_argument("--json", action="store_true", help="print the full result as JSON")
    args = parser.parse_args(argv)
    result = evaluate(args.eval_dir)
    if args.json:
        print(json.dumps(result, indent=2))
    else:
        _print(result)
    return 0


if __name__ == "__main__":
    sys.exit(main())
