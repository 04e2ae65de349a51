"""Measure posting matching: one resume against many postings; `batch --job` against `batch`.

    python benchmarks/match_speed.py                       # 1,000 postings, 100 resumes, best of 3
    python benchmarks/match_speed.py --postings 1000 --count 100 --repeat 3 --jobs 1

(a) One resume (``samples/ml_engineer.pdf``) against N generated postings on one core, after
    parsing: CPU seconds of ``score_posting`` for all N (one shared ``SkillCredit``, as
    ``batch --job`` and a screening loop use it). Target: 1,000 postings in <= 5 s. Parsing the N
    postings is timed and printed too.
(b) ``run_batch`` on the generated resume corpus (``make_corpus.py``, in ``benchmarks/out/``), with
    and without one posting, each run in a fresh interpreter; the ratio of CPU seconds and of
    wall-clock time (target <= 1.10).
(c) The same files already parsed, through ``score_file`` in one process with and without the
    posting (interleaved, best of ``--repeat``): the added analysis cost per file, free of pool
    start-up and machine-load noise.

Postings are generated from the role catalogue (titles, required and preferred skills, "one of"
groups, years) with a fixed seed, so no posting text from anywhere is stored or needed.
"""

from __future__ import annotations

import argparse
import datetime as dt
import multiprocessing
import random
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))
from batch_throughput import _cpu_seconds, _warm_page_cache, corpus  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
OUT = Path(__file__).resolve().parent / "out"
INTROS = (
    "We are a growing team building products for logistics customers.",
    "Our platform helps clinics schedule and bill their patients.",
    "Join a small group shipping forecasting tools to retailers.",
)
LEADS = ("Experience with", "Strong knowledge of", "Hands-on experience with", "Proficiency in")


def make_posting(rng: random.Random) -> str:
    """One invented posting for a random catalogue role."""
    from resume_fit.lexicon import load_lexicon
    from resume_fit.roles import load_catalogue

    lexicon, catalogue = load_lexicon(), load_catalogue()
    role = rng.choice(list(catalogue.values()))
    name = lambda i: lexicon[i].name if i in lexicon else i  # noqa: E731
    title = (rng.choice(role.titles) if role.titles else role.name).title()
    lines = [rng.choice(("Senior ", "", "Junior ")) + title, "", "About us", rng.choice(INTROS)]
    lines += ["", "Requirements"]
    years = rng.choice((2, 3, 5))
    lines.append(f"- {years}+ years of professional experience")
    for item in role.required:
        names = [name(o) for o in item.options]
        if len(names) > 1:
            lines.append(f"- {rng.choice(LEADS)} {', '.join(names[:-1])} or {names[-1]}")
        elif rng.random() < 0.3:
            lines.append(f"- {rng.randint(2, 5)}+ years of {names[0]}")
        else:
            lines.append(f"- {rng.choice(LEADS)} {names[0]}")
    lines.append("- A Bachelor's degree in a quantitative field")
    lines += ["", "Nice to have"]
    lines += [f"- Familiarity with {name(i.options[0])}" for i in role.preferred]
    lines += ["", "Benefits", "- Remote-friendly hours and a learning budget"]
    return "\n".join(lines) + "\n"


def score_many(postings: int, seed: int, repeat: int) -> dict[str, Any]:
    """Parse ``postings`` postings, then time one resume against all of them."""
    from resume_fit.extract import extract_skills
    from resume_fit.lexicon import load_lexicon
    from resume_fit.match.credit import SkillCredit
    from resume_fit.match.posting_fit import posting_scoring, score_posting
    from resume_fit.match.role_fit import skill_usage
    from resume_fit.parse import parse_file
    from resume_fit.posting import posting_from_text
    from resume_fit.profile import build_profile
    from resume_fit.roles import load_catalogue

    rng = random.Random(seed)
    texts = [make_posting(rng) for _ in range(postings)]
    started = time.process_time()
    parsed = [posting_from_text(t, f"posting-{i}") for i, t in enumerate(texts)]
    parse_cpu = time.process_time() - started
    resume = parse_file(ROOT / "samples" / "ml_engineer.pdf")
    skills = extract_skills(resume)
    profile = build_profile(resume, skills, reference_date=dt.date(2026, 6, 30))
    lexicon, scoring, settings = load_lexicon(), load_catalogue().scoring, posting_scoring()
    best = float("inf")
    scores: list[float] = []
    for _ in range(repeat):
        started = time.process_time()
        credit = SkillCredit(skill_usage(skills), lexicon, scoring)
        fits = [
            score_posting(skills, profile, p, lexicon, scoring, settings, credit) for p in parsed
        ]
        best = min(best, time.process_time() - started)
        scores = [f.score for f in fits]
    return {
        "postings": postings,
        "parse_cpu": parse_cpu,
        "match_cpu": best,
        "requirements": sum(len(p.requirements) for p in parsed),
        "mean_score": sum(scores) / len(scores),
    }


def batch_run(folder: Path, jobs: int, posting: str | None) -> dict[str, float]:
    """CPU and wall seconds of ``run_batch`` on ``folder`` (with one posting when given)."""
    from resume_fit.batch import run_batch
    from resume_fit.batch.runner import read_postings

    cpu = _cpu_seconds()
    started = time.monotonic()
    postings = read_postings([posting]) if posting else ()
    result = run_batch([folder], jobs=jobs, progress=False, postings=postings)
    return {
        "seconds": time.monotonic() - started,
        "cpu": _cpu_seconds() - cpu,
        "failed": result.stats.failed,
        "files": result.stats.files,
    }


def analysis_overhead(folder: Path, posting: str, repeat: int) -> dict[str, float]:
    """CPU seconds of ``score_file`` on every parsed file, without and with one posting."""
    from resume_fit.batch.discover import discover
    from resume_fit.batch.runner import read_postings
    from resume_fit.batch.score import score_file
    from resume_fit.errors import ResumeFitError
    from resume_fit.parse import parse_file
    from resume_fit.posting import parse_posting

    texts = []
    for path in discover([folder]).files:
        try:
            texts.append(parse_file(path))
        except ResumeFitError:
            continue
    [job] = read_postings([posting])
    ready = (parse_posting(job),) if not hasattr(job, "requirements") else (job,)
    day = dt.date(2026, 6, 30)
    score_file(texts[0], reference_date=day)  # load the pipeline outside the timing
    plain = with_job = float("inf")
    for _ in range(repeat):
        started = time.process_time()
        for text in texts:
            score_file(text, reference_date=day)
        plain = min(plain, time.process_time() - started)
        started = time.process_time()
        for text in texts:
            score_file(text, reference_date=day, postings=ready)
        with_job = min(with_job, time.process_time() - started)
    return {"files": len(texts), "plain": plain, "with_job": with_job}


def _fresh(function: Any, *args: Any) -> Any:
    context = multiprocessing.get_context("spawn")
    results = context.SimpleQueue()
    process = context.Process(target=_run_into, args=(results, function, args))
    process.start()
    result = results.get()
    process.join()
    return result


def _run_into(results: Any, function: Any, args: tuple[Any, ...]) -> None:
    results.put(function(*args))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--postings", type=int, default=1000)
    parser.add_argument("--count", type=int, default=100, help="Resumes for the batch runs.")
    parser.add_argument("--jobs", type=int, default=1, help="Batch worker processes.")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--skip-batch", action="store_true")
    parser.add_argument("--only-cost", action="store_true", help="Run (c) only.")
    args = parser.parse_args()

    if args.only_cost:
        folder = corpus(args.count)
        posting = OUT / "match-speed-posting.txt"
        posting.write_text(make_posting(random.Random(args.seed)), encoding="utf-8")
        cost = _fresh(analysis_overhead, folder, str(posting), args.repeat)
        print(cost, cost["with_job"] / cost["plain"])
        return
    many = _fresh(score_many, args.postings, args.seed, args.repeat)
    print(
        f"(a) one resume vs {many['postings']} postings ({many['requirements']} requirements): "
        f"match {many['match_cpu']:.2f} s CPU (best of {args.repeat}; target <= 5 s); "
        f"parsing the postings {many['parse_cpu']:.1f} s CPU; mean score {many['mean_score']:.1f}"
    )
    if args.skip_batch:
        return
    folder = corpus(args.count)
    OUT.mkdir(parents=True, exist_ok=True)
    posting = OUT / "match-speed-posting.txt"
    posting.write_text(make_posting(random.Random(args.seed)), encoding="utf-8")
    _warm_page_cache(folder)
    plain: list[dict[str, float]] = []
    with_job: list[dict[str, float]] = []
    for _ in range(args.repeat):
        # Interleaved, so a change in machine load hits both sides alike.
        plain.append(_fresh(batch_run, folder, args.jobs, None))
        with_job.append(_fresh(batch_run, folder, args.jobs, str(posting)))
    cpu_a, cpu_b = min(r["cpu"] for r in plain), min(r["cpu"] for r in with_job)
    wall_a, wall_b = min(r["seconds"] for r in plain), min(r["seconds"] for r in with_job)
    print(
        f"(b) batch on {plain[0]['files']:.0f} files, --jobs {args.jobs}, best of {args.repeat}: "
        f"CPU {cpu_a:.1f} s vs {cpu_b:.1f} s with --job ({cpu_b / cpu_a:.3f}x); wall "
        f"{wall_a:.1f} s vs {wall_b:.1f} s ({wall_b / wall_a:.3f}x); target <= 1.10x"
    )
    cost = _fresh(analysis_overhead, folder, str(posting), args.repeat)
    print(
        f"(c) score_file on {cost['files']:.0f} parsed files, best of {args.repeat}: "
        f"{cost['plain']:.2f} s vs {cost['with_job']:.2f} s CPU with one posting "
        f"({cost['with_job'] / cost['plain']:.3f}x; "
        f"+{(cost['with_job'] - cost['plain']) / cost['files'] * 1000:.2f} ms per file)"
    )


if __name__ == "__main__":
    main()
