#!/usr/bin/env python
"""Build ``lexicons/skills.jsonl`` from the shared taxonomies and the hand-curated tables.

Usage::

    python scripts/build_lexicon.py [--shared ../shared] [--curated lexicons/curated]
        [--out lexicons/skills.jsonl] [--common-words /usr/share/dict/words]

Sources, in order of authority (an earlier source wins, a later one that names the same thing
only adds its citation):

1. ``lexicons/curated/*.toml``: the skills that matter, defined precisely (ids, aliases,
   parents, ambiguity), each citing the seed article or taxonomy code that names it.
2. Linguist ``languages.yml``: programming languages (``linguist:<name>``).
3. github/explore ``topics.jsonl``: technology topics and their aliases (``topic:<slug>``).
4. ESCO digital skills, read for the occupations in ``overrides.toml`` (``esco:<conceptUri>``);
   the ESCO research and transversal collections and the Tabiya skill labels only add citations.
5. O*NET ``Technology Skills.txt`` for the occupations and commodities in ``overrides.toml``
   (``onet:<commodity code>``), with vendor-style names normalised.

Taxonomy alternative labels are never taken blindly: an alias is kept only when it is a spelling
variant of the name, an acronym of it, or allowed by name in ``overrides.toml``. The output is
sorted by id and byte-identical across runs. The default shared folder is ``$RESUME_FIT_SHARED``
or ``../shared`` beside the repository. The build steps are the modules of ``lexicon_build/``
beside this script; this file is only the command line.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

# A script, not package code: the repository is the folder above scripts/.
REPO = Path(__file__).resolve().parent.parent
# ``python scripts/build_lexicon.py`` puts scripts/ on sys.path; loading this file by path
# (as the tests do) does not, and the build steps live in scripts/lexicon_build/.
if str(REPO / "scripts") not in sys.path:
    sys.path.insert(0, str(REPO / "scripts"))

from lexicon_build import BuildError, build, summary  # noqa: E402


def default_shared() -> Path:
    """``$RESUME_FIT_SHARED``, else the ``shared`` folder beside the repository."""
    env = os.environ.get("RESUME_FIT_SHARED")
    return Path(env) if env else REPO.parent / "shared"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status (1 on a bad input file)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--shared", type=Path, default=None, help="shared data folder (default: ../shared)"
    )
    parser.add_argument("--curated", type=Path, default=REPO / "lexicons" / "curated")
    parser.add_argument("--out", type=Path, default=REPO / "lexicons" / "skills.jsonl")
    parser.add_argument(
        "--common-words",
        type=Path,
        default=None,
        metavar="DICT",
        help="regenerate curated/common_words.txt from a word list (e.g. /usr/share/dict/words)",
    )
    parser.add_argument("--quiet", action="store_true", help="print nothing on success")
    args = parser.parse_args(argv)
    shared = args.shared or default_shared()
    started = time.perf_counter()
    try:
        entries, stats = build(shared, args.curated, args.out, args.common_words)
    except BuildError as error:
        print(f"build_lexicon: {error}", file=sys.stderr)
        return 1
    if not args.quiet:
        print(summary(entries, stats))
        print(f"wrote {args.out} in {time.perf_counter() - started:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
