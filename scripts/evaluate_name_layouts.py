"""Does ``--redact`` still read the person's name when a layout hides it? (tune half only)

    python scripts/evaluate_name_layouts.py            # counts per layout
    python scripts/evaluate_name_layouts.py --show     # also each miss's file index and tokens

The person's name tokens come from ``scripts/evaluate_redaction.py``'s independent reader. Each
tune resume is then read by ``find_identity`` as parsed and in shapes real layouts take:

- ``no-file``: the file is called ``cv.pdf`` (no name in the file name);
- ``no-contact``: e-mail addresses, links and profile URLs are removed from the text;
- ``both``: both of these;
- ``sidebar``: an invented side column (contact heading, phone, skills, languages, a profile
  line; 13 lines) is read before the document, as a two-column PDF is read column by column;
- ``sidebar+both``: the side column, no e-mail or link, no file name;
- ``header-last``: the first lines, up to the first blank line after at least three (at most
  eight), are read after the rest, as pdfminer reads a header text box last when the layout
  puts it in a shape or a table;
- ``header-last+both``: that, no e-mail or link, no file name.

A miss is a resume with a name token still written in the (changed) text that
``find_identity`` did not read; the extra column counts the tokens read that are not the
person's (over-reading). Only counts and indices are printed: no text of the documents. The
report half is refused: its misses are not to be studied (eval/real/PROTOCOL.md).
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import importlib.util
import re
import sys
from collections.abc import Callable
from pathlib import Path

from resume_fit.errors import ResumeFitError
from resume_fit.parse import parse_file
from resume_fit.parse.resume_text import ResumeText
from resume_fit.report.identity import find_identity
from resume_fit.report.redaction_rules import DOMAIN, EMAIL, URL

ROOT = Path(__file__).resolve().parents[1]
# An invented side column: what a two-column PDF may read before the name.
SIDEBAR = (
    "Contact\n+1 555 010 2233\nSkills\nPython\nSQL\nTableau\nDocker\nStatistics\n"
    "Languages\nEnglish\nSpanish\nProfile\nAnalytical engineer who ships models.\n"
)


def _load_counter():  # the redaction benchmark's independent name reader
    spec = importlib.util.spec_from_file_location("evaluate_redaction", ROOT / "scripts" /
                                                  "evaluate_redaction.py")  # fmt: skip
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["evaluate_redaction"] = module
    spec.loader.exec_module(module)
    return module


def _no_contact(resume: ResumeText) -> ResumeText:
    text = resume.text
    for pattern in (EMAIL, URL, DOMAIN):
        text = pattern.sub(" ", text)
    return dataclasses.replace(resume, text=text, links=())


def _no_file(resume: ResumeText) -> ResumeText:
    return dataclasses.replace(resume, source=str(Path("/x") / ("cv" + Path(resume.source).suffix)))


def _sidebar(resume: ResumeText) -> ResumeText:
    return dataclasses.replace(resume, text=SIDEBAR + resume.text)


def _header_last(resume: ResumeText) -> ResumeText:
    lines = resume.text.split("\n")
    cut = min(8, len(lines))
    for i in range(3, cut):
        if not lines[i].strip():
            cut = i
            break
    text = "\n".join(lines[cut:]) + "\n\n" + "\n".join(lines[:cut]) + "\n"
    return dataclasses.replace(resume, text=text)


LAYOUTS: dict[str, Callable[[ResumeText], ResumeText]] = {
    "as parsed": lambda r: r,
    "no-file": _no_file,
    "no-contact": _no_contact,
    "both": lambda r: _no_file(_no_contact(r)),
    "sidebar": _sidebar,
    "sidebar+both": lambda r: _sidebar(_no_file(_no_contact(r))),
    "header-last": _header_last,
    "header-last+both": lambda r: _header_last(_no_file(_no_contact(r))),
}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print each miss's index and tokens")
    args = parser.parse_args(argv)
    counter = _load_counter()
    with counter.SPLIT.open(encoding="utf-8") as handle:
        files = [r["file"] for r in csv.DictReader(handle, delimiter="\t") if r["half"] == "tune"]
    misses = dict.fromkeys(LAYOUTS, 0)
    extra = dict.fromkeys(LAYOUTS, 0)
    named = 0
    for index, name in enumerate(files):
        source = counter.CORPUS / name
        names = set(counter.identify(source).names)
        try:
            parsed = parse_file(source)
        except ResumeFitError:
            continue
        named += bool(names)
        for layout, change in LAYOUTS.items():
            resume = change(parsed)
            identity = find_identity(resume)
            read = identity.name_tokens | identity.capitalised_tokens
            text = counter.fold(resume.text)
            missed = {
                t
                for t in names - read
                if re.search(rf"(?<![^\W\d_]){re.escape(t)}(?![^\W\d_])", text)
            }
            misses[layout] += bool(missed)
            extra[layout] += len(read - names)
            if missed and args.show:
                print(f"  {layout}: file {index} misses {sorted(missed)}")
    print(f"tune half: {len(files)} resumes, {named} with a name the counter reads")
    print("| layout | resumes with a name token not read | tokens read that are not the name |")
    print("|---|---:|---:|")
    for layout in LAYOUTS:
        print(f"| {layout} | {misses[layout]} | {extra[layout]} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
