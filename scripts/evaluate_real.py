"""Score resume-fit against the blind labels of the real corpus (eval/real/PROTOCOL.md).

    python scripts/evaluate_real.py                          # tune half: skills, roles, postings
    python scripts/evaluate_real.py --only skills --errors   # tune half, with each file's misses
    python scripts/evaluate_real.py --half report            # the report half: numbers only

The documents live in ``../shared/corpus/real/`` (``RESUME_FIT_SHARED`` overrides ``../shared``);
the labels in ``eval/real/``. Nothing from the documents is printed except skill names, role ids
and file names. ``--errors`` is refused on the report half: its mistakes are not to be studied.

Skills (resumes). A label entry is a list of names a reader accepts for one skill. Each name is
resolved to lexicon ids through the lexicon's own names and aliases (case, spaces, hyphens and
dots ignored). An entry is found when the extractor reports one of its ids; entries whose names
the lexicon does not know count as misses, so recall is recall of what people wrote, not of what
the lexicon holds. Precision is over the technical skills the extractor reports (soft skills are
scored apart): a reported id is right when it resolves from any label entry, technical or soft.
Declared coverage: of the items in the author's own skills list, the share found.

Roles (resumes and postings). Top-1 / top-3: the share whose best (any of the three best) role is
among the labelled plausible roles, over documents with at least one. Postings are scored as a user
would paste them: the title line, a blank line, the description; English ``ml-data`` rows, one per
distinct description. AUC: how well the best role's score separates ML/data postings from non-ML
software postings (and DS resumes from non-tech resumes).
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import json
import os
import re
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from resume_fit.api import analyze, analyze_text
from resume_fit.errors import ResumeFitError
from resume_fit.extract.patterns import surface_variants
from resume_fit.lexicon import Lexicon, load_lexicon

sys.path.insert(0, str(Path(__file__).resolve().parent))
from evaluate_skills import Score  # noqa: E402  (true/false positives and P/R/F1)

ROOT = Path(__file__).resolve().parents[1]
LABELS = ROOT / "eval" / "real"
SHARED = Path(os.environ.get("RESUME_FIT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus" / "real"
# "Present" in every document means this day, so a run can be repeated byte for byte.
AS_OF = dt.date(2026, 12, 1)
SOFT = "soft_skill"
RUNGS = frozenset(
    {
        "lead-data-scientist",
        "ml-engineering-manager",
        "head-of-ai",
        "ai-architect",
        "ml-solutions-architect",
    }
)
DS_ROLES = frozenset({"data-scientist-ml", "data-scientist-analytics"})
_FOLD = re.compile(r"[\s\-_.]+")


def fold(name: str) -> str:
    """The lookup key of a skill name: case, spaces, hyphens, underscores and dots ignored."""
    return _FOLD.sub("", name.casefold())


def name_index(lexicon: Lexicon) -> dict[str, frozenset[str]]:
    """Every folded name and alias of the lexicon, to the ids that carry it, and the spellings
    the extractor reads as the same name (``surface_variants``: "QR codes" for "QR code", "web
    scraped" for "web scraping") where no name or alias already has them."""
    index: dict[str, set[str]] = {}
    variants: dict[str, set[str]] = {}
    for skill in lexicon.values():
        for form in skill.surface_forms:
            index.setdefault(fold(form), set()).add(skill.id)
            for words, _ in surface_variants(tuple(form.casefold().split())):
                variants.setdefault(fold(" ".join(words)), set()).add(skill.id)
    for key, ids in variants.items():
        index.setdefault(key, ids)
    return {key: frozenset(ids) for key, ids in index.items()}


def resolve(entry: Iterable[str], index: dict[str, frozenset[str]]) -> frozenset[str]:
    """The lexicon ids any of an entry's accepted names resolves to (empty when none)."""
    ids: set[str] = set()
    for name in entry:
        ids |= index.get(fold(name), frozenset())
    return frozenset(ids)


@dataclass
class FileResult:
    """What one labelled resume scored."""

    file: str
    group: str
    tech: Score = field(default_factory=Score)
    soft: Score = field(default_factory=Score)
    declared: tuple[int, int] = (0, 0)
    declared_with_listed: int = 0
    listed: tuple[int, int] = (0, 0)
    listed_wrong: list[str] = field(default_factory=list)
    false_positives: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    labelled_roles: tuple[str, ...] = ()
    best_role: str | None = None
    ranked: tuple[tuple[str, float], ...] = ()
    undated: bool = False
    error: str = ""


def read_split(path: Path) -> dict[str, str]:
    """File (or ``file:row``) -> half, from a split.tsv."""
    halves: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t"):
            key = row["file"] if "row" not in row else f"{row['file']}:{row['row']}"
            halves[key] = row["half"]
    return halves


def score_resume(label: dict, lexicon: Lexicon, index: dict[str, frozenset[str]]) -> FileResult:
    """Run the whole pipeline on one labelled resume and compare it with its label."""
    result = FileResult(label["file"], label.get("group", ""))
    result.labelled_roles = tuple(label.get("roles") or ())
    try:
        report = analyze(CORPUS / "resumes" / label["file"], reference_date=AS_OF)
    except ResumeFitError as error:
        result.error = str(error)
        return result
    found = {m.id for m in report.skills}
    tech_found = {i for i in found if lexicon[i].category != SOFT}
    soft_found = found - tech_found
    tech_entries = [(e, resolve(e, index)) for e in label.get("skills", [])]
    soft_entries = [(e, resolve(e, index)) for e in label.get("soft_skills", [])]
    labelled_ids = set().union(*(ids for _, ids in tech_entries + soft_entries))

    tp = sum(1 for _, ids in tech_entries if ids & found)
    result.misses = [e[0] for e, ids in tech_entries if not ids & found]
    fps = sorted(tech_found - labelled_ids)
    result.false_positives = [lexicon[i].name for i in fps]
    result.tech.add(Score(tp, len(fps), len(tech_entries) - tp))
    soft_tp = sum(1 for _, ids in soft_entries if ids & found)
    result.soft.add(Score(soft_tp, len(soft_found - labelled_ids), len(soft_entries) - soft_tp))

    declared_entries = label.get("declared", [])
    declared = [resolve(e, index) for e in declared_entries]
    result.declared = (sum(1 for ids in declared if ids & found), len(declared))
    # Items of the skills lists the lexicon does not know (report.other_skills, never scored):
    # right when the item is, by name, one a label lists.
    listed = {fold(item.text): item.text for item in report.other_skills}
    result.declared_with_listed = sum(
        1
        for entry, ids in zip(declared_entries, declared, strict=True)
        if ids & found or any(fold(n) in listed for n in entry)
    )
    labelled_names = {
        fold(n)
        for e in (*label.get("skills", []), *label.get("soft_skills", []), *declared_entries)
        for n in e
    }
    result.listed_wrong = sorted(name for key, name in listed.items() if key not in labelled_names)
    result.listed = (len(listed) - len(result.listed_wrong), len(listed))
    result.ranked = tuple((fit.id, fit.score) for fit in report.roles)
    result.undated = not report.profile.positions
    return result


def auc(positives: list[float], negatives: list[float]) -> float:
    """Probability that a random positive outscores a random negative (ties count half)."""
    if not positives or not negatives:
        return float("nan")
    wins = sum((p > n) + 0.5 * (p == n) for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def top_k(ranked: tuple[tuple[str, float], ...], plausible: Iterable[str], k: int) -> bool:
    """Whether one of the ``k`` best roles is plausible."""
    wanted = set(plausible)
    return any(role in wanted for role, _ in ranked[:k])


def report_resumes(results: list[FileResult], errors: bool) -> dict:
    """Print and return the skill and role figures of the resumes."""
    tech, soft = Score(), Score()
    declared_found = declared_total = declared_listed = listed_right = listed_total = 0
    for r in results:
        declared_listed += r.declared_with_listed
        listed_right += r.listed[0]
        listed_total += r.listed[1]
        tech.add(r.tech)
        soft.add(r.soft)
        declared_found += r.declared[0]
        declared_total += r.declared[1]
    nontech = [r for r in results if r.group == "non-tech"]
    nontech_fp = sum(r.tech.fp for r in nontech) / len(nontech) if nontech else float("nan")
    roled = [r for r in results if r.labelled_roles and r.ranked]
    top1 = sum(top_k(r.ranked, r.labelled_roles, 1) for r in roled)
    top3 = sum(top_k(r.ranked, r.labelled_roles, 3) for r in roled)
    ds = [r for r in roled if set(r.labelled_roles[:1]) & DS_ROLES]
    ds_first = sum(r.ranked[0][0] in DS_ROLES | {"ml-engineer"} for r in ds)
    rung_wrong = [
        r.file for r in roled if r.ranked[0][0] in RUNGS and r.ranked[0][0] not in r.labelled_roles
    ]
    ds_scores = [max(s for i, s in r.ranked if i in DS_ROLES) for r in ds]
    nt_scores = [max(s for i, s in r.ranked if i in DS_ROLES) for r in nontech if r.ranked]
    summary = {
        "resumes": len(results),
        "read_errors": [r.file for r in results if r.error],
        "skills": {
            "precision": tech.precision,
            "recall": tech.recall,
            "f1": tech.f1,
            "tp": tech.tp,
            "fp": tech.fp,
            "fn": tech.fn,
        },
        "soft_skills": {"precision": soft.precision, "recall": soft.recall},
        "declared_coverage": declared_found / declared_total if declared_total else None,
        "declared_items": declared_total,
        "declared_coverage_with_listed": (
            declared_listed / declared_total if declared_total else None
        ),
        "other_skills_listed": listed_total,
        "other_skills_listed_precision": listed_right / listed_total if listed_total else None,
        "nontech_false_skills_per_resume": nontech_fp,
        "roles_top1": top1 / len(roled) if roled else None,
        "roles_top3": top3 / len(roled) if roled else None,
        "roles_n": len(roled),
        "ds_first": f"{ds_first}/{len(ds)}",
        "ds_vs_nontech_auc": auc(ds_scores, nt_scores),
        "rung_first_wrongly": len(rung_wrong),
    }
    print(f"resumes: {len(results)} labelled ({len(summary['read_errors'])} not readable)")
    print(f"  skills (technical)   {tech.row()}")
    print(f"  soft skills          {soft.row()}")
    groups: dict[str, Score] = {}
    for r in results:
        groups.setdefault(r.group, Score()).add(r.tech)
    for group, counts in sorted(groups.items()):
        print(f"    {group:<18} {counts.row()}")
    summary["skills_by_group"] = {
        g: {"precision": c.precision, "recall": c.recall} for g, c in sorted(groups.items())
    }
    if declared_total:
        print(
            f"  declared covered     {declared_found}/{declared_total} "
            f"= {declared_found / declared_total:.3f}; with other skills listed "
            f"{declared_listed}/{declared_total} = {declared_listed / declared_total:.3f}"
        )
    if listed_total:
        print(
            f"  other skills listed (not in the lexicon, never scored): {listed_total}, "
            f"{listed_right} named by a label = {listed_right / listed_total:.3f}"
        )
    print(f"  non-tech false technical skills per resume: {nontech_fp:.2f} (n={len(nontech)})")
    if roled:
        print(
            f"  roles: top-1 {top1}/{len(roled)} = {top1 / len(roled):.1%}, "
            f"top-3 {top3}/{len(roled)} = {top3 / len(roled):.1%}"
        )
    print(
        f"  data-science resumes with a DS/ML-engineer role first: {summary['ds_first']}; "
        f"DS vs non-tech AUC {summary['ds_vs_nontech_auc']:.3f}; "
        f"rung first but not plausible: {len(rung_wrong)}"
    )
    if errors:
        for r in results:
            if r.error:
                print(f"\n{r.file}: {r.error}")
                continue
            print(f"\n{r.file} [{r.group}] {r.tech.row()}")
            print(f"  false positives: {', '.join(r.false_positives) or '-'}")
            print(f"  missed: {', '.join(r.misses) or '-'}")
            if r.listed_wrong:
                print(f"  other skills listed, no label: {', '.join(r.listed_wrong)}")
            print(
                f"  roles: labelled {', '.join(r.labelled_roles) or '-'}; ranked "
                + ", ".join(f"{i} {s:g}" for i, s in r.ranked[:4])
            )
    return summary


def read_postings(half: str) -> list[dict]:
    """The labelled posting rows of one half (or both), with their text."""
    titles = LABELS / "jobs" / "titles.tsv"
    if not titles.exists():
        return []
    with titles.open(encoding="utf-8") as handle:
        labels = {(r["file"], int(r["row"])): r for r in csv.DictReader(handle, delimiter="\t")}
    csv.field_size_limit(sys.maxsize)
    rows: list[dict] = []
    for name, title_key in (
        ("muabdalaleam__linkedin_jobs.csv", "posting_title"),
        ("FaisalFehad__linkedin_jobs.csv", "title"),
    ):
        with (CORPUS / "jobs" / name).open(encoding="utf-8", newline="") as handle:
            for number, row in enumerate(csv.DictReader(handle)):
                label = labels.get((name, number))
                if label is None or (half != "both" and label["half"] != half):
                    continue
                rows.append(
                    {
                        "key": f"{name}:{number}",
                        "text": f"{row[title_key].strip()}\n\n{row['description'].strip()}",
                        "description": row["description"].strip(),
                        "lang": label["lang"],
                        "family": label["family"],
                        "roles": tuple(r for r in label["roles"].split(",") if r),
                    }
                )
    return rows


def report_postings(rows: list[dict], errors: bool) -> dict:
    """Print and return the role figures of the postings."""
    seen: set[str] = set()
    scored: list[tuple[dict, tuple[tuple[str, float], ...]]] = []
    for row in rows:
        if row["lang"] != "en" or row["description"] in seen:
            continue
        seen.add(row["description"])
        report = analyze_text(row["text"], row["key"], reference_date=AS_OF)
        scored.append((row, tuple((fit.id, fit.score) for fit in report.roles)))
    ml = [(row, ranked) for row, ranked in scored if row["family"] == "ml-data" and row["roles"]]
    top1 = sum(top_k(ranked, row["roles"], 1) for row, ranked in ml)
    top3 = sum(top_k(ranked, row["roles"], 3) for row, ranked in ml)
    best = {row["key"]: ranked[0][1] for row, ranked in scored}
    ml_scores = [best[row["key"]] for row, _ in ml]
    software = [best[row["key"]] for row, _ in scored if row["family"] == "software"]
    non_ml = [best[row["key"]] for row, _ in scored if row["family"] != "ml-data"]
    summary = {
        "postings": len(ml),
        "top1": top1 / len(ml) if ml else None,
        "top3": top3 / len(ml) if ml else None,
        "auc_ml_vs_software": auc(ml_scores, software),
        "auc_ml_vs_all_non_ml": auc(ml_scores, non_ml),
        "n_software": len(software),
        "n_non_ml": len(non_ml),
    }
    if ml:
        print(
            f"postings: {len(ml)} English ML/data (distinct descriptions): top-1 {top1}/{len(ml)}"
            f" = {top1 / len(ml):.1%}, top-3 {top3}/{len(ml)} = {top3 / len(ml):.1%}"
        )
    print(
        f"  ML/data vs non-ML software AUC {summary['auc_ml_vs_software']:.3f} "
        f"(n={len(software)}); vs every non-ML posting {summary['auc_ml_vs_all_non_ml']:.3f} "
        f"(n={len(non_ml)})"
    )
    if errors:
        confusions: dict[tuple[str, str], int] = {}
        for row, ranked in ml:
            if not top_k(ranked, row["roles"], 1):
                pair = (row["roles"][0], ranked[0][0])
                confusions[pair] = confusions.get(pair, 0) + 1
        for (wanted, got), n in sorted(confusions.items(), key=lambda kv: -kv[1]):
            print(f"  {n:3d} x labelled {wanted}, ranked {got} first")
    return summary


def main(argv: list[str] | None = None) -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=("tune", "report", "both"), default="tune")
    parser.add_argument(
        "--only",
        choices=("skills", "roles", "postings"),
        action="append",
        help="skills and roles both come from the resumes; repeatable",
    )
    parser.add_argument("--errors", action="store_true", help="list each file's misses (tune)")
    parser.add_argument("--json", type=Path, help="also write the figures to this file")
    args = parser.parse_args(argv)
    if args.errors and args.half != "tune":
        parser.error("--errors is for the tune half only: the report half is not to be studied")
    if not CORPUS.exists():
        parser.error(f"{CORPUS} not found: set RESUME_FIT_SHARED to the folder holding corpus/")
    only = set(args.only or ("skills", "roles", "postings"))
    figures: dict = {"half": args.half}
    if only & {"skills", "roles"}:
        lexicon = load_lexicon()
        index = name_index(lexicon)
        split = read_split(LABELS / "resumes" / "split.tsv")
        results = []
        for path in sorted((LABELS / "resumes").glob("*.json"), key=lambda p: p.name.lower()):
            label = json.loads(path.read_text(encoding="utf-8"))
            if args.half == "both" or split.get(label["file"]) == args.half:
                results.append(score_resume(label, lexicon, index))
        figures["resumes"] = report_resumes(results, args.errors)
    if "postings" in only:
        figures["postings"] = report_postings(read_postings(args.half), args.errors)
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=2, sort_keys=True) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
