"""Build the skill pipeline from the lexicon and save it to models/skills.

    python scripts/build_model.py            # from the repository root
    python scripts/build_model.py --check    # exit 1 when models/skills is stale

Reads ``lexicons/skills.jsonl`` and ``lexicons/extract.toml``, assembles ``spacy.blank("en")`` with
the ``resume_fit_skills`` component (``resume_fit.extract.build_pipeline``) and writes it with
``nlp.to_disk``. The folder is written beside the target and swapped in whole, so a failed build
never leaves half a model. The same inputs give the same bytes (no timestamps are stored).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

from resume_fit.errors import ResumeFitError
from resume_fit.extract.pipeline import META_KEY, build_pipeline
from resume_fit.extract.settings import read_settings
from resume_fit.lexicon import read_lexicon


def main(argv: list[str] | None = None) -> int:
    """Build (or with ``--check`` verify) the saved pipeline; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lexicon", type=Path, default=Path("lexicons/skills.jsonl"))
    parser.add_argument("--settings", type=Path, default=Path("lexicons/extract.toml"))
    parser.add_argument("--output", type=Path, default=Path("models/skills"))
    parser.add_argument("--check", action="store_true", help="only report whether it is stale")
    args = parser.parse_args(argv)
    try:
        lexicon = read_lexicon(args.lexicon)
        settings = read_settings(args.settings)
    except ResumeFitError as error:
        print(f"build_model: {error}", file=sys.stderr)
        return 2
    if args.check:
        import json

        meta_path = args.output / "meta.json"
        stamp = json.loads(meta_path.read_text()).get(META_KEY, {}) if meta_path.exists() else {}
        fresh = stamp == {"lexicon_version": lexicon.version, "settings_hash": settings.digest}
        print(f"{args.output}: {'up to date' if fresh else 'STALE'}")
        return 0 if fresh else 1
    nlp = build_pipeline(lexicon, settings)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".skills-", dir=args.output.parent))
    try:
        nlp.to_disk(staging / "model")
        if args.output.exists():
            shutil.rmtree(args.output)
        (staging / "model").rename(args.output)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    print(
        f"wrote {args.output}: {len(lexicon)} skills, lexicon {lexicon.version}, "
        f"settings {settings.digest}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
