"""Property-based fuzzing of the parse stage: mutated PDFs, DOCX and text never crash it.

Seeds are real-looking documents (the bundled samples, a text-box DOCX twin, a two-column PDF from
the tiny writer). Hypothesis mutates them (bit flips, truncation, splices of another document,
a zip member rewritten with broken bytes, the DOCX XML cut or spliced) and ``parse_file`` must
return a ``ResumeText`` or raise a ``ResumeFitError`` subclass, within its own time budget (a
``LimitExceededError`` from the deadline is an allowed outcome). Nothing else may escape.

``make test`` runs a short, derandomised pass (the ``ci`` profile, well under a minute). The long
run is ``make fuzz`` (``RESUME_FIT_FUZZ=long``: many more examples, fresh randomness each run).
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from functools import lru_cache
from pathlib import Path

from docx_boxes import templates, write_docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pdf_writer import Page, make_pdf, two_column_page

from resume_fit.config import Limits
from resume_fit.errors import ResumeFitError
from resume_fit.parse import ResumeText, parse_file

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
LIMITS = Limits(timeout_seconds=10.0)

settings.register_profile(
    "ci",
    max_examples=int(os.environ.get("RESUME_FIT_FUZZ_EXAMPLES", "80")),
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=int(os.environ.get("RESUME_FIT_FUZZ_EXAMPLES", "1500")),
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.too_slow],
)
PROFILE = "long" if os.environ.get("RESUME_FIT_FUZZ") == "long" else "ci"


@lru_cache(maxsize=1)
def _seeds() -> dict[str, bytes]:
    with tempfile.TemporaryDirectory() as folder:
        box_docx = write_docx(templates()["dates_beside"], Path(folder) / "boxes.docx")
        box_bytes = box_docx.read_bytes()
    return {
        "pdf": (SAMPLES / "ml_engineer.pdf").read_bytes(),
        "pdf_columns": make_pdf([two_column_page(), Page()]),
        "docx": (SAMPLES / "data_analyst.docx").read_bytes(),
        "docx_boxes": box_bytes,
        "txt": (SAMPLES / "nontech_chef.txt").read_bytes(),
    }


SUFFIX = {"pdf": ".pdf", "pdf_columns": ".pdf", "docx": ".docx", "docx_boxes": ".docx"}


def _flip(data: bytes, flips: list[tuple[int, int]]) -> bytes:
    out = bytearray(data)
    for position, bit in flips:
        out[position % len(out)] ^= 1 << bit
    return bytes(out)


def _rewrite_member(data: bytes, pick: int, mutate: st.DataObject) -> bytes:
    """Rewrite one member of a zip (kept a valid zip) with mutated bytes."""
    source = zipfile.ZipFile(io.BytesIO(data))
    members = source.infolist()
    target_index = pick % len(members)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for index, member in enumerate(members):
            content = source.read(member.filename)
            if index == target_index:
                content = mutate.draw(_byte_mutations(content), label=member.filename)
            target.writestr(member.filename, content)
    return out.getvalue()


def _broken_xml(data: bytes, mutate: st.DataObject) -> bytes:
    """Cut or splice the text of word/document.xml, keeping the rest of the package."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member.filename)
            if member.filename == "word/document.xml":
                text = content.decode("utf-8")
                start = mutate.draw(st.integers(0, len(text)), label="xml start")
                length = mutate.draw(st.integers(0, 400), label="xml cut")
                insert = mutate.draw(
                    st.sampled_from(["", "<", "</w:p>", "<w:p><w:r><w:t>", "&amp", "\x00", "]]>"]),
                    label="xml insert",
                )
                content = (text[:start] + insert + text[start + length :]).encode("utf-8")
            target.writestr(member.filename, content)
    return out.getvalue()


def _byte_mutations(data: bytes) -> st.SearchStrategy[bytes]:
    size = max(len(data), 1)
    flips = st.lists(
        st.tuples(st.integers(0, size - 1), st.integers(0, 7)), min_size=1, max_size=12
    )
    return st.one_of(
        flips.map(lambda f: _flip(data, f) if data else data),
        st.integers(0, size).map(lambda n: data[:n]),
        st.tuples(st.integers(0, size), st.binary(max_size=64)).map(
            lambda t: data[: t[0]] + t[1] + data[t[0] :]
        ),
    )


@st.composite
def _mutated(draw: st.DrawFn) -> tuple[str, bytes, str]:
    seeds = _seeds()
    kind = draw(st.sampled_from(sorted(seeds)))
    data = seeds[kind]
    zipped = kind.startswith("docx")
    choices = ["bytes", "splice"] + (["member", "xml"] if zipped else [])
    how = draw(st.sampled_from(choices))
    if how == "bytes":
        data = draw(_byte_mutations(data))
    elif how == "splice":
        other = seeds[draw(st.sampled_from(sorted(seeds)))]
        cut = draw(st.integers(0, len(data)))
        start = draw(st.integers(0, len(other)))
        data = data[:cut] + other[start : start + draw(st.integers(0, 4096))]
    elif how == "member":
        data = _rewrite_member(data, draw(st.integers(0, 1000)), draw(st.data()))
    else:
        data = _broken_xml(data, draw(st.data()))
    # Without a suffix the content alone picks the reader, so a mutation that breaks the magic
    # bytes still reaches a reader instead of the suffix check.
    suffix = draw(st.sampled_from([SUFFIX.get(kind, ".txt"), ""]))
    return kind, data, suffix


def _parse(kind: str, data: bytes, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"resume{suffix}"
        path.write_bytes(data)
        try:
            result = parse_file(path, LIMITS)
        except ResumeFitError as error:
            assert str(error).startswith(str(path)) and "\n" not in str(error)
            return
        assert isinstance(result, ResumeText) and result.text


@settings(settings.get_profile(PROFILE))
@given(_mutated())
def test_parse_fuzz_mutated_documents_parse_or_raise_a_domain_error(
    case: tuple[str, bytes, str],
) -> None:
    _parse(*case)


def test_parse_fuzz_seeds_parse_cleanly() -> None:
    for kind, data in _seeds().items():
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / f"seed{SUFFIX.get(kind, '.txt')}"
            path.write_bytes(data)
            assert parse_file(path, LIMITS).text
