"""Score the skill extractor: precision, recall and F1 on labelled data.

    python scripts/evaluate_skills.py                       # both evaluations
    python scripts/evaluate_skills.py --only resumes        # eval/skills only
    python scripts/evaluate_skills.py --only skillspan --examples 15

(a) SkillSpan dev (``../shared/corpus/skillspan/dev.json``; job-posting sentences with BIO tags for
knowledge and for skill spans). Each sentence is rebuilt as text, run through the extractor, and the
predicted character spans are mapped back to SkillSpan tokens. Reported per tag set (knowledge,
skill, either) and subset (tech, house, all): token-level P/R/F1 (a token counts when it lies
inside a gold span and inside a predicted span) and span-level P/R/F1 (exact token boundaries).
This is a lexicon matcher, so knowledge tags (tools, languages, fields) are the fair target; skill
tags are mostly long verb phrases ("work in a team") no lexicon can cover. Nothing from dev goes
into the lexicon.

(b) eval/skills: hand-written resumes and ``gold.json`` ({file: [skill ids]}, every lexicon skill
present in the file). Each file is parsed with ``resume_fit.parse.parse_text`` (sections matter to
the ambiguity policy), skills are extracted, and the set of ids is compared with the gold set:
per-resume P/R and micro-averaged totals, with the false positives and negatives listed.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from resume_fit.extract import build_pipeline, extract_skills, load_pipeline
from resume_fit.lexicon import read_lexicon
from resume_fit.parse.resume_text import ResumeText

# "either": a span tagged knowledge or skill (a lexicon holds both tools and soft skills).
TAGSETS = ("tags_knowledge", "tags_skill", "either")
# Resumes labelled from the lexicon alone, never used to tune anything (eval/skills/README.md).
HELD_OUT = frozenset(
    {
        "29_sre_engineer.txt",
        "30_store_manager.txt",
        "31_healthcare_data_scientist.md",
        "32_quant_analyst.txt",
    }
)
SHARED = Path(os.environ.get("RESUME_FIT_SHARED", "../shared"))


@dataclass
class Score:
    """True positives, false positives and false negatives, with the derived measures."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, other: Score) -> None:
        """Add another score's counts into this one."""
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn

    @property
    def precision(self) -> float:
        """tp / (tp + fp); 1.0 when nothing was predicted."""
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        """tp / (tp + fn); 1.0 when there was nothing to find."""
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        """Harmonic mean of precision and recall."""
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self) -> str:
        """``P R F1 (tp fp fn)`` formatted for a table."""
        return (
            f"P={self.precision:.3f} R={self.recall:.3f} F1={self.f1:.3f} "
            f"(tp={self.tp} fp={self.fp} fn={self.fn})"
        )


def _bio_spans(tags: list[str]) -> set[tuple[int, int]]:
    spans, start = set(), None
    for i, tag in enumerate([*tags, "O"]):
        if tag != "I" and start is not None:
            spans.add((start, i))
            start = None
        if tag == "B" or (tag == "I" and start is None):
            start = i
    return spans


def _predicted_spans(tokens: list[str], nlp) -> tuple[set[tuple[int, int]], list[str]]:
    offsets, text = [], ""
    for token in tokens:
        offsets.append((len(text), len(text) + len(token)))
        text += token + " "
    resume = ResumeText("<skillspan>", "text", text)
    spans, names = set(), []
    for mention in extract_skills(resume, nlp):
        for ev in mention.evidence:
            covered = [i for i, (s, e) in enumerate(offsets) if s < ev.end and ev.start < e]
            if covered:
                spans.add((covered[0], covered[-1] + 1))
                names.append(mention.id)
    return spans, names


def evaluate_skillspan(path: Path, nlp, examples: int) -> None:
    """Print token- and span-level scores on SkillSpan, by tag set and subset."""
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]
    scores: dict[tuple[str, str, str], Score] = {}
    errors: dict[str, Counter] = {"fn": Counter(), "fp": Counter()}
    for row in rows:
        tokens = row["tokens"]
        predicted, _ = _predicted_spans(tokens, nlp)
        pred_tokens = {i for s, e in predicted for i in range(s, e)}
        for tagset in TAGSETS:
            if tagset == "either":
                gold = _bio_spans(row["tags_knowledge"]) | _bio_spans(row["tags_skill"])
            else:
                gold = _bio_spans(row[tagset])
            gold_tokens = {i for s, e in gold for i in range(s, e)}
            token_score = Score(
                len(pred_tokens & gold_tokens),
                len(pred_tokens - gold_tokens),
                len(gold_tokens - pred_tokens),
            )
            span_score = Score(len(predicted & gold), len(predicted - gold), len(gold - predicted))
            for subset in (row["source"], "all"):
                for level, score in (("token", token_score), ("span", span_score)):
                    scores.setdefault((tagset, subset, level), Score()).add(score)
            if tagset == "tags_knowledge":
                for s, e in sorted(gold - predicted):
                    errors["fn"][" ".join(tokens[s:e])] += 1
                for s, e in sorted(predicted):
                    if not any(i in gold_tokens for i in range(s, e)):
                        errors["fp"][" ".join(tokens[s:e])] += 1
    print(f"== SkillSpan {path} ({len(rows)} sentences)")
    for tagset in TAGSETS:
        for subset in ("tech", "house", "all"):
            for level in ("token", "span"):
                score = scores[(tagset, subset, level)]
                print(f"{tagset:15s} {subset:5s} {level:5s} {score.row()}")
    if examples:
        print(f"most frequent missed knowledge spans (FN): {errors['fn'].most_common(examples)}")
        print(
            f"most frequent predictions outside knowledge spans (FP): "
            f"{errors['fp'].most_common(examples)}"
        )


def _parse(text: str, source: str) -> ResumeText:
    from resume_fit.parse import parse_text

    return parse_text(text, source)


def evaluate_resumes(
    folder: Path, nlp, verbose: bool, held_out: frozenset[str] = frozenset()
) -> Score:
    """Print per-resume and micro-averaged P/R/F1 against ``folder/gold.json``.

    ``held_out`` names files labelled blind (see eval/skills/README.md), totalled apart too.
    """
    gold: dict[str, list[str]] = json.loads((folder / "gold.json").read_text(encoding="utf-8"))
    total = Score()
    print(f"== eval/skills {folder} ({len(gold)} resumes)")
    for name in sorted(gold):
        text = (folder / name).read_text(encoding="utf-8")
        found = {m.id for m in extract_skills(_parse(text, name), nlp)}
        expected = set(gold[name])
        score = Score(len(found & expected), len(found - expected), len(expected - found))
        total.add(score)
        print(f"{name:34s} {score.row()}")
        if verbose and (found - expected or expected - found):
            print(f"{'':34s}   FP {sorted(found - expected)}  FN {sorted(expected - found)}")
    print(f"{'micro total':34s} {total.row()}")
    if held_out:
        blind = Score()
        for name in sorted(held_out & set(gold)):
            text = (folder / name).read_text(encoding="utf-8")
            found = {m.id for m in extract_skills(_parse(text, name), nlp)}
            expected = set(gold[name])
            blind.add(Score(len(found & expected), len(found - expected), len(expected - found)))
        print(f"{'held-out subset':34s} {blind.row()}")
    return total


def main(argv: list[str] | None = None) -> int:
    """Run the evaluations; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=("skillspan", "resumes"))
    parser.add_argument("--skillspan", type=Path, default=SHARED / "corpus/skillspan/dev.json")
    parser.add_argument("--resumes", type=Path, default=Path("eval/skills"))
    parser.add_argument("--examples", type=int, default=10, help="error examples to print")
    parser.add_argument("--quiet", action="store_true", help="no per-resume FP/FN lists")
    parser.add_argument(
        "--lexicon", type=Path, help="build the pipeline from this skills.jsonl instead of models/"
    )
    args = parser.parse_args(argv)
    nlp = load_pipeline() if args.lexicon is None else build_pipeline(read_lexicon(args.lexicon))
    if args.only in (None, "resumes"):
        evaluate_resumes(args.resumes, nlp, not args.quiet, HELD_OUT)
    if args.only in (None, "skillspan"):
        if not args.skillspan.is_file():
            print(f"{args.skillspan}: not found (set RESUME_FIT_SHARED)", file=sys.stderr)
            return 2
        evaluate_skillspan(args.skillspan, nlp, args.examples)
    return 0


if __name__ == "__main__":
    sys.exit(main())
