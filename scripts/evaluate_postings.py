"""Evaluate posting parsing and posting-based ranking against the blind labels of the real corpus.

Two measures (protocol in ``eval/real/PROTOCOL.md``):

* ``parse``: precision and recall of the required and of the preferred skills ``read_posting``
  finds, against ``eval/real/jobs/details/*.json`` (a label entry is found when any of its names is
  the name or an alias of a skill of a predicted item of the same kind; a predicted item is correct
  when one of its options is a label entry of the same kind; soft skills are left out on both
  sides). Also the same without the kind (skill found at all), and years and degree accuracy.
* ``rank``: for each labelled resume with plausible roles, its match scores against English
  postings; AUC of own family (``ml-data``) against the other families (software, admin, other),
  per resume then averaged, and pooled; and AUC of postings sharing a labelled role against all
  others.

Only the half given by ``--half`` is read (``tune`` while working; the lead runs ``report``).

    python scripts/evaluate_postings.py parse --half tune
    python scripts/evaluate_postings.py rank --half tune
    # from a worktree: --labels /work/main/eval/real --corpus /work/shared/corpus/real
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import re
import sys
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# The labels live in the repository; the corpus beside it (``../shared/corpus/real``, or
# ``$RESUME_FIT_SHARED/corpus/real`` as for the other evaluation scripts).
DEFAULT_LABELS = ROOT / "eval" / "real"
DEFAULT_CORPUS = (
    Path(os.environ.get("RESUME_FIT_SHARED", ROOT.parent / "shared")) / "corpus" / "real"
)
TITLE_COLUMNS = ("posting_title", "title")


def _normal(name: str) -> str:
    return " ".join(re.sub(r"[^a-z0-9+#]+", " ", name.lower()).split())


def _rows(corpus: Path) -> dict[tuple[str, int], str]:
    csv.field_size_limit(10**8)
    texts = {}
    for path in sorted((corpus / "jobs").glob("*.csv")):
        with open(path, encoding="utf-8", newline="") as stream:
            for number, row in enumerate(csv.DictReader(stream)):
                title = next((row[c] for c in TITLE_COLUMNS if row.get(c)), "")
                texts[(path.name, number)] = f"{title.strip()}\n{row.get('description') or ''}"
    return texts


def _surface_index(lexicon: object) -> dict[str, set[str]]:
    index: dict[str, set[str]] = {}
    for skill_id in lexicon:  # type: ignore[attr-defined]
        skill = lexicon[skill_id]  # type: ignore[index]
        for form in (skill.name, *skill.surface_forms, skill_id):
            index.setdefault(_normal(form), set()).add(skill_id)
    return index


def _entry_ids(entry: Iterable[str], index: dict[str, set[str]]) -> set[str]:
    return {i for name in entry for i in index.get(_normal(name), set())}


def _prf(tp_pred: int, pred: int, tp_gold: int, gold: int) -> dict[str, float]:
    p = tp_pred / pred if pred else 0.0
    r = tp_gold / gold if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "precision": round(p, 3),
        "recall": round(r, 3),
        "f1": round(f, 3),
        "n_pred": pred,
        "n_gold": gold,
    }


def evaluate_parse(labels: Path, corpus: Path, half: str, verbose: bool) -> dict[str, object]:
    from resume_fit.lexicon import load_lexicon
    from resume_fit.posting import posting_from_text

    lexicon = load_lexicon()
    index = _surface_index(lexicon)
    texts = _rows(corpus)
    counts = {k: [0, 0, 0, 0] for k in ("required", "preferred", "any")}
    years_ok = years_n = degree_ok = degree_n = 0
    files = sorted((labels / "jobs" / "details").glob("*.json"))
    used = 0
    for path in files:
        label = json.loads(path.read_text(encoding="utf-8"))
        if label.get("half") != half:
            continue
        used += 1
        posting = posting_from_text(texts[(label["file"], int(label["row"]))], path.stem)
        soft = {i for i in lexicon if lexicon[i].category == "soft_skill"}
        predicted = {
            kind: [set(r.options) - soft for r in posting.requirements if r.kind == kind]
            for kind in ("required", "preferred")
        }
        predicted = {k: [p for p in v if p] for k, v in predicted.items()}
        gold = {kind: [_entry_ids(e, index) for e in label.get(kind, [])] for kind in predicted}
        gold_names = {kind: label.get(kind, []) for kind in predicted}
        predicted["any"] = predicted["required"] + predicted["preferred"]
        gold["any"] = gold["required"] + gold["preferred"]
        gold_names["any"] = gold_names["required"] + gold_names["preferred"]
        for kind in ("required", "preferred", "any"):
            pred, golds = predicted[kind], gold[kind]
            counts[kind][0] += sum(1 for p in pred if any(p & g for g in golds))
            counts[kind][1] += len(pred)
            counts[kind][2] += sum(1 for g in golds if any(p & g for p in pred))
            counts[kind][3] += len(golds)
            if verbose and kind != "any":
                wrong = [sorted(p) for p in pred if not any(p & g for g in golds)]
                missed = [
                    n
                    for n, g in zip(gold_names[kind], golds, strict=True)
                    if not any(p & g for p in pred)
                ]
                print(f"{path.stem} {kind}: false {wrong} missed {missed}", file=sys.stderr)
        if label.get("years") is not None or posting.years is not None:
            years_n += 1
            years_ok += (label.get("years") or None) == (posting.years and int(posting.years))
        degree_n += 1
        degree_ok += (label.get("degree") or None) == posting.degree
    result: dict[str, object] = {"half": half, "postings": used}
    for kind, (tp_pred, pred, tp_gold, n_gold) in counts.items():
        result[kind] = _prf(tp_pred, pred, tp_gold, n_gold)
    result["years_exact"] = f"{years_ok}/{years_n}"
    result["degree_exact"] = f"{degree_ok}/{degree_n}"
    return result


def _auc(positives: list[float], negatives: list[float]) -> float | None:
    if not positives or not negatives:
        return None
    wins = sum(1.0 if p > n else 0.5 if p == n else 0.0 for p in positives for n in negatives)
    return wins / (len(positives) * len(negatives))


def _resume_file(corpus: Path, name: str) -> Path | None:
    found = [p for p in (corpus / "resumes").rglob(name) if p.is_file()]
    return found[0] if found else None


def evaluate_rank(
    labels: Path, corpus: Path, half: str, verbose: bool, limit: int | None
) -> dict[str, object]:
    import datetime as dt

    from resume_fit.extract import extract_skills
    from resume_fit.lexicon import load_lexicon
    from resume_fit.match.credit import SkillCredit
    from resume_fit.match.posting_fit import posting_scoring, score_posting
    from resume_fit.match.role_fit import skill_usage
    from resume_fit.parse import parse_file
    from resume_fit.posting import posting_from_text
    from resume_fit.profile import build_profile
    from resume_fit.roles import load_catalogue

    lexicon, scoring, settings = load_lexicon(), load_catalogue().scoring, posting_scoring()

    split = {}
    with open(labels / "resumes" / "split.tsv", encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            split[row.get("file") or next(iter(row.values()))] = row.get("half", "")
    texts = _rows(corpus)
    postings = []
    started = time.monotonic()
    with open(labels / "jobs" / "titles.tsv", encoding="utf-8") as stream:
        for row in csv.DictReader(stream, delimiter="\t"):
            if row["half"] != half or row["lang"] != "en":
                continue
            key = (row["file"], int(row["row"]))
            roles = {r for r in row["roles"].split(",") if r}
            postings.append((row["family"], roles, posting_from_text(texts[key], f"{key}")))
    if limit:
        postings = postings[:limit]
    parse_seconds = time.monotonic() - started
    per_resume, pooled_pos, pooled_neg, role_aucs = [], [], [], []
    for path in sorted((labels / "resumes").glob("*.json")):
        label = json.loads(path.read_text(encoding="utf-8"))
        if split.get(label["file"]) != half or not label.get("roles"):
            continue
        file = _resume_file(corpus, label["file"])
        if file is None:
            continue
        resume = parse_file(file)
        skills = extract_skills(resume)
        profile = build_profile(resume, skills, reference_date=dt.date(2026, 12, 1))
        credit = SkillCredit(skill_usage(skills), lexicon, scoring)
        scores = [
            (
                family,
                roles,
                score_posting(skills, profile, posting, lexicon, scoring, settings, credit).score,
            )
            for family, roles, posting in postings
        ]
        pos = [s for f, _, s in scores if f == "ml-data"]
        neg = [s for f, _, s in scores if f != "ml-data"]
        auc = _auc(pos, neg)
        wanted = set(label["roles"])
        role_auc = _auc(
            [s for _, r, s in scores if r & wanted], [s for _, r, s in scores if not r & wanted]
        )
        if auc is not None:
            per_resume.append(auc)
            pooled_pos += pos
            pooled_neg += neg
        if role_auc is not None:
            role_aucs.append(role_auc)
        if verbose:
            print(
                f"{label['file']}: family AUC {auc} role AUC {role_auc} "
                f"mean own {sum(pos) / max(1, len(pos)):.1f} "
                f"other {sum(neg) / max(1, len(neg)):.1f}",
                file=sys.stderr,
            )
    return {
        "half": half,
        "resumes": len(per_resume),
        "postings": len(postings),
        "posting_parse_seconds": round(parse_seconds, 1),
        "family_auc_mean": round(sum(per_resume) / len(per_resume), 3) if per_resume else None,
        "family_auc_min": round(min(per_resume), 3) if per_resume else None,
        "family_auc_pooled": round(_auc(pooled_pos, pooled_neg) or 0.0, 3),
        "role_auc_mean": round(sum(role_aucs) / len(role_aucs), 3) if role_aucs else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("measure", choices=["parse", "rank"])
    parser.add_argument("--half", choices=["tune", "report"], default="tune")
    parser.add_argument("--labels", type=Path, default=DEFAULT_LABELS)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="Postings read (rank).")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    if args.measure == "parse":
        result = evaluate_parse(args.labels, args.corpus, args.half, args.verbose)
    else:
        result = evaluate_rank(args.labels, args.corpus, args.half, args.verbose, args.limit)
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
