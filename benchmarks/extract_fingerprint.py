"""Dump every skill the shipped pipeline extracts, to tell whether a change altered any result.

    python benchmarks/extract_fingerprint.py --out before.json     # before the change
    python benchmarks/extract_fingerprint.py --compare before.json  # after: exit 1 on a difference

Texts: ``eval/skills/*`` and ``samples/*`` (parsed as files), and every string literal of at least
20 characters with a space in ``tests/**/*.py`` (the tests' invented resume text, parsed with
``parse_text``). For each text the output lists every mention: id, and each evidence's start, end,
section, method and confidence. A change to how the pipeline is saved or loaded must leave this
dump identical.
"""

from __future__ import annotations

import argparse
import ast
import hashlib
import json
import sys
from pathlib import Path
from typing import Any

from resume_fit.errors import ResumeFitError
from resume_fit.extract import extract_skills, load_pipeline
from resume_fit.parse import ResumeText, parse_file, parse_text


def _test_texts(root: Path) -> list[tuple[str, str]]:
    texts = set()
    for path in sorted(root.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            value = node.value if isinstance(node, ast.Constant) else None
            if isinstance(value, str) and len(value) >= 20 and " " in value:
                texts.add(value)
    return [(f"tests:{hashlib.sha256(t.encode()).hexdigest()[:12]}", t) for t in sorted(texts)]


def _parse(text: str) -> ResumeText:
    try:
        return parse_text(text, "test.txt")
    except ResumeFitError:  # too short to be a resume: match it as plain text
        return ResumeText("test.txt", "text", text)


def fingerprint() -> dict[str, Any]:
    """Every mention in every text, keyed by the text's name."""
    nlp = load_pipeline()
    resumes = []
    for folder in (Path("eval/skills"), Path("samples")):
        for path in sorted(folder.iterdir()):
            if path.suffix in {".txt", ".md", ".pdf", ".docx"} and path.stem != "README":
                resumes.append((str(path), parse_file(path)))
    resumes += [(name, _parse(text)) for name, text in _test_texts(Path("tests"))]
    out = {}
    for name, resume in resumes:
        out[name] = [
            [m.id, [[e.start, e.end, e.section, e.method, e.confidence] for e in m.evidence]]
            for m in extract_skills(resume, nlp)
        ]
    return out


def main(argv: list[str] | None = None) -> int:
    """Write or compare the dump; return the exit code (1 when it differs)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--out", type=Path)
    group.add_argument("--compare", type=Path)
    args = parser.parse_args(argv)
    found = fingerprint()
    mentions = sum(len(v) for v in found.values())
    if args.out is not None:
        args.out.write_text(json.dumps(found, sort_keys=True, indent=0) + "\n", encoding="utf-8")
        print(f"wrote {args.out}: {len(found)} texts, {mentions} mentions")
        return 0
    before = json.loads(args.compare.read_text(encoding="utf-8"))
    differ = sorted(k for k in before.keys() | found.keys() if before.get(k) != found.get(k))
    for name in differ[:20]:
        print(f"differs: {name}\n  before {before.get(name)}\n  now    {found.get(name)}")
    print(f"{len(found)} texts, {mentions} mentions: {len(differ)} differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
