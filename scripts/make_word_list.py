#!/usr/bin/env python
"""Write ``lexicons/english_words.txt``, the English words fuzzy matching never "corrects".

Usage::

    apt-get install wamerican          # Debian's SCOWL-derived American English list
    python scripts/make_word_list.py [--source /usr/share/dict/american-english]

Keeps the lower-case, purely alphabetic words of three letters or more (proper nouns, possessives
and abbreviations are left out), sorted, one a line, under a header naming the source. The fuzzy
resolver (``resume_fit.extract.fuzzy``) treats a token in this list as correctly spelled: near-miss
matching is for out-of-vocabulary tokens only ("Kubernates"), never for a real word ("Detection"
is not Detectron2). SCOWL's licence is reproduced in NOTICE.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
OUT = REPO / "lexicons" / "english_words.txt"
_WORD = re.compile(r"[a-z]{3,}")
HEADER = (
    "# English words (lower case, letters only, 3+ letters) from Debian's wamerican package\n"
    "# (SCOWL by Kevin Atkinson, http://wordlist.aspell.net/; licence in NOTICE), written by\n"
    "# scripts/make_word_list.py. A token in this list is spelled correctly: never fuzzy-matched.\n"
)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--source", type=Path, default=Path("/usr/share/dict/american-english"))
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    try:
        lines = args.source.read_text(encoding="utf-8").splitlines()
    except OSError as error:
        print(
            f"make_word_list: cannot read {args.source}: {error.strerror} "
            "(apt-get install wamerican)",
            file=sys.stderr,
        )
        return 1
    words = sorted({w for w in (line.strip() for line in lines) if _WORD.fullmatch(w)})
    args.out.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
