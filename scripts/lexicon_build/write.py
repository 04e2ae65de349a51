"""Writing ``skills.jsonl`` (validated, atomically, byte-identical across runs) and its summary."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

from resume_fit.lexicon import CATEGORIES, parse_lexicon

from .merge import Entry


def _dumps(record: dict[str, object]) -> str:
    """One JSON line, key order as given (stable across runs)."""
    return json.dumps(record, ensure_ascii=False, separators=(", ", ": "))


def write_lexicon(entries: dict[str, Entry], out: Path) -> None:
    """Write one JSON line per entry, sorted by id, to ``out`` (replaced only when valid).

    Raises:
        DataFileError: The lexicon loader rejects the result (fields, parents, cycles); nothing
            is written then.
    """
    lines = [_dumps(entries[i].record()) for i in sorted(entries)]
    data = ("\n".join(lines) + "\n").encode("utf-8")
    parse_lexicon(data, str(out))  # validates parents, cycles and fields before anything is written
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(".jsonl.tmp")
    tmp.write_bytes(data)
    tmp.replace(out)


def summary(entries: dict[str, Entry], stats: dict[str, dict[str, int]]) -> str:
    """Counts per category and per source kind, for the build log."""
    by_category = Counter(e.category for e in entries.values())
    by_source: Counter[str] = Counter()
    for entry in entries.values():
        for kind in {s.split(":", 1)[0] for s in entry.sources}:
            by_source[kind] += 1
    curated = sum(e.curated for e in entries.values())
    ambiguous = sum(bool(e.ambiguous) for e in entries.values())
    lines = [f"{len(entries)} skills ({curated} curated, {ambiguous} ambiguous)", "per category:"]
    lines += [f"  {c:<14} {by_category[c]:>5}" for c in CATEGORIES]
    lines.append("skills citing each source kind:")
    lines += [f"  {k:<14} {n:>5}" for k, n in sorted(by_source.items())]
    lines.append("taxonomy candidates (merged into a skill / created / skipped):")
    lines += [
        f"  {k:<14} {v['merged']:>5} {v['created']:>5} {v['skipped']:>5}" for k, v in stats.items()
    ]
    return "\n".join(lines)
