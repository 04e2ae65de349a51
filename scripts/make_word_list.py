#!/usr/bin/env python
"""Write ``lexicons/english_words.txt``, the English words fuzzy matching never "corrects".

Usage::

    apt-get install wamerican wbritish  # Debian's SCOWL-derived American and British lists
    python scripts/make_word_list.py [--source /usr/share/dict/american-english ...]

Both spellings count as spelled correctly ("color" and "colour", "analyze" and "analyse": resumes
are written in either). Keeps the lower-case, purely alphabetic words of three letters or more
(proper nouns, possessives and abbreviations are left out), sorted, one a line, under a header
naming the source. The fuzzy resolver (``resume_fit.extract.fuzzy``) treats a token in this list as
correctly spelled: near-miss matching is for out-of-vocabulary tokens only ("Kubernates"), never
for a real word ("Detection" is not Detectron2). SCOWL's licence is reproduced in NOTICE.
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
    "# English words (lower case, letters only, 3+ letters) from Debian's wamerican and\n"
    "# wbritish packages (SCOWL by Kevin Atkinson, http://wordlist.aspell.net/; licence in\n"
    "# NOTICE), written by scripts/make_word_list.py. A token in this list is spelled correctly:\n"
    "# never fuzzy-matched, and a skill name in lower case that is none of them is the name.\n"
)


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; returns the exit status."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--source",
        type=Path,
        nargs="+",
        default=[Path("/usr/share/dict/american-english"), Path("/usr/share/dict/british-english")],
    )
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    lines: list[str] = []
    for source in args.source:
        try:
            lines += source.read_text(encoding="utf-8").splitlines()
        except OSError as error:
            print(
                f"make_word_list: cannot read {source}: {error.strerror} "
                "(apt-get install wamerican wbritish)",
                file=sys.stderr,
            )
            return 1
    words = sorted({w for w in (line.strip() for line in lines) if _WORD.fullmatch(w)})
    args.out.write_text(HEADER + "\n".join(words) + "\n", encoding="utf-8")
    print(f"wrote {len(words)} words to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
